import type { RegionFacts } from '../../engine/facts';
import { looksLikeIssuedKey } from '../../detectors';
import type { LiteralFact } from '../../semantics/flow';
import { pushChildren, type Ir } from '../../semantics/ir';
import { isContextSecret } from './classify';

/** A name a local's value is stored under: the store's position (its start) and the naming context. */
interface Store {
  local: string;
  at: number;
  name: string;
  via: 'variable' | 'key' | 'property';
}

/**
 * Random-looking literals first assigned to a local and then stored under a credential or key-header name through it
 * (`k = "Qm7f…"; $svc.api_key = k;`, `{ "X-Api-Key": k }`): the literal is the hard-coded credential. The local must be
 * assigned exactly once, from that literal, before the store. Only random-looking values: a plain word through a
 * local is more often a user name or a label than a password. The region's tree is walked only when it has such a
 * literal in a local (rare: generated and hand-written scripts alike assign words and numbers to locals).
 */
export function literalsStoredThroughLocals(r: RegionFacts): { lf: LiteralFact; name: string }[] {
  const byLocal = new Map<string, LiteralFact>();
  for (const lf of r.flow.literals) {
    const c = lf.ctx;
    if (c.kind !== 'named' || c.via !== 'variable' || c.part || lf.secret || c.name.startsWith('$')) continue;
    if (looksLikeIssuedKey(lf.lit.value)) byLocal.set(c.name, lf);
  }
  if (byLocal.size === 0) return [];
  const writes = new Map<string, Ir[]>();
  const stores: Store[] = [];
  const stack: Ir[] = [...r.ir.body];
  while (stack.length > 0) {
    const e = stack.pop() as Ir;
    if (e.k === 'assign') {
      const t = e.target;
      if (t.k === 'var' && t.scope === 'local' && byLocal.has(t.name)) {
        const list = writes.get(t.name) ?? [];
        list.push(e.op === '=' ? e.value : e);
        writes.set(t.name, list);
      }
      const v = e.value;
      if (e.op === '=' && v.k === 'var' && v.scope === 'local' && byLocal.has(v.name)) {
        if (t.k === 'var') stores.push({ local: v.name, at: e.start, name: t.name, via: 'variable' });
        else if (t.k === 'member' && t.prop !== undefined) stores.push({ local: v.name, at: e.start, name: t.prop, via: t.index ? 'key' : 'property' });
      }
    } else if (e.k === 'obj') {
      for (const p of e.props) {
        if (p.value.k === 'var' && p.value.scope === 'local' && byLocal.has(p.value.name)) stores.push({ local: p.value.name, at: e.start, name: p.key, via: 'property' });
      }
    }
    pushChildren(e, stack);
  }
  const out: { lf: LiteralFact; name: string }[] = [];
  const seen = new Set<LiteralFact>();
  for (const s of stores) {
    const lf = byLocal.get(s.local) as LiteralFact;
    const list = writes.get(s.local);
    if (!list || list.length !== 1 || list[0] !== lf.lit || lf.lit.start > s.at || seen.has(lf)) continue;
    if (!isContextSecret(lf.lit.value, { kind: 'named', name: s.name, via: s.via })) continue;
    seen.add(lf);
    out.push({ lf, name: s.name });
  }
  return out;
}

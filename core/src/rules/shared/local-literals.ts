import type { RegionFacts } from '../../engine/facts';
import { isCredentialName, isKeyHeaderName, looksLikeIssuedKey } from '../../detectors';
import type { LiteralFact } from '../../semantics/flow';
import { pushChildren, type Ir } from '../../semantics/ir';
import { isContextSecret } from './classify';
import { noteLocalWrite, soleWriteBefore } from './local-writes';

/** A name a local's value is stored under (or a credential it is compared with): the store's position and context. */
interface Store {
  local: string;
  at: number;
  name: string;
  via: 'variable' | 'key' | 'property' | 'compared';
  /** The name judged, when it differs from the one shown (`Authorization: Bearer` is judged as a bearer token). */
  judged?: string;
}

// The end of a header line or parameter that a concatenated value fills: `"X-Api-Key: " + k`, `"?apikey=" + k`,
// `"Authorization: Bearer " + k` (the scheme word names the value a bearer token).
const KEY_BEFORE_VALUE_RE = /([A-Za-z][\w.-]{1,60})[ \t]*[:=][ \t]*((?:bearer|basic|token)[ \t]+)?$/i;
const GET_CALL_RE = /^(?:get|getvar|jitterbit\.getvar)$/i;

/** The credential name a read stands for: a credential- or key-named variable, `Get("…")`, a local read from one. */
function credentialRead(e: Ir, writes: Map<string, Ir[]>, depth: number): string | undefined {
  let name: string | undefined;
  if (e.k === 'var') {
    if (e.scope === 'local') {
      const list = writes.get(e.name);
      return depth < 2 && list && list.length === 1 ? credentialRead(list[0], writes, depth + 1) : undefined;
    }
    name = e.name;
  } else if (e.k === 'call' && GET_CALL_RE.test(e.name) && e.args.length === 1 && e.args[0].k === 'lit' && typeof e.args[0].value === 'string') {
    name = e.args[0].value;
  }
  if (name === undefined) return undefined;
  const last = name.slice(name.lastIndexOf('.') + 1);
  return isCredentialName(name) || isKeyHeaderName(last) ? name : undefined;
}

/**
 * Random-looking literals first assigned to a local and then stored under a credential or key-header name through it
 * (`k = "Qm7f…"; $svc.api_key = k;`, `{ "X-Api-Key": k }`, `"X-Api-Key: " + k`), or compared with a credential read
 * (`If(callerKey != k, …)` with callerKey from the X-Api-Key header): the literal is the hard-coded credential. The
 * local must be assigned exactly once, from that literal, before the store. Only random-looking values: a plain word
 * through a local is more often a user name or a label than a password. The region's tree is walked only when it has such a
 * literal in a local (rare: generated and hand-written scripts alike assign words and numbers to locals).
 */
export function literalsStoredThroughLocals(r: RegionFacts): { lf: LiteralFact; name: string; compared: boolean }[] {
  const byLocal = new Map<string, LiteralFact>();
  for (const lf of r.flow.literals) {
    // Issued keys are 20+ characters: most literals end here, before any look at their context.
    if (lf.lit.value.length < 20) continue;
    const c = lf.ctx;
    // A dotted name is a global (`$svc.ref`): only a local can carry the literal on.
    if (c.kind !== 'named' || c.via !== 'variable' || c.part || lf.secret || c.name.startsWith('$') || c.name.includes('.')) continue;
    if (looksLikeIssuedKey(lf.lit.value)) byLocal.set(c.name, lf);
  }
  if (byLocal.size === 0) return [];
  const writes = new Map<string, Ir[]>();
  const stores: Store[] = [];
  const compares: { local: string; at: number; other: Ir }[] = [];
  const stack: Ir[] = [...r.ir.body];
  while (stack.length > 0) {
    const e = stack.pop() as Ir;
    noteLocalWrite(e, writes);
    if (e.k === 'assign') {
      const t = e.target;
      const v = e.value;
      if (e.op === '=' && v.k === 'var' && v.scope === 'local' && byLocal.has(v.name)) {
        if (t.k === 'var') stores.push({ local: v.name, at: e.start, name: t.name, via: 'variable' });
        else if (t.k === 'member' && t.prop !== undefined) stores.push({ local: v.name, at: e.start, name: t.prop, via: t.index ? 'key' : 'property' });
      }
    } else if (e.k === 'cat') {
      for (let i = 1; i < e.items.length; i++) {
        const v = e.items[i];
        const before = e.items[i - 1];
        if (v.k !== 'var' || v.scope !== 'local' || !byLocal.has(v.name) || before.k !== 'lit' || typeof before.value !== 'string') continue;
        const m = KEY_BEFORE_VALUE_RE.exec(before.value);
        if (m) stores.push({ local: v.name, at: e.start, name: m[2] ? `${m[1]}: ${m[2].trim()}` : m[1], via: 'key', judged: m[2] ? 'bearer_token' : undefined });
      }
    } else if (e.k === 'bin' && (e.op === '==' || e.op === '!=' || e.op === '===' || e.op === '!==')) {
      for (const [v, other] of [[e.l, e.r], [e.r, e.l]] as const) {
        if (v.k === 'var' && v.scope === 'local' && byLocal.has(v.name)) compares.push({ local: v.name, at: e.start, other });
      }
    } else if (e.k === 'obj') {
      for (const p of e.props) {
        if (p.value.k === 'var' && p.value.scope === 'local' && byLocal.has(p.value.name)) stores.push({ local: p.value.name, at: e.start, name: p.key, via: 'property' });
      }
    }
    pushChildren(e, stack);
  }
  // Compared with a credential (`If($jitterbit.api.request.headers.x_api_key != expected, …)`): once the writes are known.
  for (const c of compares) {
    const name = credentialRead(c.other, writes, 0);
    if (name !== undefined) stores.push({ local: c.local, at: c.at, name, via: 'compared' });
  }
  const out: { lf: LiteralFact; name: string; compared: boolean }[] = [];
  const seen = new Set<LiteralFact>();
  for (const s of stores) {
    const lf = byLocal.get(s.local) as LiteralFact;
    if (soleWriteBefore(writes, s.local, s.at) !== lf.lit || seen.has(lf)) continue;
    const ok = s.via === 'compared' ? isContextSecret(lf.lit.value, { kind: 'compared', name: s.name }) : isContextSecret(lf.lit.value, { kind: 'named', name: s.judged ?? s.name, via: s.via });
    if (!ok) continue;
    seen.add(lf);
    out.push({ lf, name: s.name, compared: s.via === 'compared' });
  }
  return out;
}

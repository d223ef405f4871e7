import { docsUrl, type Rule } from '../../engine/rule';
import type { RegionFacts } from '../../engine/facts';
import type { LiteralFact } from '../../semantics/flow';
import { noteLocalWrite, soleWriteBefore } from '../shared/local-writes';
import { pushChildren, type Ir, type IrCall } from '../../semantics/ir';
import { isContextSecret } from '../shared/classify';
import { mappingNote, reportLiteral } from '../shared/helpers';

/** A literal in a credential position of a built-in (the position decides, not an assigned name). */
export const credentialArgument: Rule = {
  meta: {
    id: 'secrets/credential-argument',
    category: 'secret',
    cwe: 798,
    defaultSeverity: 'error',
    docs: { description: 'A hard-coded value is passed where a built-in function takes a password, passphrase, salt or session id.', url: docsUrl('secrets/credential-argument') },
    shortDescription: 'Hard-coded credential argument',
    messages: {
      literal: 'Hard-coded {kind} ({masked}) passed as `{param}` (argument {position}) of `{fn}`{where}. Read it from a hidden project variable.',
    },
    fixable: true,
    hasSuggestions: true,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      for (const lf of r.flow.literals) {
        if (lf.ctx.kind !== 'credential-arg' || !lf.contextSecret) continue;
        const c = lf.ctx;
        reportLiteral(ctx, r, lf, {
          messageId: 'literal',
          data: { kind: c.secretKind, param: c.param, position: String(c.index + 1), fn: c.fn, where: mappingNote(r) },
        }, { extractAs: `${c.fn}_${c.param}`, description: `${c.param} for ${c.fn}` });
      }
      // A local assigned one literal and then passed in a credential position (`k = "…"; AESEncryption(x, k)`).
      for (const { call, index, lf } of localLiteralArguments(r)) {
        const p = call.fn?.params[index];
        if (!p?.secret) continue;
        reportLiteral(ctx, r, lf, {
          messageId: 'literal',
          data: { kind: p.secret, param: p.name, position: String(index + 1), fn: call.fn?.name ?? call.name, where: mappingNote(r) },
        }, { extractAs: `${call.fn?.name ?? call.name}_${p.name}`, description: `${p.name} for ${call.fn?.name ?? call.name}` });
      }
    }
  },
};

/**
 * Credential positions filled by a local variable that the script assigns exactly once, from a string literal that
 * is not already a secret by its own context (a credential name reports it): the literal is the hard-coded credential.
 */
function localLiteralArguments(r: RegionFacts): { call: IrCall; index: number; lf: LiteralFact }[] {
  const wanted: { call: IrCall; index: number; name: string }[] = [];
  for (const call of r.flow.calls) {
    const params = call.fn?.params;
    if (!params) continue;
    for (let i = 0; i < call.args.length && i < params.length; i++) {
      const a = call.args[i];
      if (params[i].secret && a.k === 'var' && a.scope === 'local') wanted.push({ call, index: i, name: a.name });
    }
  }
  if (wanted.length === 0) return [];
  // Every assignment of the locals asked about: one literal assignment and nothing else makes the value known.
  const names = new Set(wanted.map((w) => w.name));
  const writes = new Map<string, Ir[]>();
  const stack: Ir[] = [...r.ir.body];
  while (stack.length > 0) {
    const e = stack.pop() as Ir;
    noteLocalWrite(e, writes, names);
    pushChildren(e, stack);
  }
  const byLiteral = new Map(r.flow.literals.map((lf) => [lf.lit, lf] as const));
  const out: { call: IrCall; index: number; lf: LiteralFact }[] = [];
  const seen = new Set<LiteralFact>();
  for (const w of wanted) {
    const value = soleWriteBefore(writes, w.name, w.call.start);
    if (!value || value.k !== 'lit') continue;
    const lf = byLiteral.get(value as LiteralFact['lit']);
    if (!lf || lf.contextSecret || lf.secret) continue;
    if (!isContextSecret(lf.lit.value, { kind: 'credential-arg', fn: w.call.name, param: '', index: w.index, secretKind: '' })) continue;
    if (seen.has(lf)) continue; // one literal passed to several calls is one finding
    seen.add(lf);
    out.push({ call: w.call, index: w.index, lf });
  }
  return out;
}

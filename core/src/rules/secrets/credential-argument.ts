import { docsUrl, type Rule } from '../../engine/rule';
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
    }
  },
};

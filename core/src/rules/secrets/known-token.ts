import { scanSecretTokens } from '../../detectors';
import { docsUrl, type Rule } from '../../engine/rule';
import { commentedCredentials } from '../shared/commented';
import { mappingNote, reportLiteral } from '../shared/helpers';

/** Known credential formats and credentials inside structured strings, anywhere: literals and comments. */
export const knownToken: Rule = {
  meta: {
    id: 'secrets/known-token',
    category: 'secret',
    cwe: 798,
    defaultSeverity: 'error',
    docs: {
      description: 'A string or comment holds a credential in a known format (cloud and SaaS keys, JWTs, private keys) or inside a URL, connection string or Authorization header.',
      url: docsUrl('secrets/known-token'),
    },
    shortDescription: 'Known credential format',
    messages: {
      literal: '{description} ({masked}) hard-coded in a string{where}. Move it to a hidden project variable.',
      comment: '{description} ({masked}) in a comment. Remove it and rotate the credential.',
    },
    fixable: true,
    hasSuggestions: true,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      for (const lf of r.flow.literals) {
        // Literals already reported by position or name are not reported twice.
        if (lf.contextSecret) continue;
        for (const m of lf.tokens) {
          reportLiteral(ctx, r, lf, { messageId: 'literal', data: { description: m.description, where: mappingNote(r) } }, {
            from: m.start, to: m.end, extractAs: m.kind.replace(/-/g, '_'), description: m.description,
          });
        }
      }
      for (const cm of r.ir.comments) {
        // A commented-out `name = value` credential is secrets/credential-name's to report.
        const owned = commentedCredentials(cm.text);
        for (const m of scanSecretTokens(cm.text, 'comment')) {
          if (owned.some((c) => c.start < m.end && c.end > m.start)) continue;
          ctx.report({
            messageId: 'comment', data: { description: m.description }, value: cm.text.slice(m.start, m.end), regionId: r.region.id,
            start: ctx.facts.toHost(r.region, cm.start + m.start), end: ctx.facts.toHost(r.region, cm.start + m.end),
          });
        }
      }
    }
  },
};

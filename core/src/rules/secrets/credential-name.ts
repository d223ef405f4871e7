import { canBeCredentialValue, isCredentialName, isPlaceholder, looksRandom } from '../../detectors';
import { docsUrl, type Rule } from '../../engine/rule';
import { mappingNote, reportLiteral } from '../shared/helpers';

const COMMENT_PREFILTER = /(?:pas|pw|secret|token|key|auth|sess|sig|cred)[\w.$-]{0,80}\s*[=:]/i;

/** `name = "value"` / `name: value` inside a comment: a commented-out credential. */
const COMMENTED_ASSIGNMENT = /([$A-Za-z_][\w.$-]{0,80})\s*(?:=|:)\s*(["']?)([^\s"',;)]{6,200})\2/g;

/** A literal stored under, or compared with, a credential name. */
export const credentialName: Rule = {
  meta: {
    id: 'secrets/credential-name',
    category: 'secret',
    cwe: 798,
    defaultSeverity: 'error',
    docs: { description: 'A literal is assigned to, stored under or compared with a name such as password, token or api key.', url: docsUrl('secrets/credential-name') },
    shortDescription: 'Hard-coded credential under a credential name',
    messages: {
      named: 'Hard-coded credential ({masked}) stored in `{name}`{where}. Use a hidden project variable instead.',
      compared: 'Hard-coded credential ({masked}) compared with {name}{where}. Compare against a hidden project variable.',
      commented: 'Commented-out credential ({masked}) for `{name}`. Remove it: comments are exported and shared with the script.',
    },
    fixable: true,
    hasSuggestions: true,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      for (const lf of r.flow.literals) {
        const c = lf.ctx;
        if ((c.kind !== 'named' && c.kind !== 'compared') || !lf.contextSecret) continue;
        if (c.kind === 'named') {
          reportLiteral(ctx, r, lf, { messageId: 'named', data: { name: c.name, where: mappingNote(r) } }, { extractAs: c.name, description: `Value of ${c.name}` });
        } else {
          reportLiteral(ctx, r, lf, { messageId: 'compared', data: { name: c.name, where: mappingNote(r) } }, { extractAs: 'expected_api_key', description: 'Expected caller credential' });
        }
      }
      for (const cm of r.ir.comments) {
        // Most comments are prose: only run the assignment pattern where a credential word and `=`/`:` appear.
        if (cm.text.length > 4000 || !COMMENT_PREFILTER.test(cm.text)) continue;
        for (const m of cm.text.matchAll(COMMENTED_ASSIGNMENT)) {
          const name = m[1];
          const value = m[3];
          if (!isCredentialName(name) || isPlaceholder(value, 'comment') || !canBeCredentialValue(value)) continue;
          if (!looksRandom(value) && !/\d/.test(value)) continue;
          const at = (m.index ?? 0) + m[0].lastIndexOf(value);
          const start = ctx.facts.toHost(r.region, cm.start + at);
          ctx.report({ messageId: 'commented', data: { name }, start, end: ctx.facts.toHost(r.region, cm.start + at + value.length), value, regionId: r.region.id });
        }
      }
    }
  },
};

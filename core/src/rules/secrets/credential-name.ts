import { docsUrl, type Rule } from '../../engine/rule';
import { commentCredentials } from '../shared/commented';
import { mappingNote, reportLiteral } from '../shared/helpers';
import { literalsStoredThroughLocals } from '../shared/local-literals';

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
      // A random-looking literal stored under a credential name through a local (`k = "…"; $svc.api_key = k`).
      for (const { lf, name, compared } of literalsStoredThroughLocals(r)) {
        if (compared) reportLiteral(ctx, r, lf, { messageId: 'compared', data: { name, where: mappingNote(r) } }, { extractAs: 'expected_api_key', description: 'Expected caller credential' });
        else reportLiteral(ctx, r, lf, { messageId: 'named', data: { name, where: mappingNote(r) } }, { extractAs: name, description: `Value of ${name}` });
      }
      for (const cm of r.ir.comments) {
        for (const c of commentCredentials(cm)) {
          const start = ctx.facts.toHost(r.region, cm.start + c.start);
          ctx.report({ messageId: 'commented', data: { name: c.name }, start, end: ctx.facts.toHost(r.region, cm.start + c.end), value: c.value, regionId: r.region.id });
        }
      }
    }
  },
};

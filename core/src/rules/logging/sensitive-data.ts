import { docsUrl, type Rule } from '../../engine/rule';
import { T_PII, T_SECRET } from '../../semantics/taint';
import { mappingNote } from '../shared/helpers';
import { relatedOf, removeSinkCallFix, sinkTarget } from './shared';
import { maskArgumentFix } from '../../fixes/mask-log-argument';

/** Credentials or personal data reaching a log sink, directly or through variables, globals and other scripts. */
export const sensitiveData: Rule = {
  meta: {
    id: 'logging/sensitive-data',
    category: 'sensitive-logging',
    cwe: 532,
    defaultSeverity: 'warning',
    docs: {
      description: 'A credential, session, API-key header or personal data field flows into WriteToOperationLog, RaiseError, SetLastError or an e-mail message.',
      url: docsUrl('logging/sensitive-data'),
    },
    shortDescription: 'Sensitive data written to a log',
    messages: {
      sink: '`{fn}` writes {what} to {target}{where}. Log a masked form (hash, last 4 characters) or nothing.',
    },
    fixable: true,
    hasSuggestions: true,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      const seen = new Set<number>();
      for (const s of r.flow.sinks) {
        if (!(s.taint.bits & (T_SECRET | T_PII)) || seen.has(s.call.start)) continue;
        seen.add(s.call.start);
        const fixes = ctx.facts.fixes ? [maskArgumentFix(ctx, r, s), removeSinkCallFix(ctx, r, s)].filter((f): f is NonNullable<typeof f> => !!f) : [];
        ctx.report({
          messageId: 'sink',
          data: { fn: s.fn.name, what: s.taint.label, target: sinkTarget(s.fn.name), where: mappingNote(r) },
          start: ctx.facts.toHost(r.region, s.call.nameStart),
          end: ctx.facts.toHost(r.region, s.call.nameEnd),
          severity: s.taint.secretLiteral ? 'error' : undefined,
          standsOn: s.taint.literals,
          regionId: r.region.id,
          mappingTarget: r.region.mappingTarget,
          related: relatedOf(ctx, s),
          fixes,
        });
      }
    }
  },
};

import { docsUrl, type Rule } from '../../engine/rule';
import { T_PAYLOAD, T_PII, T_SECRET } from '../../semantics/taint';
import { relatedOf, removeSinkCallFix, sinkTarget } from './shared';

/** A whole inbound payload or header set written to a log. */
export const inboundPayload: Rule = {
  meta: {
    id: 'logging/inbound-payload',
    category: 'sensitive-logging',
    cwe: 532,
    defaultSeverity: 'warning',
    docs: {
      description: 'A whole request body or the full set of request headers is written to a log; it can carry credentials and personal data.',
      url: docsUrl('logging/inbound-payload'),
    },
    shortDescription: 'Whole inbound payload written to a log',
    messages: {
      sink: '`{fn}` writes {what} to {target}. Log the fields you need (ids, counts), not the whole payload.',
    },
    fixable: false,
    hasSuggestions: true,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      const seen = new Set<number>();
      for (const s of r.flow.sinks) {
        // Calls that also carry a credential or PII are reported once, by logging/sensitive-data.
        if (!(s.taint.bits & T_PAYLOAD) || s.taint.bits & (T_SECRET | T_PII) || seen.has(s.call.start)) continue;
        seen.add(s.call.start);
        ctx.report({
          messageId: 'sink',
          data: { fn: s.fn.name, what: s.taint.label, target: sinkTarget(s.fn.name) },
          start: ctx.facts.toHost(r.region, s.call.nameStart),
          end: ctx.facts.toHost(r.region, s.call.nameEnd),
          regionId: r.region.id,
          related: relatedOf(ctx, s),
          fixes: [removeSinkCallFix(ctx, r, s)],
        });
      }
    }
  },
};

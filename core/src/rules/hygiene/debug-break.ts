import { docsUrl, type Rule } from '../../engine/rule';
import { removeCallFix } from '../../fixes/remove-call';

export const debugBreak: Rule = {
  meta: {
    id: 'hygiene/debug-break',
    category: 'hygiene',
    cwe: 489,
    defaultSeverity: 'warning',
    docs: { description: 'DebugBreak() is a testing aid that pauses script tests in Studio; it should not be deployed.', url: docsUrl('hygiene/debug-break') },
    shortDescription: 'DebugBreak left in a script',
    messages: { found: '`DebugBreak` left in the script. Remove it before deploying.' },
    fixable: false,
    hasSuggestions: true,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      for (const c of r.flow.calls) {
        // The length first: most calls are ruled out without lower-casing the name.
        if (c.name.length !== 10 || c.name.toLowerCase() !== 'debugbreak') continue;
        ctx.report({
          messageId: 'found', start: ctx.facts.toHost(r.region, c.nameStart), end: ctx.facts.toHost(r.region, c.nameEnd), regionId: r.region.id,
          fixes: [removeCallFix(ctx.facts, r, c, 'Remove the DebugBreak call')],
        });
      }
    }
  },
};

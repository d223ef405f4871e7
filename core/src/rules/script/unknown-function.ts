import { docsUrl, type Rule } from '../../engine/rule';

/** A call to a function that is not in the Jitterbit Script catalogue (typo, or a newer agent function). */
export const unknownFunction: Rule = {
  meta: {
    id: 'script/unknown-function',
    category: 'syntax',
    cwe: 0,
    defaultSeverity: 'warning',
    docs: { description: 'The called function is not a known Jitterbit Script function.', url: docsUrl('script/unknown-function') },
    shortDescription: 'Unknown function',
    messages: { found: '`{name}` is not a known Jitterbit Script function.' },
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      if (r.region.language !== 'jitterbit') continue;
      for (const c of r.flow.calls) {
        if (c.fn || !c.name) continue;
        ctx.report({ messageId: 'found', data: { name: c.name }, start: ctx.facts.toHost(r.region, c.nameStart), end: ctx.facts.toHost(r.region, c.nameEnd), regionId: r.region.id });
      }
    }
  },
};

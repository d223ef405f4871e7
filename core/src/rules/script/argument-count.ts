import { docsUrl, type Rule } from '../../engine/rule';

/** A built-in called with fewer or more arguments than it accepts. */
export const argumentCount: Rule = {
  meta: {
    id: 'script/argument-count',
    category: 'syntax',
    cwe: 0,
    defaultSeverity: 'error',
    docs: { description: 'A built-in function is called with a number of arguments it does not accept.', url: docsUrl('script/argument-count') },
    shortDescription: 'Wrong number of arguments',
    messages: { found: '`{name}` takes {expected} argument(s), but {actual} were given.' },
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    for (const r of ctx.facts.regions) {
      if (r.region.language !== 'jitterbit') continue;
      for (const c of r.flow.calls) {
        const fn = c.fn;
        if (!fn || fn.language !== 'jitterbit') continue;
        const n = c.args.length;
        if (n >= fn.minArgs && n <= fn.maxArgs) continue;
        const expected = fn.minArgs === fn.maxArgs ? String(fn.minArgs) : fn.maxArgs >= 100 ? `at least ${fn.minArgs}` : `${fn.minArgs} to ${fn.maxArgs}`;
        ctx.report({ messageId: 'found', data: { name: fn.name, expected, actual: String(n) }, start: ctx.facts.toHost(r.region, c.nameStart), end: ctx.facts.toHost(r.region, c.nameEnd), regionId: r.region.id });
      }
    }
  },
};

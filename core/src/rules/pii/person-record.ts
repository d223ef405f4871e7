import { looksLikeDateOfBirth, looksLikePersonName, looksLikeStreetAddress, scanPii } from '../../detectors';
import { docsUrl, type Rule } from '../../engine/rule';
import type { IrLiteral } from '../../semantics/ir';
import { forEachPii } from './shared';
import { valueCharSpan } from '../shared/locate';

/** A person's name together with a date of birth, address or national id in one record literal. */
export const personRecord: Rule = {
  meta: {
    id: 'pii/person-record',
    category: 'pii',
    cwe: 359,
    defaultSeverity: 'warning',
    docs: { description: "A record literal holds a person's name together with a date of birth, a street address or a national id.", url: docsUrl('pii/person-record') },
    shortDescription: 'Personal record in test data',
    messages: {
      found: '{description} ({masked}){where}: do not use real personal data in test data. Use synthetic values.',
      array: "A person's name with {other} in one record{where}: do not use real personal data in test data. Use synthetic values.",
    },
    fixable: false,
    hasSuggestions: false,
  },
  check(ctx) {
    forEachPii(ctx, 'person-record', 'found');
    // Array literals (`{"Jane Porter", "1984-03-12", "42 Elm St"}`): the record is spread over elements.
    for (const r of ctx.facts.regions) {
      for (const arr of r.flow.arrays) {
        const strings = arr.items.filter((x): x is IrLiteral & { value: string } => x.k === 'lit' && typeof x.value === 'string');
        if (strings.length < 2) continue;
        const name = strings.find((s) => looksLikePersonName(s.value));
        if (!name) continue;
        const others = strings.filter((s) => s !== name);
        let other: string | undefined;
        if (others.some((s) => looksLikeDateOfBirth(s.value))) other = 'a date of birth';
        else if (others.some((s) => looksLikeStreetAddress(s.value))) other = 'a street address';
        else if (others.some((s) => scanPii(s.value).some((m) => m.kind === 'ssn'))) other = 'a national id';
        if (!other) continue;
        const span = valueCharSpan(ctx.facts, r, name, 0, name.value.length);
        ctx.report({ messageId: 'array', data: { other, where: '' }, start: span.start, end: span.end, value: name.value, regionId: r.region.id });
      }
    }
  },
};

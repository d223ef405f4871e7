import { isNationalIdValue, isOtherEventDateKey, looksLikeDateOfBirth, looksLikeNationalId, looksLikePersonName, looksLikeStreetAddress, scanPii } from '../../detectors';
import { docsUrl, type Rule } from '../../engine/rule';
import { pushChildren, type Ir, type IrLiteral, type IrObject } from '../../semantics/ir';
import type { LiteralFact } from '../../semantics/flow';
import { forEachPii, namedBareSsnAt } from './shared';
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
        else if (others.some((s) => looksLikeNationalId(s.value) || scanPii(s.value).some((m) => m.kind === 'ssn'))) other = 'a national id';
        if (!other) continue;
        const span = valueCharSpan(ctx.facts, r, name, 0, name.value.length);
        ctx.report({ messageId: 'array', data: { other, where: '' }, start: span.start, end: span.end, value: name.value, regionId: r.region.id });
      }
      // Dictionaries filled field by field (`p["firstName"] = "Jane"; …`, `AddToDict(p, "dob", "1984-03-12")`, `p.lastName = …`).
      for (const props of builtRecords(r.flow.literals)) {
        const found = propsRecord(props);
        if (!found) continue;
        const span = valueCharSpan(ctx.facts, r, found.name, 0, found.name.value.length);
        ctx.report({ messageId: 'array', data: { other: found.other, where: '' }, start: span.start, end: span.end, value: found.name.value, regionId: r.region.id });
      }
      // JavaScript object literals (`{ firstName: "Jane", lastName: "Porter", birthDate: "1984-03-12" }`).
      if (r.region.language !== 'javascript') continue;
      for (const obj of objectLiterals(r.ir.body)) {
        const found = propsRecord(obj.props);
        if (!found) continue;
        const span = valueCharSpan(ctx.facts, r, found.name, 0, found.name.value.length);
        ctx.report({ messageId: 'array', data: { other: found.other, where: '' }, start: span.start, end: span.end, value: found.name.value, regionId: r.region.id });
      }
    }
  },
};

type StringLiteral = IrLiteral & { value: string };

// Also the bare `first`/`last`, `fname`/`lname` and the German, French, Spanish, Italian, Portuguese and Dutch keys.
const FIRST_NAME_KEY = /^(?:(?:first|given|fore)(?:[\s_-]?name)?|f[\s_-]?name|vorname|pr[eé]nom|nombre|nome|voornaam)$/i;
const LAST_NAME_KEY = /^(?:(?:last|family|sur)[\s_-]?name|last|l[\s_-]?name|surname|nachname|familienname|nom(?:[\s_-]?de[\s_-]?famille)?|apellidos?|cognome|sobrenome|achternaam)$/i;
const FULL_NAME_KEY = /^(?:(?:full|person|customer|employee|contact|display)[\s_-]?)?name$/i;

/** Object literals anywhere in a script (an explicit stack: trees can be deep). */
function* objectLiterals(body: readonly Ir[]): Generator<IrObject> {
  const stack: Ir[] = [...body];
  while (stack.length > 0) {
    const e = stack.pop() as Ir;
    if (e.k === 'obj') yield e;
    pushChildren(e, stack);
  }
}

type Prop = { key: string; value: Ir };

/**
 * The string fields a script writes into one dictionary or object variable, one list per variable (2+ fields): the
 * literals the flow pass saw stored by a plain `=` into a field (or by `AddToDict`), so no second walk of the tree.
 */
function builtRecords(literals: readonly LiteralFact[]): Prop[][] {
  const byVar = new Map<string, Prop[]>();
  for (const lf of literals) {
    const ctx = lf.ctx;
    if (ctx.kind !== 'named' || !ctx.of || ctx.part) continue;
    const id = `${ctx.of.scope}:${ctx.of.name.toLowerCase()}`;
    let list = byVar.get(id);
    if (!list) byVar.set(id, (list = []));
    if (list.length < 64) list.push({ key: ctx.name, value: lf.lit });
  }
  return [...byVar.values()].filter((l) => l.length >= 2);
}

/** A person's name (whole, or first plus last) with a date of birth, street address or SSN among the values. */
function propsRecord(props: readonly Prop[]): { name: StringLiteral; other: string } | undefined {
  const strings = props.filter((p): p is Prop & { value: StringLiteral } => p.value.k === 'lit' && typeof p.value.value === 'string');
  if (strings.length < 2) return undefined;
  // First and last name fields are a person; a `name` field may be a company's (`Northwind Traders`), so with it an
  // address counts only when no sibling key says company.
  const first = strings.find((p) => FIRST_NAME_KEY.test(p.key));
  const last = strings.find((p) => LAST_NAME_KEY.test(p.key));
  let name = first && last && looksLikePersonName(`${first.value.value} ${last.value.value}`) ? first.value : undefined;
  const personal = name !== undefined;
  name ??= strings.find((p) => FULL_NAME_KEY.test(p.key) && looksLikePersonName(p.value.value))?.value;
  if (!name) return undefined;
  const values = strings.map((p) => p.value.value);
  // A date under a key naming another event (`hireDate`, `founded`) is no date of birth.
  if (strings.some((p) => !isOtherEventDateKey(p.key) && looksLikeDateOfBirth(p.value.value))) return { name, other: 'a date of birth' };
  if (strings.some((p) => isNationalIdValue(p.key, p.value.value) || namedBareSsnAt(p.key, p.value.value) >= 0) || values.some((v) => looksLikeNationalId(v) || scanPii(v).some((m) => m.kind === 'ssn'))) {
    return { name, other: 'a national id' };
  }
  // A bare `name` with an address: the name must not be a company's by its key's siblings (`vendor`, `company`…).
  if ((personal || !strings.some((p) => COMPANY_KEY.test(p.key))) && values.some((v) => looksLikeStreetAddress(v))) return { name, other: 'a street address' };
  return undefined;
}

/** Keys that make a record a company's or a place's, not a person's. */
const COMPANY_KEY = /company|vendor|supplier|organi[sz]ation|org|business|firm|account|store|branch|site|warehouse|carrier|customer_?type|legal/i;

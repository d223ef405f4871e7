import type { FileFacts, RegionFacts } from '../engine/facts';
import type { Fix } from '../engine/types';
import type { IrLiteral } from '../semantics/ir';
import { encodeForRegion } from './encode';
import { valueCharSpan } from '../rules/shared/locate';

/** Reserved or published test values that no rule flags (detection-policy "Reserved test values"). */
const SYNTHETIC: Record<string, (original: string) => string> = {
  email: () => 'jane.doe@example.com',
  phone: (o) => (o.trim().startsWith('+') ? '+1 202-555-0142' : '202-555-0142'),
  ssn: () => '900-00-0000',
  card: (o) => (/[ -]/.test(o) ? '4111 1111 1111 1111' : '4111111111111111'),
  iban: () => 'GB82WEST12345698765432',
  'person-record': () => 'Jane Example',
};

/** Replaces the PII part of a literal with a synthetic reserved value of the same kind. */
export function synthesizeTestValueFix(facts: FileFacts, r: RegionFacts, lit: IrLiteral & { value: string }, kind: string, from: number, to: number): Fix | undefined {
  const make = SYNTHETIC[kind];
  if (!make) return undefined;
  const replacement = make(lit.value.slice(from, to));
  // Characters between from and to map one to one only without escapes; otherwise replace the whole value text.
  const span = valueCharSpan(facts, r, lit, from, to);
  const escaped = span.exact;
  const raw = escaped ? replacement : undefined;
  if (!raw) return undefined;
  return {
    title: `Replace with the synthetic test value ${replacement}`,
    kind: 'quickfix',
    safe: true,
    isPreferred: true,
    edits: [{ start: span.start, end: span.end, newText: encodeForRegion(raw, r.region.encoding) }],
  };
}

import type { FileFacts, RegionFacts } from '../../engine/facts';
import type { IrLiteral } from '../../semantics/ir';

/** Region offset of decoded character `i` of a literal. */
export function valueCharOffset(lit: IrLiteral, i: number): number {
  if (lit.charOffsets) {
    if (i < lit.charOffsets.length) return lit.charOffsets[i];
    return lit.end - 1;
  }
  return lit.valueStart + i;
}

/**
 * Host span of decoded characters [from, to) of a literal. `exact` is true when the characters are written without
 * escapes in the host, so a replacement of exactly that span is safe.
 */
export function valueCharSpan(facts: FileFacts, r: RegionFacts, lit: IrLiteral, from: number, to: number): { start: number; end: number; exact: boolean } {
  const s = valueCharOffset(lit, from);
  const e = to > from ? valueCharOffset(lit, to - 1) + 1 : s;
  const start = facts.toHost(r.region, s);
  const end = facts.toHost(r.region, e);
  const exact = end - start === to - from && r.region.encoding === 'raw';
  return { start, end: Math.max(start, end), exact };
}

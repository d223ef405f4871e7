import type { IrLiteral } from '../../semantics/ir';

/**
 * Cheap facts about a literal's value that several rules test on every literal of a file (most literals have none),
 * computed once and cached on the literal node: a batch run tests each value once, and an editor, which re-lints the
 * whole file on each key while an incremental re-parse keeps the unchanged literals' nodes, not at all.
 */
export const MARK_HTTP = 1;
export const MARK_PEM_BEGIN = 2;

const HTTP_RE = /http:\/\//i;

export function marksOf(lit: IrLiteral & { value: string }): number {
  let m = lit.marks;
  if (m === undefined) {
    const v = lit.value;
    m = 0;
    if (v.length >= 7 && HTTP_RE.test(v)) m |= MARK_HTTP;
    if (v.length >= 10 && v.includes('-----BEGIN')) m |= MARK_PEM_BEGIN;
    lit.marks = m;
  }
  return m;
}

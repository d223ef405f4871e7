import type { Program } from '../syntax/ast';
import type { IrScript } from './ir';

/**
 * What Jitterbit Script regions lower to besides their statements (which the parser builds as IR directly: see
 * ir-builder.ts): a text without `<trans>`, comments, and the check of a name `Get`/`Set` address a global by.
 */

/**
 * A text without `<trans>`: the whole text is the script's (string) result, e.g. a constant mapping value, so it is a
 * literal (nothing when blank).
 */
export function plainTextIr(text: string): IrScript {
  if (text.trim() !== '') {
    return { language: 'jitterbit', body: [{ k: 'lit', value: text, start: 0, end: text.length, valueStart: 0 }], comments: [] };
  }
  return { language: 'jitterbit', body: [], comments: [] };
}

/** Lowers comments into the IR's form (text after the `//` or `/*` opener). */
export function lowerJitterbitComments(comments: Program['comments']): IrScript['comments'] {
  return comments.map((c) => ({ text: c.text, start: c.start + 2, end: c.end }));
}

/** A name `Get("…")` / `Set("…", v)` can address a global by. */
export function isVarName(s: string): boolean {
  return s.length > 0 && s.length < 200 && /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(s);
}

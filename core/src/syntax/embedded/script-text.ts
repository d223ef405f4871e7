/** Helpers shared by the host formats: recognising script text and cutting a `<javascript>` body out of it. */

/** Offset of the first character that is not whitespace (or a BOM), or `text.length`. */
export function firstContent(text: string, from = 0): number {
  let i = from;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff || c === 11 || c === 12) i++;
    else break;
  }
  return i;
}

/** True when the text (after leading whitespace) starts with `<trans>`. */
export function startsWithTrans(text: string): boolean {
  return text.startsWith('<trans>', firstContent(text));
}

/** True when the text (after leading whitespace) starts with `<javascript>`. */
export function startsWithJavaScript(text: string): boolean {
  return text.startsWith('<javascript>', firstContent(text));
}

/** True when the text contains a script tag anywhere. */
export function containsScriptTag(text: string): boolean {
  return text.includes('<trans>') || text.includes('<javascript>');
}

/** Looks like code (a call or a `$variable`) rather than a plain value. Linear, no backtracking. */
export function looksLikeScript(text: string): boolean {
  if (containsScriptTag(text)) return true;
  if (/\$[A-Za-z_]/.test(text)) return true;
  // A call: an identifier character, up to 8 blanks, then `(`.
  for (let p = text.indexOf('('); p > 0; p = text.indexOf('(', p + 1)) {
    let k = p - 1;
    while (k >= 0 && p - k <= 8 && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k--;
    if (k >= 0 && /[A-Za-z0-9_]/.test(text.charAt(k))) return true;
  }
  return false;
}

export interface ScriptBody {
  language: 'jitterbit' | 'javascript';
  /** Offset in the decoded text where the region starts (after `<javascript>` for JavaScript). */
  start: number;
  /** Offset in the decoded text where the region ends (before `</javascript>`, if present). */
  end: number;
}

/**
 * Decide the language of a script text and the part of it that is the region: a Jitterbit script is the whole
 * text (the parser handles `<trans>` itself); a `<javascript>` script is the body between the tags.
 */
export function scriptBody(text: string): ScriptBody {
  const at = firstContent(text);
  if (text.startsWith('<javascript>', at)) {
    const start = at + '<javascript>'.length;
    const close = text.lastIndexOf('</javascript>');
    return { language: 'javascript', start, end: close >= start ? close : text.length };
  }
  return { language: 'jitterbit', start: 0, end: text.length };
}

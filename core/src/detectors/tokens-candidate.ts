// What a secret detector reports (SecretMatch, its ranked Candidate, push) and the small value tests that several
// detector modules share. Used by tokens-*.ts; the public type is re-exported from tokens.ts.

import { isDigitCode as codec_isDigitCode, isLowerCode as codec_isLowerCode, isUpperCode as codec_isUpperCode } from './codec';
import { looksLikeSentence } from './placeholder';

// Local bindings: hot loops call these directly (no module getter per character).
const isDigitCode = codec_isDigitCode;
const isLowerCode = codec_isLowerCode;
const isUpperCode = codec_isUpperCode;

/** One secret found in a text. Offsets are those of the secret part (not of its label). */
export interface SecretMatch {
  /** Stable machine name of the format, e.g. `github-token`, `jwt`, `url-userinfo-password`. */
  kind: string;
  /** Human description without the value, e.g. "GitHub personal access token". */
  description: string;
  start: number;
  end: number;
  /** high: validated format (checksum, decoded structure); medium: structured but not validated. */
  confidence: 'high' | 'medium';
}

export interface Candidate extends SecretMatch {
  /** Higher wins when two matches overlap: format-specific detectors beat generic structure. */
  priority: number;
}

export type Out = Candidate[];

export const P_FORMAT = 3;
export const P_HEADER = 2;
export const P_STRUCT = 1;

export function push(out: Out, kind: string, description: string, start: number, end: number, confidence: 'high' | 'medium', priority: number): void {
  if (end > start) out.push({ kind, description, start, end, confidence, priority });
}

export function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    fn(m);
    if (m[0].length === 0) re.lastIndex++;
  }
}

export function charClasses(v: string): number {
  let u = 0, l = 0, d = 0, o = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isUpperCode(c)) u = 1;
    else if (isLowerCode(c)) l = 1;
    else if (isDigitCode(c)) d = 1;
    else o = 1;
  }
  return u + l + d + o;
}

/** A value that plausibly is a credential when the syntax around it is weak (unquoted, in prose). */
export function secretish(v: string): boolean {
  return v.length >= 6 && charClasses(v) >= 2 && !looksLikeSentence(v);
}

/**
 * A reference filled in later, not a value: `$name`, `[name]`, `{name}`/`{{name}}`, `${name}`, `%NAME%`, `<name>`, and a
 * replace token `#{name}` (an unquoted value stops at its `}`, so the value seen is `#{name`).
 */
export function isReferenceLike(v: string): boolean {
  const c = v[0];
  return c === '$' || c === '[' || c === '{' || (c === '%' && v.endsWith('%')) || v.startsWith('<') || v.startsWith('#{') || v.includes('${') || v.includes('{{');
}

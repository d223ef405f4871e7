// US social security numbers: dashed or spaced, or nine bare digits under an SSN label, in the valid ranges and not
// a famous sample.

import type { PiiMatch } from './pii-match';

const SSN_RE = /(?<![\d\-/.])(\d{3})([- ])(\d{2})\2(\d{4})(?![\dA-Za-z\-/.]|\.\d)/g;
const KNOWN_FAKE_SSNS = new Set(['078-05-1120', '219-09-9999', '123-45-6789', '457-55-5462']);

/** A US SSN in a valid range: area not 000, 666 or 9xx; group not 00; serial not 0000; not a famous sample. */
export function isValidSsn(area: string, group: string, serial: string): boolean {
  const a = +area;
  if (a === 0 || a === 666 || a >= 900) return false;
  if (+group === 0 || +serial === 0) return false;
  return !KNOWN_FAKE_SSNS.has(`${area}-${group}-${serial}`);
}

/** Nine bare digits labelled as an SSN inside the text (`ssn=536224871&…`, `"SSN": "536224871"`, `SSN: 536224871`). */
const LABELLED_BARE_SSN_RE = /(?<![A-Za-z])(?:ssn|social[ _-]?security(?:[ _-]?(?:no|num|number))?)["']?[ \t]{0,3}[:=][ \t]{0,3}["']?(\d{3})(\d{2})(\d{4})(?![\dA-Za-z])/gi;

export function scanSsns(text: string, out: PiiMatch[]): void {
  SSN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SSN_RE.exec(text)) !== null) {
    if (!isValidSsn(m[1], m[3], m[4])) continue;
    out.push({ kind: 'ssn', start: m.index, end: m.index + m[0].length, description: 'a US social security number' });
  }
  LABELLED_BARE_SSN_RE.lastIndex = 0;
  while ((m = LABELLED_BARE_SSN_RE.exec(text)) !== null) {
    if (!isValidSsn(m[1], m[2], m[3])) continue;
    const start = m.index + m[0].length - 9;
    out.push({ kind: 'ssn', start, end: start + 9, description: 'a US social security number' });
  }
}

const SSN_EXACT_RE = /^(?:ssn[:\s]{1,3})?(\d{3})([- ]?)(\d{2})\2(\d{4})$/i;

/** A whole value that is a valid SSN (`536-22-4871`, `SSN: 536224871`): one field of a person record (pii-record.ts). */
export function isSsnText(s: string): boolean {
  const m = SSN_EXACT_RE.exec(s.trim());
  return m !== null && isValidSsn(m[1], m[3], m[4]);
}

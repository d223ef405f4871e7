// HL7 v2 PID segments: the patient's name (PID-5, `Family^Given^…`) with a date of birth (PID-7, `YYYYMMDD…`), an
// address (PID-11, `Street^…^City^…`) or an SSN (PID-19) is a person record, though no field reads like one on its own
// (components are `^`-joined, the date is compact). The segment layout is the standard's, so the positions decide.

import { looksLikeDateOfBirth, looksLikePersonName, looksLikeStreetAddress } from './person';
import type { PiiMatch } from './pii-match';
import { isSsnText } from './pii-ssn';

// A segment starts the text or follows a segment break: CR, LF, or their escapes left in a literal's text.
const PID_RE = /(?:^|[\r\n]|\\[rn])PID\|/g;
const HL7_DATE_RE = /^(\d{8})(?:\d{2,6}(?:\.\d{1,4})?)?(?:[+-]\d{4})?$/;

interface Span {
  text: string;
  start: number;
  end: number;
}

/** The `|`-separated fields of the segment starting at `s` (field 0 is `PID`), up to its segment break. */
function segmentFields(text: string, s: number): Span[] {
  let e = s;
  while (e < text.length && text[e] !== '\r' && text[e] !== '\n' && !(text[e] === '\\' && (text[e + 1] === 'r' || text[e + 1] === 'n'))) e++;
  const out: Span[] = [];
  let from = s;
  for (let k = s; k <= e && out.length < 32; k++) {
    if (k === e || text[k] === '|') {
      out.push({ text: text.slice(from, k), start: from, end: k });
      from = k + 1;
    }
  }
  return out;
}

function detail(f: Span | undefined, kind: 'dob' | 'address' | 'ssn', now: Date): boolean {
  if (!f || f.text === '') return false;
  if (kind === 'dob') {
    const m = HL7_DATE_RE.exec(f.text);
    return m !== null && looksLikeDateOfBirth(`DOB ${m[1]}`, now);
  }
  const first = f.text.split('~')[0];
  if (kind === 'ssn') return isSsnText(first);
  return looksLikeStreetAddress(first.split('^')[0]);
}

export function scanHl7Pids(text: string, out: PiiMatch[], now: Date): void {
  PID_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PID_RE.exec(text)) !== null) {
    const s = m.index + m[0].length - 4;
    const fields = segmentFields(text, s);
    const name = fields[5];
    if (!name) continue;
    const parts = name.text.split('~')[0].split('^');
    if (parts.length < 2 || !looksLikePersonName(`${parts[1]} ${parts[0]}`)) continue;
    const other = [fields[7], fields[11], fields[19]].find((f, i) => detail(f, i === 0 ? 'dob' : i === 1 ? 'address' : 'ssn', now));
    if (!other) continue;
    const start = name.start;
    const end = other.end;
    if (out.some((p) => p.kind === 'person-record' && p.start < end && start < p.end)) continue;
    out.push({ kind: 'person-record', start, end, description: "a person's name with a date of birth, address or national id" });
  }
}

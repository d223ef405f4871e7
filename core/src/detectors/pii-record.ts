// Person records: a person's name with a date of birth, address or national id on the same line (delimited, JSON,
// XML, quoted values, or separate first- and last-name keys). The value rules are in person.ts.

import { isOtherEventDateKey, looksLikeDateOfBirth, looksLikeNationalId, looksLikePersonName, looksLikeStreetAddress } from './person';
import type { PiiMatch } from './pii-match';
import { scanHl7Pids } from './pii-hl7';
import { isSsnText } from './pii-ssn';

interface Field {
  text: string;
  start: number;
  end: number;
}

function trimField(text: string, s: number, e: number): Field | undefined {
  while (s < e && /[\s"'{}[\]]/.test(text[s])) s++;
  while (e > s && /[\s"'{}[\]]/.test(text[e - 1])) e--;
  return e > s ? { text: text.slice(s, e), start: s, end: e } : undefined;
}

const JSON_STRING_RE = /"((?:[^"\\\n]|\\.){1,200})"/g;
const XML_TEXT_RE = />([^<>\n]{1,200})</g;

/** Splits one record line into fields: JSON string values, XML element texts, or delimited parts. */
function recordFields(text: string, s: number, e: number): Field[] {
  const line = text.slice(s, e);
  const fields: Field[] = [];
  const trimmed = line.trim();
  if ((trimmed.startsWith('{') || trimmed.startsWith('[')) && line.includes('"')) {
    JSON_STRING_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = JSON_STRING_RE.exec(line)) !== null && fields.length < 64) {
      fields.push({ text: m[1], start: s + m.index + 1, end: s + m.index + 1 + m[1].length });
    }
    return fields;
  }
  if (trimmed.startsWith('<') && line.includes('</')) {
    XML_TEXT_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = XML_TEXT_RE.exec(line)) !== null && fields.length < 64) {
      const f = trimField(text, s + m.index + 1, s + m.index + 1 + m[1].length);
      if (f) fields.push(f);
    }
    return fields;
  }
  // A query string (`name=…&dob=…`) is split at `&`.
  const delim = line.includes('|') ? '|' : line.includes('\t') ? '\t' : line.includes(';') ? ';' : !line.includes(',') && /=[^&]*&[^&=]*=/.test(line) ? '&' : ',';
  let fs = 0;
  for (let k = 0; k <= line.length && fields.length < 64; k++) {
    if (k === line.length || line[k] === delim) {
      const f = trimField(text, s + fs, s + k);
      if (f) fields.push(f);
      fs = k + 1;
    }
  }
  return fields;
}

// Two capitalised words, of any script (a comma between them too: `Larsen, Henrik`; or two delimited fields of a
// record line: `Sigrid,Halvorsen,1984-07-19`, `Okafor|Nkechi|…`).
const NAME_PAIR_GLOBAL_RE = /\p{Lu}[\p{Ll}'\u2019]{1,20}(?:[.,]?[ \t]{1,3}(?:\p{Lu}\.[ \t]{1,3}|\p{Ll}{2,3}[ \t])?|[,;|\t][ \t]{0,2})\p{Lu}['\u2019]?\p{Ll}/gu;
export const NAME_PAIR_RE = new RegExp(NAME_PAIR_GLOBAL_RE.source, 'u');

export function scanPersonRecords(text: string, out: PiiMatch[], now: Date): void {
  NAME_PAIR_GLOBAL_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NAME_PAIR_GLOBAL_RE.exec(text)) !== null) {
    const [ls, le] = lineAround(text, m.index);
    NAME_PAIR_GLOBAL_RE.lastIndex = le; // one look per line
    if (le - ls < 12 || le - ls > 4000 || !/\d/.test(text.slice(ls, le))) continue;
    const fields = recordFields(text, ls, le);
    // Quoted values (XML attributes, SQL `VALUES ('…', '…')`): asked only when the line's split finds no record.
    const quoted = (): Field[] => quotedFields(text, ls, le);
    if (fields.length < 2 && quoted().length < 2) continue;
    const postcode = UK_POSTCODE_RE.test(text.slice(ls, le));
    // The line's own delimiter first; then every delimiter at once (`EMERGENCY|Henrik Larsen, DOB …|…`, `Nowak, Katarzyna - DOB …`).
    const found = (fields.length >= 2 ? recordMatch(fields, text, postcode, now) ?? recordMatch(allFields(text, ls, le), text, postcode, now) : undefined)
      ?? recordMatch(quoted(), text, postcode, now);
    if (found) {
      const start = Math.min(found.name.start, found.other.start);
      const end = Math.max(found.name.end, found.other.end);
      out.push({ kind: 'person-record', start, end, description: "a person's name with a date of birth, address or national id" });
    }
  }
  scanKeyedNames(text, out, now);
  if (text.includes('PID|')) scanHl7Pids(text, out, now);
}

/** A person's name and a record detail (date of birth, address, national id) among a line's fields. */
function recordMatch(fields: Field[], text: string, postcode: boolean, now: Date): { name: Field; other: Field } | undefined {
  let name: Field | undefined;
  let other: Field | undefined;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    // A field may carry its label (`Name: Lena Fischer`, `dob=1990-04-12`).
    const value = unlabelled(f.text);
    // A comma inside one value splits it: `Larsen, Henrik` (surname first), `DOB May 2, 1979`.
    const next = fields[i + 1];
    const between = next ? text.slice(f.end, next.start).trim() : '';
    // First and last name in two fields of a delimited line (`Sigrid;Halvorsen;…`): one name, read in order.
    const joined = !next ? undefined : between === ',' ? { text: `${f.text}, ${next.text}`, start: f.start, end: next.end } : between === ';' || between === '|' || (between === '' && text.slice(f.end, next.start).includes('\t')) ? { text: `${f.text} ${next.text}`, start: f.start, end: next.end } : undefined;
    if (!name && looksLikePersonName(value)) name = f;
    else if (!name && joined && /^\p{Lu}[\p{L}'-]+$/u.test(f.text) && looksLikePersonName(joined.text)) name = joined;
    else if (!other && (isRecordDetail(f.text, now) || (value !== f.text && isRecordDetail(value, now))) && !otherEventDate(text, f, value, now)) other = f;
    else if (!other && joined && isRecordDetail(unlabelled(joined.text), now)) other = joined;
    else if (!other && postcode && HOUSE_STREET_RE.test(f.text)) other = f; // `27 Kingsway, London WC2B 6UN`
  }
  return name && other ? { name, other } : undefined;
}

const QUOTED_RE = /(["'])([^"'\n]{1,200})\1/g;

/** The quoted values of a line: XML attribute values (`name="…" birthDate="…"`), SQL string values (`('…', '…')`). */
function quotedFields(text: string, s: number, e: number): Field[] {
  const line = text.slice(s, e);
  const fields: Field[] = [];
  if (!line.includes('"') && !line.includes("'")) return fields;
  QUOTED_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = QUOTED_RE.exec(line)) !== null && fields.length < 64) {
    const f = trimField(text, s + m.index + 1, s + m.index + 1 + m[2].length);
    if (f) fields.push(f);
  }
  return fields;
}

/** A line split at every record delimiter at once: `|`, `;`, `,`, tab and ` - `. */
function allFields(text: string, s: number, e: number): Field[] {
  const fields: Field[] = [];
  const re = /\s+-\s+|[|;,\t]/g;
  const line = text.slice(s, e);
  let from = 0;
  for (let m = re.exec(line); ; m = re.exec(line)) {
    const to = m ? m.index : line.length;
    const f = trimField(text, s + from, s + to);
    if (f) fields.push(f);
    if (!m || fields.length >= 64) break;
    from = to + m[0].length;
  }
  return fields;
}

/** A UK postcode (`WC2B 6UN`, `M1 1AE`) somewhere in a record: a house number and street name before it are an address. */
const UK_POSTCODE_RE = /\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b/;
const HOUSE_STREET_RE = /^\d{1,5}[A-Za-z]?\s+[A-Z][A-Za-z'-]{2,30}(?:\s+[A-Z][A-Za-z'-]{1,30}){0,3}$/;

/** A field's value without a short label before `:` or `=` (`Name: …`, `customer_name=…`). */
function unlabelled(field: string): string {
  const m = /^[A-Za-z][A-Za-z ._-]{0,24}[ \t]{0,2}[:=][ \t]{0,3}/.exec(field);
  return m && m[0].length < field.length ? field.slice(m[0].length) : field;
}

/** Start and end of the line holding offset `i`. */
function lineAround(text: string, i: number): [number, number] {
  const le = text.indexOf('\n', i);
  return [text.lastIndexOf('\n', i) + 1, le < 0 ? text.length : le];
}

// The key written just before a value: `"hireDate":"`, `<HireDate>`, `founded=`.
const KEY_BEFORE_RE = /([A-Za-z][A-Za-z0-9_.-]{0,40})["']?[ \t]{0,3}[:=>][ \t]{0,3}["']?$/;

/**
 * A date field whose key or label names another event (`"hireDate":"2015-03-01"`, `<Founded>1912-05-01</Founded>`,
 * `created: 2020-01-02`): a person's name beside it makes no record with a date of birth.
 */
function otherEventDate(text: string, f: Field, value: string, now: Date): boolean {
  if (!looksLikeDateOfBirth(value, now)) return false;
  const key = value !== f.text ? f.text.slice(0, f.text.length - value.length) : KEY_BEFORE_RE.exec(text.slice(Math.max(0, f.start - 64), f.start))?.[1];
  return key !== undefined && isOtherEventDateKey(key);
}

function isRecordDetail(s: string, now: Date): boolean {
  return looksLikeDateOfBirth(s, now) || looksLikeStreetAddress(s) || isSsnText(s) || looksLikeNationalId(s);
}

/**
 * `"firstName": "Henrik"`, `first_name=Henrik`, `<FirstName>Henrik</FirstName>`, and the bare `first="Henrik"` /
 * `last="Larsen"` of XML attributes (the key, then the name word; both names must read as a person's together).
 */
const FIRST_NAME_KV_RE = /(?:(?:first|given|fore)[ _-]?name|\bfirst(?=["']?[ \t]{0,3}[:=]))["']?[ \t]{0,3}[:=>][ \t]{0,3}["']?(\p{L}[\p{L}'\u2019-]{1,30})/giu;
const LAST_NAME_KV_RE = /(?:(?:last|family|sur)[ _-]?name|surname|\blast(?=["']?[ \t]{0,3}[:=]))["']?[ \t]{0,3}[:=>][ \t]{0,3}["']?(\p{L}[\p{L}'\u2019-]{1,30})/iu;

/**
 * A record that names a person in separate first- and last-name fields (JSON, XML, `key=value`), with a date of birth,
 * address or national id on the same line. One look per line.
 */
function scanKeyedNames(text: string, out: PiiMatch[], now: Date): void {
  FIRST_NAME_KV_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIRST_NAME_KV_RE.exec(text)) !== null) {
    const [ls, le] = lineAround(text, m.index);
    FIRST_NAME_KV_RE.lastIndex = le;
    if (le - ls > 4000) continue;
    const line = text.slice(ls, le);
    const last = LAST_NAME_KV_RE.exec(line);
    if (!last || !looksLikePersonName(`${m[1]} ${last[1]}`)) continue;
    const detail = recordFields(text, ls, le).find((f) => isRecordDetail(f.text, now) && !otherEventDate(text, f, f.text, now)) ?? xmlOrPairDetail(text, ls, line, now);
    if (!detail) continue;
    const firstStart = m.index + m[0].length - m[1].length;
    const lastStart = ls + last.index + last[0].length - last[1].length;
    const start = Math.min(firstStart, lastStart, detail.start);
    const end = Math.max(firstStart + m[1].length, lastStart + last[1].length, detail.end);
    out.push({ kind: 'person-record', start, end, description: "a person's name with a date of birth, address or national id" });
  }
}

/** The detail among `key=value` / `<Key>value</Key>` values of a line that recordFields does not split that way. */
function xmlOrPairDetail(text: string, ls: number, line: string, now: Date): Field | undefined {
  const re = /[=>:]\s{0,3}["']?([^"'<>&;,|\n]{6,80})/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(line)) !== null) {
    const f = trimField(text, ls + m.index + m[0].length - m[1].length, ls + m.index + m[0].length);
    if (f && isRecordDetail(f.text, now) && !otherEventDate(text, f, f.text, now)) return f;
  }
  return undefined;
}

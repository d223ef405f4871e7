// Phone numbers validated by libphonenumber-js (max metadata): formatted numbers with `+` or in North American shape,
// UK national numbers only where the text (or its name) says it is British; fictional / drama ranges are skipped.

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isAlnumCode as codec_isAlnumCode, isDigitCode as codec_isDigitCode } from './codec';
import type { PiiMatch } from './pii-match';

// Local bindings: hot loops call these directly (no module getter per character).
const isAlnumCode = codec_isAlnumCode;
const isDigitCode = codec_isDigitCode;

/** Fictional / drama ranges: NANP 555-0100..0199; Ofcom drama numbers; Australian fictional 0491 570 xxx. */
function isFictionalNumber(country: string | undefined, national: string): boolean {
  if (country === 'US' || country === 'CA' || (national.length === 10 && country === undefined)) {
    if (national.length === 10 && national.slice(3, 6) === '555') {
      const line = +national.slice(6);
      if (line >= 100 && line <= 199) return true;
    }
  }
  if (country === 'GB') {
    // Ofcom's drama numbers: 0113–0118, 0121, 0131, 0141, 0151, 0161 496 0xxx besides the ranges below.
    if (/^(?:11[3-8]|1[2-6]1)4960\d{3}$/.test(national)) return true;
    if (/^20794600\d\d$|^207946[01]\d{3}$|^1134960\d{3}$|^1164960\d{3}$|^1314960\d{3}$|^1514960\d{3}$|^1174960\d{3}$|^1914980\d{3}$|^2890180\d{3}$|^29\d{2}018\d{3}$|^1632960\d{3}$|^7700900\d{3}$|^8081570\d{3}$|^9098790\d{3}$|^3069990\d{3}$/.test(national)) return true;
  }
  if (country === 'AU' && /^491570\d{3}$|^255501\d{2}$/.test(national)) return true;
  return false;
}

const PHONE_CANDIDATE_RE = /[+(]?\d[\d \u00a0().-]{5,27}/g;

/**
 * A text that says its numbers are British: a `+44` / `0044` number, a country field that is the UK, the words United
 * Kingdom, or a `uk`/`gb` key (`"uk": …`, `phone_uk=…`).
 */
const UK_TEXT_RE = /(?:\+|\b00)44[\s(]*\d|\bcountry(?:[_ -]?(?:code|iso))?["']?\s*[:=]\s*["']?(?:uk|gb|gbr|united kingdom|great britain)\b|\bunited kingdom\b|(?<![A-Za-z0-9])(?:uk|gb)["']?\s*[:=]|[_.-](?:uk|gb)["']?\s*[:=]/i;

/** `uk`/`gb` as a word of a name (`uk_phone`, `contact.phoneGB`, `gbMobile`). */
export function isUkName(name: string): boolean {
  if (!/uk|gb/i.test(name)) return false;
  for (const w of name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/)) {
    if (w === 'uk' || w === 'gb' || w === 'gbr') return true;
  }
  return false;
}

/** A UK number as written in the UK without its country code: a trunk `0`, 10–11 digits in 2–3 groups (`020 7123 4567`, `07911 123456`). */
const UK_NATIONAL_RE = /^0\d{2,4}(?:([ -])\d{3,4}(?:\1\d{3,4})?|[ -]\d{6})$/;
/** Countries that share +44. */
const UK_COUNTRIES = new Set(['GB', 'GG', 'JE', 'IM']);

/** A UK number without its country code at [i, e) of `text` (the caller knows the text or its name is British). */
function ukNational(cand: string): boolean {
  if (!UK_NATIONAL_RE.test(cand)) return false;
  let digits = 0;
  for (let k = 0; k < cand.length; k++) if (isDigitCode(cand.charCodeAt(k))) digits++;
  if (digits < 10 || digits > 11) return false;
  let parsed;
  try {
    parsed = parsePhoneNumberFromString(cand, 'GB');
  } catch {
    parsed = undefined;
  }
  return !!parsed && parsed.isValid() && UK_COUNTRIES.has(parsed.country as string) && !isFictionalNumber('GB', parsed.nationalNumber as string);
}

/**
 * UK numbers written without the country code in a text whose name says it is British (`$uk_phone = "020 …"`): the
 * value scan takes them only when the text itself says so (see UK_TEXT_RE).
 */
export function scanUkPhones(text: string): PiiMatch[] {
  const out: PiiMatch[] = [];
  if (text.length < 10 || text.length > 100_000 || !text.includes('0')) return out;
  try {
    scanPhones(text, out, true);
  } catch {
    // never throw
  }
  return out;
}

export function scanPhones(text: string, out: PiiMatch[], ukName = false): void {
  const n = text.length;
  /** Whether the text is British (asked once, for the first number with a trunk `0` only). */
  let uk: boolean | undefined = ukName ? true : undefined;
  PHONE_CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHONE_CANDIDATE_RE.exec(text)) !== null) {
    const i = m.index;
    const runEnd = i + m[0].length;
    const c = text.charCodeAt(i);
    if (i > 0) {
      const p = text.charCodeAt(i - 1);
      // must start at a boundary: not inside a word, an id, a version (1.2), a path or a $var
      if (isAlnumCode(p) || p === 95 || p === 45 || p === 46 || p === 47 || p === 36 || (p === 43 && c !== 43)) continue;
    }
    let e = runEnd;
    while (e > i && !isDigitCode(text.charCodeAt(e - 1)) && text.charCodeAt(e - 1) !== 41) e--;
    let digits = 0;
    for (let k = i; k < e; k++) if (isDigitCode(text.charCodeAt(k))) digits++;
    const next = e < n ? text.charCodeAt(e) : 0;
    if (digits < 7 || digits > 15 || isAlnumCode(next) || next === 95 || next === 47 || next === 64) continue;
    const cand = text.slice(i, e);
    // International "00" prefix: 0049 30 901820 is +49 30 901820.
    const intl = c === 48 && text.charCodeAt(i + 1) === 48 && digits >= 10 ? '+' + cand.slice(2).trimStart() : cand;
    if (c === 48 /* 0 */ && intl === cand && text.charCodeAt(i + 1) !== 48) {
      // A trunk `0`: a UK number without its country code, where the text (or its name) says it is British.
      if ((uk ??= UK_TEXT_RE.test(text)) && ukNational(cand)) out.push({ kind: 'phone', start: i, end: e, description: 'a phone number' });
      continue;
    }
    if (ukName) continue;
    if (!phoneFormatted(intl)) continue;
    if (intl.charCodeAt(0) !== 43 && !nanpShape(cand)) continue; // without +, only North American numbers can be valid (default US)
    let parsed;
    try {
      parsed = parsePhoneNumberFromString(intl, 'US');
    } catch {
      parsed = undefined;
    }
    if (!parsed || !parsed.isValid()) continue;
    if (isFictionalNumber(parsed.country, parsed.nationalNumber as string)) continue;
    out.push({ kind: 'phone', start: i, end: e, description: 'a phone number' });
  }
}

/** 10 digits (optionally after a leading 1) with area code and exchange starting 2-9. */
function nanpShape(c: string): boolean {
  let d = '';
  for (let k = 0; k < c.length; k++) if (isDigitCode(c.charCodeAt(k))) d += c[k];
  if (d.length === 11 && d[0] === '1') d = d.slice(1);
  return d.length === 10 && d[0] >= '2' && d[3] >= '2';
}

/**
 * Phone-like writing: an international `+` prefix, a parenthesised area code, or 3+ digit groups joined by
 * single separators (`212-817-2593`, `212.817.2593`, `020 7946 0958`). Plain digit runs (ids, timestamps,
 * amounts) never qualify.
 */
function phoneFormatted(c: string): boolean {
  if (/^\+\d/.test(c)) return /^\+\d{1,3}(?:[\s.-]?\(?\d{1,5}\)?){1,6}$/.test(c) || /^\+\d{7,15}$/.test(c);
  if (/^(?:1[\s.-]?)?\(\d{2,5}\)[\s.-]?\d{2,5}(?:[\s.-]\d{2,5}){0,3}$/.test(c)) return true;
  if (/^\d{1,5}(?:[\s.-]\d{2,5}){2,4}$/.test(c)) {
    const seps = c.replace(/[\d]/g, '');
    // one separator kind ("212-817-2593", "020 7946 0958"), not a date "2024-01-15" (checked by libphonenumber) nor "1.2.3"
    return /^(?:-+|\.+| +)$/.test(seps);
  }
  return false;
}

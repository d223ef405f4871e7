// Personal data inside one string: e-mail addresses of persons, valid phone numbers, US SSNs, payment card
// numbers, IBANs and person records (name + date of birth / address / national id). Policy section 3.

import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { ibanMod97Valid, isAlnumCode as codec_isAlnumCode, isDigitCode as codec_isDigitCode, isUpperCode as codec_isUpperCode, luhnValid } from './codec';
import { isOtherEventDateKey, looksLikeDateOfBirth, looksLikeNationalId, looksLikePersonName, looksLikeStreetAddress } from './person';

// Local bindings: hot loops call these directly (no module getter per character).
const isAlnumCode = codec_isAlnumCode;
const isDigitCode = codec_isDigitCode;
const isUpperCode = codec_isUpperCode;

export type PiiKind = 'email' | 'phone' | 'ssn' | 'card' | 'iban' | 'person-record';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  /** Human description without the value, e.g. "US social security number". */
  description: string;
}

// ---------------------------------------------------------------------------------------------- e-mail

/** Role (non-person) mailbox local parts: the policy's list plus common team/system boxes. */
export const ROLE_MAILBOXES = new Set([
  'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'support', 'help', 'helpdesk', 'admin', 'administrator', 'alerts',
  'alert', 'ops', 'operations', 'it', 'integration', 'integrations', 'billing', 'sales', 'info', 'postmaster', 'hostmaster',
  'webmaster', 'abuse', 'root', 'security', 'dispatch', 'hr', 'finance', 'accounts', 'orders', 'edi', 'purchasing',
  'procurement', 'notifications', 'team', 'contact', 'service', 'marketing',
  // common additions
  'reply', 'noreplies', 'mailer', 'mailer-daemon', 'daemon', 'bounce', 'bounces', 'notify', 'notification', 'system', 'sysadmin',
  'devops', 'dev', 'qa', 'test', 'tests', 'reports', 'report', 'accounting', 'payroll', 'payables', 'receivables', 'ap', 'ar',
  'invoices', 'invoice', 'hello', 'office', 'jobs', 'careers', 'press', 'media', 'legal', 'privacy', 'compliance', 'shipping',
  'warehouse', 'logistics', 'customerservice', 'customercare', 'care', 'servicedesk', 'desk', 'monitoring', 'monitor', 'bot',
  'automation', 'jitterbit', 'git', 'feedback', 'enquiries', 'inquiries', 'general', 'mail', 'email', 'group', 'staff', 'all',
  'everyone', 'exceptions', 'errors', 'status', 'backup', 'cloud', 'api', 'svc', 'service-account', 'serviceaccount', 'list',
  'oncall', 'on-call', 'noc', 'sre', 'payments', 'treasury', 'helpline', 'escalations', 'incidents',
  // system and job mailboxes of integration scripts (`etl@`, `batch-jobs@`, `scheduler@`)
  'etl', 'elt', 'batch', 'cron', 'scheduler', 'agent', 'agents', 'robot', 'robots', 'build', 'builds', 'ci', 'deploy',
  'sync', 'interface', 'interfaces', 'middleware', 'esb', 'b2b', 'erp', 'crm', 'wms', 'dataops', 'dwh', 'datawarehouse',
  'pipeline', 'pipelines', 'workflow', 'workflows', 'app', 'apps', 'portal', 'server', 'servers', 'platform', 'infra',
]);

/** Domains whose addresses are machine identities (cloud service accounts), never a person's mailbox. */
const MACHINE_EMAIL_DOMAIN_RE = /(?:^|\.)(?:gserviceaccount\.com|iam\.gserviceaccount\.com|serviceaccount\.com|users\.noreply\.github\.com|noreply\.github\.com)$/i;

const RESERVED_EMAIL_DOMAINS = new Set(['example.com', 'example.org', 'example.net', 'localhost', 'yourdomain.com', 'yourcompany.com', 'mydomain.com', 'domain.com', 'company.com', 'email.invalid']);
const RESERVED_TLDS = new Set(['example', 'test', 'invalid', 'localhost', 'local', 'internal', 'lan', 'corp', 'home', 'intranet']);
const FILE_TLDS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'js', 'ts', 'css', 'json', 'xml', 'zip', 'pdf']);

/** True when the local part names a role mailbox (`support`, `ops-team`, `it.helpdesk`, `noreply+build`). */
export function isRoleMailbox(local: string): boolean {
  const l = local.toLowerCase().replace(/\+.*$/, '');
  if (ROLE_MAILBOXES.has(l)) return true;
  const segs = l.split(/[._-]+/).filter((x) => x && !/^\d+$/.test(x));
  if (segs.length === 0) return true;
  return ROLE_MAILBOXES.has(segs[0]) || ROLE_MAILBOXES.has(segs[segs.length - 1]);
}

/** True for reserved / documentation domains (`example.com`, `*.example`, `*.test`, `*.invalid`, `localhost`). */
export function isReservedDomain(domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, '');
  if (RESERVED_EMAIL_DOMAINS.has(d)) return true;
  for (const r of ['example.com', 'example.org', 'example.net']) if (d.endsWith('.' + r)) return true;
  const tld = d.slice(d.lastIndexOf('.') + 1);
  return RESERVED_TLDS.has(tld);
}

function isLocalChar(c: number): boolean {
  return isAlnumCode(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
}
function isDomainChar(c: number): boolean {
  return isAlnumCode(c) || c === 46 || c === 45;
}

function scanEmails(text: string, out: PiiMatch[]): void {
  let at = -1;
  for (;;) {
    at = text.indexOf('@', at + 1);
    if (at < 0) return;
    let s = at;
    while (s > 0 && at - s < 64 && isLocalChar(text.charCodeAt(s - 1))) s--;
    let e = at + 1;
    while (e < text.length && e - at < 254 && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    while (s < at && text[s] === '.') s++;
    if (s === at || e <= at + 3) continue;
    if (s > 0) {
      const p = text[s - 1];
      const mailto = p === ':' && s >= 7 && text.slice(s - 7, s).toLowerCase() === 'mailto:';
      if (((p === ':' && !mailto) || p === '/' || isLocalChar(text.charCodeAt(s - 1)))) continue; // URL user-info, over-long local part
    }
    if (inUrlAuthority(text, at)) continue; // `sftp://user:pa!ss@host`: a password's tail is no local part

    const local = text.slice(s, at);
    const domain = text.slice(at + 1, e);
    const labels = domain.split('.');
    if (labels.length < 2 || labels.some((x) => x.length === 0 || x.length > 63)) continue;
    const tld = labels[labels.length - 1].toLowerCase();
    if (!/^[a-z]{2,24}$/.test(tld) || FILE_TLDS.has(tld)) continue;
    if (isReservedDomain(domain) || isRoleMailbox(local) || MACHINE_EMAIL_DOMAIN_RE.test(domain)) continue;
    if (!/[a-z]/i.test(local)) continue;
    // Message-IDs, calendar UIDs and other machine-made local parts name no person.
    if (machineLocalPart(local)) continue;
    out.push({ kind: 'email', start: s, end: e, description: "a person's e-mail address" });
    at = e - 1;
  }
}

/** A local part made by a program: mostly digits, or a long hex string (`20240315103000.4f7a9c`, `0400…E008`). */
function machineLocalPart(local: string): boolean {
  let digits = 0;
  for (let i = 0; i < local.length; i++) if (isDigitCode(local.charCodeAt(i))) digits++;
  return (digits >= 6 && digits * 2 >= local.length) || /^[0-9a-f]{16,}$/i.test(local);
}

/** True when the `@` at `at` ends the user-info of a URL: `scheme://` before it, with no path, space or quote between. */
function inUrlAuthority(text: string, at: number): boolean {
  // Backwards to the first `/`, which must be the second of `://` (bounded, so many `@`s stay linear).
  for (let i = at - 1; i >= 2 && i >= at - 512; i--) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) return text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58 /* : */;
    // A `#` may sit in a password written unencoded (`amqps://svc:Xk#2@host`); a `?` starts a query.
    if (c <= 32 || c === 34 /* " */ || c === 39 /* ' */ || c === 63 /* ? */ || c === 64 /* @ */) return false;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------- phone

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

function scanPhones(text: string, out: PiiMatch[], ukName = false): void {
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

// ---------------------------------------------------------------------------------------------- SSN

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

function scanSsns(text: string, out: PiiMatch[]): void {
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

// ---------------------------------------------------------------------------------------------- cards

/** Published test card numbers (card networks, Stripe, Adyen, Braintree, PayPal documentation). */
export const TEST_CARD_NUMBERS = new Set([
  '4111111111111111', '4242424242424242', '4012888888881881', '4222222222222', '4000056655665556', '4000000000000002',
  '4000000000000077', '4000000000000093', '4000000000003220', '4000002500003155', '4000000000009995', '4000000000000069',
  '4000000000000127', '4000000000000119', '4000000000000101', '4000000000000341', '4000002760003184', '4000000000000010',
  '4000000000000028', '4000000000000036', '4000000000000044', '4000000000000051', '4000000000000085', '4000000000000259',
  '4000000000000036', '4000003720000278', '4000000000003063', '4000008400001629', '4000000000001976', '4242424242424241',
  '4917610000000000', '4484070000000000', '4035501000000008', '4360000001000005', '4571000000000001', '4917300800000000',
  '4111111145551142', '4988438843884305', '4166676667666746', '4646464646464644', '4400000000000008', '4444333322221111',
  '4005519200000004', '4009348888881881', '4012000033330026', '4012000077777777', '4217651111111119', '4500600000000061',
  '4462030000000000', '4917484589897107', '4001919257537193', '4007702835532454', '4263982640269299', '4716108999716531',
  '5555555555554444', '5200828282828210', '5105105105105100', '2223003122003222', '2223000048400011', '5454545454545454',
  '5431111111111111', '5500000000000004', '5555444433331111', '2222400070000005', '2222410740360010', '5555341244441115',
  '5577000055770004', '5136333333333335', '5585558555855583', '5555555555555557', '5424000000000015', '5204740000001002',
  '5101180000000007', '2720992720992729', '5100000000000008', '5105105105105106', '5111010030175156', '5185540810000019',
  '378282246310005', '371449635398431', '378734493671000', '340000000000009', '370000000000002', '374245455400126',
  '370000000100018', '378282246310006', '343434343434343', '341111111111111', '371111111111114', '376449047333005',
  '6011111111111117', '6011000990139424', '6011000000000004', '6011981111111113', '6011601160116611', '6445644564456445',
  '6011000000000012', '6011000400000000', '6011111111111117', '6011601160116611', '6011287372587186',
  '3056930009020004', '36227206271667', '30569309025904', '38520000023237', '36006666333344', '36070500001020',
  '3566002020360505', '3530111333300000', '3566111111111113', '3569990010095841', '3528000700000000', '3566000020000410',
  '6200000000000005', '6555900000604105', '6243030000000001', '6250941006528599', '6282000000000000', '8171999927660000',
  '5019717010103742', '6304000000000000', '6759649826438453', '6799990100000000019', '5033962250000000',
]);

/** Known issuer prefix (IIN) with a length the network issues. */
function hasKnownIin(d: string): boolean {
  const len = d.length;
  const p2 = +d.slice(0, 2);
  const p3 = +d.slice(0, 3);
  const p4 = +d.slice(0, 4);
  const p6 = +d.slice(0, 6);
  if (d[0] === '4') return len === 13 || len === 16 || len === 19; // Visa
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return len === 16; // Mastercard
  if (p2 === 34 || p2 === 37) return len === 15; // Amex
  if (p4 === 6011 || (p3 >= 644 && p3 <= 649) || p2 === 65 || (p6 >= 622126 && p6 <= 622925)) return len >= 16 && len <= 19; // Discover
  if (p4 >= 3528 && p4 <= 3589) return len >= 16 && len <= 19; // JCB
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p4 === 3095) return len >= 14 && len <= 19; // Diners
  if (p2 === 62) return len >= 16 && len <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 58) || p2 === 63 || p2 === 67 || p2 === 60) return len >= 12 && len <= 19; // Maestro
  if (p4 >= 2200 && p4 <= 2204) return len === 16; // Mir
  return false;
}

/** A payment card number: Luhn-valid, known IIN and length, not a published test number or an obvious filler. */
export function isLikelyCardNumber(digits: string): boolean {
  if (!/^\d{13,19}$/.test(digits)) return false;
  if (!luhnValid(digits) || !hasKnownIin(digits)) return false;
  if (TEST_CARD_NUMBERS.has(digits)) return false;
  if (/0{7,}|(\d)\1{7,}/.test(digits)) return false; // test-style fillers (4000 0000 0000 0002, 4444 4444 …)
  if (/^(\d{4})\1{3}$|^(\d{2})\2{6,}/.test(digits)) return false; // repeated groups (4242 4242 …)
  return true;
}

const CARD_CANDIDATE_RE = /\d(?:[ -]?\d){12,18}/g;
/** Dot-grouped card numbers only in the printed groupings (4-4-4-4, 4-4-4-4-3, Amex 4-6-5): dots also join versions. */
const DOTTED_CARD_RE = /\d{4}\.\d{4}\.\d{4}\.\d{4}(?:\.\d{3})?|\d{4}\.\d{6}\.\d{5}/g;

function scanCards(text: string, out: PiiMatch[]): void {
  CARD_CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CARD_CANDIDATE_RE.exec(text)) !== null) {
    const i = m.index;
    const e = i + m[0].length;
    if (!standsAlone(text, i, e, SPACED_JOINERS)) continue;
    const v = m[0];
    if (v.includes(' ') && v.includes('-')) continue;
    const digits = v.length > 19 || v.includes(' ') || v.includes('-') ? v.replace(/[ -]/g, '') : v;
    if (isLikelyCardNumber(digits)) out.push({ kind: 'card', start: i, end: e, description: 'a payment card number' });
  }
  if (text.indexOf('.') < 0) return;
  DOTTED_CARD_RE.lastIndex = 0;
  while ((m = DOTTED_CARD_RE.exec(text)) !== null) {
    const i = m.index;
    const e = i + m[0].length;
    if (standsAlone(text, i, e, DOT_JOINER) && isLikelyCardNumber(m[0].replace(/\./g, ''))) out.push({ kind: 'card', start: i, end: e, description: 'a payment card number' });
  }
}

const SPACED_JOINERS = [46, 45, 32]; // . - space
const DOT_JOINER = [46];

/** A digit run that is a whole number: no word character, `.`, `-`, `$` before it, none after (nor a joiner and a digit). */
function standsAlone(text: string, i: number, e: number, joiners: readonly number[]): boolean {
  const p = i > 0 ? text.charCodeAt(i - 1) : 0;
  if (isAlnumCode(p) || p === 95 || p === 46 || p === 45 || p === 36) return false;
  const next = e < text.length ? text.charCodeAt(e) : 0;
  return !(isAlnumCode(next) || next === 95 || (joiners.includes(next) && e + 1 < text.length && isDigitCode(text.charCodeAt(e + 1))));
}

// ---------------------------------------------------------------------------------------------- IBAN

/** IBAN length by country (ISO 13616 registry). */
export const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BI: 27, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DJ: 27, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FK: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23,
  GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, LY: 25, MC: 27, MD: 24, ME: 22, MK: 19, MN: 20, MR: 27, MT: 31, MU: 30, NI: 28, NL: 18,
  NO: 15, OM: 23, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, RU: 33, SA: 24, SC: 31, SD: 18, SE: 24, SI: 19,
  SK: 24, SM: 27, SO: 23, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20, YE: 30,
};

/** Published example IBANs (ECBS / SWIFT registry examples, bank and library documentation). */
export const EXAMPLE_IBANS = new Set([
  'GB82WEST12345698765432', 'GB29NWBK60161331926819', 'GB33BUKB20201555555555', 'GB94BARC10201530093459', 'GB15MIDL40051512345678',
  'DE89370400440532013000', 'DE75512108001245126199', 'DE02120300000000202051', 'DE02500105170137075030', 'DE44500105175407324931',
  'DE12500105170648489890', 'DE91100000000123456789', 'FR1420041010050500013M02606', 'FR7630006000011234567890189',
  'FR7630001007941234567890185', 'NL91ABNA0417164300', 'NL20INGB0001234567', 'NL02ABNA0123456789', 'NL69INGB0123456789',
  'ES9121000418450200051332', 'ES7921000813610123456789', 'ES6621000418401234567891', 'IT60X0542811101000000123456',
  'BE68539007547034', 'BE71096123456769', 'BE62510007547061', 'AT611904300234573201', 'AT483200000012345864',
  'CH9300762011623852957', 'CH5604835012345678009', 'PL61109010140000071219812874', 'SE4550000000058398257466',
  'NO9386011117947', 'DK5000400440116243', 'FI2112345600000785', 'IE29AIBK93115212345678', 'IE64IRCE92050112345678',
  'PT50000201231234567890154', 'LU280019400644750000', 'GR1601101250000000012300695', 'CZ6508000000192000145399',
  'HU42117730161111101800000000', 'SA0380000000608010167519', 'AE070331234567890123456', 'TR330006100519786457841326',
  'BR9700360305000010009795493P1', 'BR1800360305000010009795493C1', 'CY17002001280000001200527600',
  'MT84MALT011000012345MTLCAST001S', 'SK3112000000198742637541', 'SI56263300012039086', 'HR1210010051863000160',
  'RO49AAAA1B31007593840000', 'BG80BNBG96611020345678', 'EE382200221020145685', 'LV80BANK0000435195001',
  'LT121000011101001000', 'IS140159260076545510730339', 'LI21088100002324013AA', 'MC5811222000010123456789030',
  'SM86U0322509800000000270100', 'AD1200012030200359100100', 'GI75NWBK000000007099453', 'IL620108000000099999999',
  'JO94CBJO0010000000000131000302', 'KW81CBKU0000000000001234560101', 'QA58DOHB00001234567890ABCDEFG',
  'UA213223130000026007233566001', 'RS35260005601001611379', 'ME25505000012345678951', 'AL47212110090000000235698741',
  'BA391290079401028494', 'MK07250120000058984', 'GE29NB0000000101904917', 'AZ21NABZ00000000137010001944',
  'KZ86125KZT5004100100', 'MD24AG000225100013104168', 'PK36SCBL0000001123456702', 'PS92PALS000000000400123456702',
  'TN5910006035183598478831', 'XK051212012345678906', 'VG96VPVG0000012345678901', 'DO28BAGR00000001212453611324',
  'CR05015202001026284066', 'GT82TRAJ01020000001210029690', 'LB62099900000001001901229114', 'MR1300020001010000123456753',
  'MU17BOMM0101101030300200000MUR', 'EG380019000500000000263180002', 'BH67BMAG00001299123456', 'TL380080012345678910157',
  'LC55HEMM000100010012001200023015', 'SC18SSCB11010000000000001497USD', 'BY13NBRB3600900000002Z00AB00', 'IQ98NBIQ850123456789012',
  'SV62CENR00000000000000700025', 'VA59001123000012345678', 'NL39RABO0300065264', 'DE27100777770209299700',
]);

const IBAN_CANDIDATE_RE = /[A-Z]{2}\d{2}(?=[ A-Z0-9]{11})/g;

function scanIbans(text: string, out: PiiMatch[]): void {
  const n = text.length;
  IBAN_CANDIDATE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = IBAN_CANDIDATE_RE.exec(text)) !== null) {
    let i = m.index;
    if (i > 0 && (isAlnumCode(text.charCodeAt(i - 1)) || text[i - 1] === '_')) continue;
    const cc = text.slice(i, i + 2);
    const len = IBAN_LENGTHS[cc];
    if (!len) continue;
    // Collect `len` alphanumerics allowing single spaces between groups.
    let k = i;
    let iban = '';
    while (k < n && iban.length < len) {
      const c = text.charCodeAt(k);
      if (isUpperCode(c) || isDigitCode(c)) {
        iban += text[k];
        k++;
      } else if (c === 32 && k + 1 < n && (isUpperCode(text.charCodeAt(k + 1)) || isDigitCode(text.charCodeAt(k + 1))) && iban.length >= 4) {
        k++;
      } else break;
    }
    if (iban.length !== len) continue;
    const next = k < n ? text.charCodeAt(k) : 0;
    if (isAlnumCode(next) || next === 95) continue;
    if (!ibanMod97Valid(iban)) continue;
    const start = i;
    i = k;
    IBAN_CANDIDATE_RE.lastIndex = k;
    if (EXAMPLE_IBANS.has(iban) || /123456789|0{10,}/.test(iban.slice(4))) continue;
    out.push({ kind: 'iban', start, end: k, description: 'an IBAN' });
  }
}

// ---------------------------------------------------------------------------------------------- person records

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
const NAME_PAIR_RE = new RegExp(NAME_PAIR_GLOBAL_RE.source, 'u');

function scanPersonRecords(text: string, out: PiiMatch[], now: Date): void {
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

const SSN_EXACT_RE = /^(?:ssn[:\s]{1,3})?(\d{3})([- ]?)(\d{2})\2(\d{4})$/i;
function isSsnText(s: string): boolean {
  const m = SSN_EXACT_RE.exec(s.trim());
  return m !== null && isValidSsn(m[1], m[3], m[4]);
}

// ---------------------------------------------------------------------------------------------- driver

const SEVEN_DIGITS_RE = /\d(?:\D{0,64}\d){6}/;
const ORDER: PiiKind[] = ['email', 'iban', 'card', 'ssn', 'phone'];


/**
 * Finds personal data in `text`. Matches of different kinds never overlap (an IBAN or card number is not
 * reported again as a phone number); sorted by start offset. `now` fixes "today" for date-of-birth checks.
 */
const ANY_DIGIT_RE = /\d/;
const FIRST_NAME_KEY_RE = /(?:first|given|fore)[ _-]?name|\bfirst["']?[ \t]{0,3}[:=]/i;

export function scanPii(text: string, now?: Date): PiiMatch[] {
  if (typeof text !== 'string' || text.length < 5) return [];
  const hasAt = text.includes('@');
  // Every value kind needs 7+ digits; a person record needs two capitalised words and a digit. One digit is the
  // cheapest test and most code strings have none.
  const digit = ANY_DIGIT_RE.test(text) && (SEVEN_DIGITS_RE.test(text) || NAME_PAIR_RE.test(text) || FIRST_NAME_KEY_RE.test(text));
  if (!hasAt && !digit) return [];
  const out: PiiMatch[] = [];
  try {
    if (hasAt) scanEmails(text, out);
    if (digit) {
      if (/[A-Z]{2}\d\d/.test(text)) scanIbans(text, out);
      scanCards(text, out);
      scanSsns(text, out);
      scanPhones(text, out);
      scanPersonRecords(text, out, now ?? new Date());
    }
  } catch {
    // never throw: partial results are still useful
  }
  if (out.length === 0) return out;
  // Resolve overlaps between value kinds: the earlier kind in ORDER wins. Person records may contain other matches.
  const records = out.filter((m) => m.kind === 'person-record');
  const values = out.filter((m) => m.kind !== 'person-record').sort((a, b) => a.start - b.start);
  const kept: PiiMatch[] = [];
  for (const m of values) {
    const last = kept[kept.length - 1];
    if (last && m.start < last.end) {
      if (ORDER.indexOf(m.kind) < ORDER.indexOf(last.kind)) kept[kept.length - 1] = m;
      continue;
    }
    kept.push(m);
  }
  kept.push(...records);
  kept.sort((a, b) => a.start - b.start || a.end - b.end);
  return kept;
}

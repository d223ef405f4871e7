import { mulberry32 } from '../support/rng';
/**
 * Generated fake credentials and personal data in realistic formats, for the rule tables.
 *
 * Every value is computed here from a seeded generator (checksums, Luhn, mod-97 and DER shapes included), so the
 * tests never hold a real key and the detectors are checked against an independent implementation of each format.
 * The same seed always yields the same value, which keeps test names and expectations stable.
 */

export const rng = mulberry32;

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALNUM = UPPER + LOWER + DIGITS;
const B64 = ALNUM + '+/';
const B64URL = ALNUM + '-_';
const HEX = '0123456789abcdef';

/** `n` characters drawn from `alphabet`; guaranteed to mix upper, lower and digits when the alphabet has them. */
export function pick(seed: number, n: number, alphabet = ALNUM): string {
  const r = rng(seed);
  for (let attempt = 0; attempt < 50; attempt++) {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(r() * alphabet.length)];
    const needs = [UPPER, LOWER, DIGITS].filter((set) => [...set].some((c) => alphabet.includes(c)));
    if (n < 8 || needs.every((set) => [...s].some((c) => set.includes(c)))) return s;
  }
  throw new Error('pick: no mixed value');
}

/** A random-looking password of `n` characters (letters, digits and a few symbols). */
export function password(seed: number, n = 16): string {
  return pick(seed, n - 2, ALNUM) + '!' + DIGITS[seed % 10];
}

export function hex(seed: number, n: number): string {
  return pick(seed, n, HEX);
}

// ------------------------------------------------------------------------------------------------ checksums

let crcTable: Uint32Array | undefined;
function crc32(s: string): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++) crc = crcTable[(crc ^ s.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function base62(n: number, width: number): string {
  const digits = DIGITS + UPPER + LOWER;
  let s = '';
  let v = n;
  do {
    s = digits[v % 62] + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  return s.padStart(width, '0');
}

/** Luhn check digit for a string of digits. */
export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = +body[body.length - 1 - i];
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** ISO 13616 check digits for an IBAN of country `cc` with basic bank account number `bban`. */
export function ibanOf(cc: string, bban: string): string {
  const rearranged = `${bban}${cc}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of rearranged) rem = (rem * 10 + +ch) % 97;
  return `${cc}${String(98 - rem).padStart(2, '0')}${bban}`;
}

// ------------------------------------------------------------------------------------------------ secrets

/** GitHub classic token with a valid CRC32/base62 checksum (`ghp_` + 30 random + 6 checksum). */
export function githubToken(seed: number, prefix: 'ghp' | 'gho' = 'ghp'): string {
  const body = pick(seed, 30);
  return `${prefix}_${body}${base62(crc32(body), 6)}`;
}

export function awsKeyId(seed: number, prefix: 'AKIA' | 'ASIA' = 'AKIA'): string {
  return `${prefix}${pick(seed, 16, UPPER + DIGITS.slice(2))}`;
}

/** GitHub fine-grained personal access token (`github_pat_` + 22 + `_` + 59). */
export function githubFineGrainedToken(seed: number): string {
  return `github_pat_${pick(seed, 22)}_${pick(seed + 1, 59)}`;
}

export function awsSecretKey(seed: number): string {
  return pick(seed, 40, B64);
}

export function googleApiKey(seed: number): string {
  return `AIza${pick(seed, 35, B64URL)}`;
}

export function slackBotToken(seed: number): string {
  const r = rng(seed);
  const num = (n: number) => Array.from({ length: n }, () => DIGITS[Math.floor(r() * 10)]).join('').replace(/^0/, '1');
  return `xoxb-${num(12)}-${num(13)}-${pick(seed + 1, 24)}`;
}

export function stripeLiveKey(seed: number, prefix: 'sk' | 'rk' = 'sk'): string {
  return `${prefix}_live_${pick(seed, 24)}`;
}

export function sendgridKey(seed: number): string {
  return `SG.${pick(seed, 22, B64URL)}.${pick(seed + 1, 43, B64URL)}`;
}

export function twilio(seed: number): { sid: string; token: string } {
  return { sid: `AC${hex(seed, 32)}`, token: hex(seed + 1, 32) };
}

/** Salesforce session id: org id `00D…` + `!` + session part. */
export function salesforceSession(seed: number): string {
  return `00D${pick(seed, 12)}!${pick(seed + 1, 96, ALNUM + '._')}`;
}

/** Salesforce 18-character record id (no `!`): not a secret. */
export function salesforceId(seed: number): string {
  return `001${pick(seed, 15)}`;
}

function b64url(s: string): string {
  return Buffer.from(s).toString('base64url');
}

export function jwt(seed: number): string {
  const header = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64url(JSON.stringify({ sub: `svc-${seed}`, iat: 1700000000 + seed, scope: 'orders.read' }));
  return `${header}.${payload}.${pick(seed, 43, B64URL)}`;
}

export function azureAccountKey(seed: number): string {
  return `${pick(seed, 86, B64)}==`;
}

/** Azure SAS signature (base64 of 32 bytes, URL-encoded). */
export function sasSignature(seed: number): string {
  const r = rng(seed);
  const bytes = Buffer.from(Array.from({ length: 32 }, () => Math.floor(r() * 256)));
  return encodeURIComponent(bytes.toString('base64'));
}

/** A PEM block whose body has the DER shape of a private key (a SEQUENCE spanning the whole body). */
export function pemPrivateKey(seed: number, label = 'RSA PRIVATE KEY'): string[] {
  const r = rng(seed);
  const content = Array.from({ length: 300 }, () => Math.floor(r() * 256));
  const der = Buffer.from([0x30, 0x82, 0x01, 0x2c, ...content]);
  const b64 = der.toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`];
}

export function uuid(seed: number): string {
  const h = hex(seed, 32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function basicAuth(user: string, pass: string): string {
  return Buffer.from(`${user}:${pass}`).toString('base64');
}

// ------------------------------------------------------------------------------------------------ PII

/** A Luhn-valid Visa number with a varied body (not a published test number, no filler runs). */
export function cardNumber(seed: number, prefix = '4539'): string {
  const r = rng(seed);
  let body = prefix;
  while (body.length < 15) body += DIGITS[1 + Math.floor(r() * 9)];
  return body + luhnDigit(body);
}

/** The same digits grouped by 4 with a separator. */
export function groupCard(n: string, sep = ' '): string {
  return n.match(/.{1,4}/g)?.join(sep) ?? n;
}

/** A German IBAN with valid check digits (18-digit BBAN). */
export function germanIban(seed: number): string {
  const r = rng(seed);
  let bban = '';
  while (bban.length < 18) bban += DIGITS[1 + Math.floor(r() * 9)];
  return ibanOf('DE', bban);
}

/** A US SSN in a valid range (area 100–665, group 10–98, serial 1000–9998). */
export function ssn(seed: number): string {
  const r = rng(seed);
  const area = 100 + Math.floor(r() * 500);
  const group = 10 + Math.floor(r() * 80);
  const serial = 1000 + Math.floor(r() * 8000);
  return `${area}-${group}-${serial}`;
}

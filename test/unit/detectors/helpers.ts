// Test-value generators: realistic formats with valid checksums, generated per test run from a fixed seed.
// Nothing here is a real credential or a real person's data. Checksums are computed independently of the
// code under test (node:zlib CRC32, local Luhn / mod-97 / base62 implementations).
import { crc32 as zlibCrc32 } from 'node:zlib';
import { generateKeyPairSync } from 'node:crypto';
import { mulberry32 } from '../../support/rng';

export const rng = mulberry32;

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const HEX = '0123456789abcdef';
export const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

const r = rng(20261126);
export function randStr(n: number, alphabet = ALNUM, next = r): string {
  let s = '';
  for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * alphabet.length)];
  return s;
}
/** Random string guaranteed to contain upper, lower and digit characters. */
export function mixedStr(n: number): string {
  for (;;) {
    const s = randStr(n);
    if (/[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s)) return s;
  }
}

function base62(n: number, width: number): string {
  const a = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let s = '';
  do {
    s = a[n % 62] + s;
    n = Math.floor(n / 62);
  } while (n > 0);
  return s.padStart(width, '0');
}

/** GitHub-style token: prefix_ + 30 random base62 + base62(CRC32(random)) padded to 6. */
export function githubToken(prefix = 'ghp'): string {
  const body = randStr(30);
  return `${prefix}_${body}${base62(zlibCrc32(body), 6)}`;
}
/** Same shape with a wrong checksum (last character changed). */
export function githubTokenBadChecksum(prefix = 'ghp'): string {
  const t = githubToken(prefix);
  const last = t[t.length - 1];
  return t.slice(0, -1) + (last === 'A' ? 'B' : 'A');
}
export function npmToken(): string {
  const body = randStr(30);
  return `npm_${body}${base62(zlibCrc32(body), 6)}`;
}
export function githubFineGrained(): string {
  return `github_pat_11${randStr(20, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ')}_${mixedStr(59)}`;
}

export function awsKeyId(prefix = 'AKIA'): string {
  return prefix + randStr(16, UPPER32);
}
export function awsSecret(): string {
  for (;;) {
    const s = randStr(40, B64);
    if (/[A-Z]/.test(s) && /[a-z]/.test(s) && /\d/.test(s)) return s;
  }
}

/** Bytes from the seeded generator: every test value is reproducible (random ones made tests flaky). */
export function seededBytes(n: number, next = r): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = Math.floor(next() * 256);
  return b;
}

export function b64url(s: string | Buffer): string {
  return Buffer.from(s).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
export function jwt(header: object = { alg: 'HS256', typ: 'JWT' }, payload: object = { sub: 'u-' + randStr(8), iat: 1760000000 }): string {
  return `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}.${b64url(seededBytes(32))}`;
}

export function luhnComplete(partial: string): string {
  for (let d = 0; d <= 9; d++) {
    const s = partial + d;
    let sum = 0;
    let dbl = false;
    for (let i = s.length - 1; i >= 0; i--) {
      let x = +s[i];
      if (dbl) {
        x *= 2;
        if (x > 9) x -= 9;
      }
      sum += x;
      dbl = !dbl;
    }
    if (sum % 10 === 0) return s;
  }
  throw new Error('unreachable');
}
/** A Luhn-valid card number with the given prefix and length, random middle digits. */
export function cardNumber(prefix: string, length: number): string {
  return luhnComplete(prefix + randStr(length - prefix.length - 1, '0123456789'));
}

function mod97(s: string): number {
  let rem = 0;
  for (const ch of s) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const d of v) rem = (rem * 10 + +d) % 97;
  }
  return rem;
}
/** A valid IBAN for the country with a random BBAN of the given shape (`n` digit, `a` upper letter). */
export function iban(country: string, shape: string): string {
  let bban = '';
  for (const c of shape) bban += c === 'a' ? randStr(1, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') : randStr(1, '0123456789');
  const check = 98 - mod97(bban + country + '00');
  return country + String(check).padStart(2, '0') + bban;
}

export function pemRsaPkcs8(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
}
export function pemRsaPkcs1(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
}
export function pemEcSec1(): string {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return privateKey.export({ type: 'sec1', format: 'pem' }) as string;
}
export function pemPublicKey(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  return publicKey.export({ type: 'spki', format: 'pem' }) as string;
}
export function pemOpenSsh(): string {
  const body = Buffer.concat([Buffer.from('openssh-key-v1\0', 'latin1'), seededBytes(200)]).toString('base64');
  const lines = body.match(/.{1,70}/g) ?? [];
  return `-----BEGIN OPENSSH PRIVATE KEY-----\n${lines.join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}
export function pemWithBody(label: string, bytes: Buffer): string {
  const lines = bytes.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

export function basic(user: string, pass: string): string {
  return Buffer.from(`${user}:${pass}`).toString('base64');
}

/** Ordinary Jitterbit-like script text: lookups, mappings, logging of counts, ids, dates, amounts, URLs. */
export function scriptLikeText(bytes: number, seed = 1): string {
  const r = rng(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const num = (n: number): string => String(Math.floor(r() * 10 ** n)).padStart(n, '0');
  const lines = [
    () => `$order.total = Round(root$transaction.response$body$Order$Amount$ * ${num(2)}.${num(2)}, 2);`,
    () => `rows = DBLookupAll("<TAG>endpoint:database/ERP</TAG>", "SELECT id, sku, qty FROM items WHERE order_id = '" + $order.id + "'");`,
    () => `WriteToOperationLog("Processed " + Length(rows) + " rows for batch ${num(6)} at " + Now());`,
    () => `// Map the customer id ${num(8)} to the CRM account; see ticket PAY-${num(4)}`,
    () => `If(Length($sku) > 0, $item.sku = Upper(Trim($sku)), RaiseError("Missing SKU on line " + i));`,
    () => `url = "https://api.partner-${num(2)}.io/v2/orders?page=" + page + "&limit=100&since=2024-0${pick(['1', '2', '3'])}-15";`,
    () => `$tz["${pick(['Europe/Berlin', 'America/Chicago', 'Asia/Tokyo'])}"] = ${pick(['1', '-6', '9'])};`,
    () => `id = "${num(8)}-${num(4)}-4${num(3)}-8${num(3)}-${num(12)}"; hash = "${num(16)}${num(16)}";`,
    () => `price = ${num(4)}.${num(2)}; qty = ${num(3)}; ts = ${num(13)}; ip = "10.${num(1)}.${num(2)}.${num(3)}";`,
    () => `Set("batch.size", ${num(3)}); $retry = GetVar("retry_count"); auth_mode = "basic"; session_timeout = 3600;`,
    () => `msg = "Order " + $order.id + " shipped to " + $ship.city + ": tracking 1Z${num(8)}${num(8)}";`,
    () => `<trans>`, () => `</trans>`, () => ``,
  ];
  const out: string[] = [];
  let size = 0;
  while (size < bytes) {
    const l = pick(lines)();
    out.push(l);
    size += l.length + 1;
  }
  return out.join('\n');
}


// Randomness heuristics and identifier shapes (GUIDs, digests, Salesforce ids) that look random but are not
// secrets by themselves (policy: "identifiers that merely look random").

import { isDigitCode as codec_isDigitCode, isLowerCode as codec_isLowerCode, isUpperCode as codec_isUpperCode } from './codec';

// Local bindings: hot loops call these directly (no module getter per character).
const isDigitCode = codec_isDigitCode;
const isLowerCode = codec_isLowerCode;
const isUpperCode = codec_isUpperCode;

/** Shannon entropy in bits per character. 0 for an empty string. */
export function shannonEntropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  const n = s.length;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

const UUID_RE = /^(?:[a-z]{1,8}\.)?\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}?$/i;
const HEX_RE = /^[0-9a-f]+$/i;
const SF_ID_15_RE = /^[0-9a][0-9A-Za-z]{4}0[0-9A-Za-z]{9}$/;
const SF_ID_18_RE = /^[0-9a][0-9A-Za-z]{4}0[0-9A-Za-z]{9}[A-Z0-5]{3}$/;
const SF_SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** True when an 18-character Salesforce id carries the correct case-checksum suffix. */
export function isSalesforceId18(v: string): boolean {
  if (!SF_ID_18_RE.test(v)) return false;
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) if (isUpperCode(v.charCodeAt(chunk * 5 + i))) bits |= 1 << i;
    if (v[15 + chunk] !== SF_SUFFIX_ALPHABET[bits]) return false;
  }
  return true;
}

/**
 * Shapes that look random but are identifiers: UUIDs/GUIDs (also braced, `sc.<uuid>`/`op.<uuid>`),
 * hex digests (MD5 32, SHA-1 40, SHA-224 56, SHA-256 64, SHA-384 96, SHA-512 128 hex; ObjectId 24 hex),
 * Salesforce 15-character ids and 18-character ids with a valid suffix.
 * Rules treat these as secrets only under a credential name or in a credential position.
 */
export function isIdentifierShape(value: string): boolean {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  const n = v.length;
  if (n < 15 || n > 140) return false;
  if (UUID_RE.test(v)) return true;
  if ((n === 24 || n === 32 || n === 40 || n === 56 || n === 64 || n === 96 || n === 128) && HEX_RE.test(v)) {
    // A digest is written in one case.
    return v === v.toLowerCase() || v === v.toUpperCase();
  }
  if (n === 15 && SF_ID_15_RE.test(v) && hasDigitRun(v, 3)) return true;
  if (n === 18 && isSalesforceId18(v)) return true;
  return false;
}

function hasDigitRun(v: string, k: number): boolean {
  let run = 0;
  for (let i = 0; i < v.length; i++) {
    run = isDigitCode(v.charCodeAt(i)) ? run + 1 : 0;
    if (run >= k) return true;
  }
  return false;
}

const DATE_FORMAT_RE = /^[yMdDHhmsSfzZTtK'.:\-/ ,]{6,64}$/;
const MARKUP_RE = /<\/?[A-Za-z][\w:.-]{0,40}>/;

/** Share of characters inside runs of ≥ 4 lower-case letters: high for words, low for random strings. */
function wordRunShare(v: string): number {
  let inRuns = 0;
  let run = 0;
  for (let i = 0; i <= v.length; i++) {
    if (i < v.length && isLowerCode(v.charCodeAt(i))) run++;
    else {
      if (run >= 4) inRuns += run;
      run = 0;
    }
  }
  return inRuns / v.length;
}

/** Characters a token/key/password-like string is made of (no whitespace, no quotes). */
function isTokenChar(c: number): boolean {
  return c > 32 && c < 127 && c !== 34 && c !== 39 && c !== 96;
}

/**
 * Random-looking: ≥ 20 characters without whitespace, at least two character classes, high per-character
 * entropy and frequent class changes (random strings switch between upper/lower/digit often; identifiers
 * like `ProcessCustomerOrdersBatch2024` do not). Identifier shapes are never random-looking by themselves.
 */
export function looksRandom(value: string): boolean {
  if (typeof value !== 'string') return false;
  const v = value.trim();
  const n = v.length;
  if (n < 20 || n > 8192) return false;
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  let transitions = 0;
  let prevClass = -1;
  for (let i = 0; i < n; i++) {
    const c = v.charCodeAt(i);
    if (!isTokenChar(c)) return false;
    let cls: number;
    if (isUpperCode(c)) {
      upper++;
      cls = 0;
    } else if (isLowerCode(c)) {
      lower++;
      cls = 1;
    } else if (isDigitCode(c)) {
      digit++;
      cls = 2;
    } else {
      other++;
      cls = 3;
    }
    if (prevClass >= 0 && cls !== prevClass) transitions++;
    prevClass = cls;
  }
  const classes = (upper > 0 ? 1 : 0) + (lower > 0 ? 1 : 0) + (digit > 0 ? 1 : 0) + (other > 0 ? 1 : 0);
  if (classes < 2) return false;
  if (digit === 0 && (upper === 0 || lower === 0)) return false; // letters of one case plus punctuation: words
  if (isIdentifierShape(v)) return false;
  if (wordRunShare(v) > 0.4) return false; // CamelCaseWords, dotted.names
  if (/^[a-z][a-z0-9+.-]{1,20}:\/\//i.test(v)) return false; // URLs
  if (DATE_FORMAT_RE.test(v) || MARKUP_RE.test(v)) return false; // "yyyy-MM-dd'T'HH:mm:ss.SSSZ", "<TAG>Sources/x</TAG>"
  const h = shannonEntropy(v);
  // Threshold grows with length up to the hex ceiling region: 20 chars → 3.6 bits, 40+ → 4.0 bits,
  // hex-only values (max 4 bits) use a lower bar.
  const hexOnly = upper + lower + digit === n && /^[0-9a-f]+$/i.test(v);
  const threshold = hexOnly ? 3.2 : Math.min(4.0, 3.3 + (n - 20) * 0.02);
  if (h < threshold) return false;
  return transitions / (n - 1) >= 0.22;
}

const HEX_KEY_RE = /^(?=[0-9a-f-]*\d)(?=[0-9a-f-]*[a-f])(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{20,128})$/i;

/**
 * A value that an HTTP header or URL parameter named like a key holds as a credential: random-looking, or a long hex
 * or UUID-shaped key (many APIs issue those; policy "Random-looking shapes" under a credential context).
 */
export function looksLikeIssuedKey(value: string): boolean {
  const v = value.trim();
  if (v.length < 20 || v.length > 512) return false;
  return looksRandom(v) || HEX_KEY_RE.test(v);
}

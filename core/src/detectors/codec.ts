// Small pure helpers shared by the detectors: base64 decoding, CRC32, base62, Luhn, IBAN mod-97.
// No Node APIs; every function is total (returns undefined / false instead of throwing).

const B64_VALUES: Int8Array = (() => {
  const t = new Int8Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) t[alphabet.charCodeAt(i)] = i;
  t['+'.charCodeAt(0)] = 62;
  t['/'.charCodeAt(0)] = 63;
  // base64url
  t['-'.charCodeAt(0)] = 62;
  t['_'.charCodeAt(0)] = 63;
  return t;
})();

/**
 * Decodes standard or URL-safe base64 (padding optional). Returns undefined when the input contains
 * anything but base64 characters (whitespace is not skipped: callers strip it first) or has an
 * impossible length.
 */
export function decodeBase64(s: string, maxBytes = 1 << 20): Uint8Array | undefined {
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61 /* = */) len--;
  if (s.length - len > 2) return undefined;
  if (len % 4 === 1) return undefined;
  const outLen = Math.floor((len * 3) / 4);
  if (outLen > maxBytes) return undefined;
  const out = new Uint8Array(outLen);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < len; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? B64_VALUES[c] : -1;
    if (v < 0) return undefined;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return o === outLen ? out : out.subarray(0, o);
}

/** Decodes bytes as Latin-1/ASCII text (one char per byte). */
export function bytesToAscii(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

/** Decodes bytes as UTF-8; returns undefined on malformed input. */
export function bytesToUtf8(b: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
}

let CRC_TABLE: Uint32Array | undefined;
/** CRC-32 (IEEE 802.3, as zlib) of the ASCII/Latin-1 code units of s. */
export function crc32(s: string): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < s.length; i++) crc = CRC_TABLE[(crc ^ s.charCodeAt(i)) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
/** Base62 (0-9A-Za-z) of a non-negative integer, left-padded with '0' to `width`. */
export function toBase62(n: number, width = 0): string {
  let s = '';
  let v = Math.floor(n);
  do {
    s = BASE62[v % 62] + s;
    v = Math.floor(v / 62);
  } while (v > 0);
  while (s.length < width) s = '0' + s;
  return s;
}

/** Luhn check over a string of digits only. */
export function luhnValid(digits: string): boolean {
  if (digits.length < 2) return false;
  let sum = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    dbl = !dbl;
  }
  return sum % 10 === 0;
}

/** ISO 13616 mod-97 check of an IBAN without spaces (upper case). */
export function ibanMod97Valid(iban: string): boolean {
  if (iban.length < 5) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let rem = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i);
    if (c >= 48 && c <= 57) rem = (rem * 10 + (c - 48)) % 97;
    else if (c >= 65 && c <= 90) rem = (rem * 100 + (c - 55)) % 97;
    else return false;
  }
  return rem === 1;
}

export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}
export function isUpperCode(c: number): boolean {
  return c >= 65 && c <= 90;
}
export function isLowerCode(c: number): boolean {
  return c >= 97 && c <= 122;
}
export function isAlnumCode(c: number): boolean {
  return isDigitCode(c) || isUpperCode(c) || isLowerCode(c);
}
/** Characters that may appear inside a word-ish token (alnum and `_`). */
export function isWordCode(c: number): boolean {
  return isAlnumCode(c) || c === 95;
}

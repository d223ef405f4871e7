// PEM private key blocks: the BEGIN/END armour plus a body validated by its DER / OpenSSH / OpenPGP shape.

import { bytesToAscii, decodeBase64 } from './codec';

export interface PemMatch {
  start: number;
  end: number;
  label: string;
  /** high: complete and structurally valid; medium: truncated body whose prefix is plausible. */
  confidence: 'high' | 'medium';
}

const PRIVATE_LABEL_RE = /^(?:(?:RSA|EC|DSA|ENCRYPTED|OPENSSH)\s)?PRIVATE KEY$|^PGP PRIVATE KEY BLOCK$/;
const MAX_BODY = 65536;
const B64_BODY_RE = /^[A-Za-z0-9+/]*={0,2}$/;

/** Parses a DER SEQUENCE header; returns [headerLength, contentLength] or undefined. */
function derSequenceHeader(b: Uint8Array): [number, number] | undefined {
  if (b.length < 2 || b[0] !== 0x30) return undefined;
  const l0 = b[1];
  if (l0 < 0x80) return [2, l0];
  const n = l0 & 0x7f;
  if (n === 0 || n > 4 || b.length < 2 + n) return undefined;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + b[2 + i];
  if (len < 0x80) return undefined; // non-minimal long form is not DER
  return [2 + n, len];
}

const OPENSSH_MAGIC = 'openssh-key-v1\0';

function pgpSecretKeyPacket(b: Uint8Array): boolean {
  if (b.length < 2 || (b[0] & 0x80) === 0) return false;
  const tag = b[0] & 0x40 ? b[0] & 0x3f : (b[0] >> 2) & 0x0f;
  return tag === 5;
}

/** At least 64 base64 characters with the variety of random bytes (not `AAAA…`, not a repeated filler). */
function randomBase64Body(b64: string): boolean {
  if (b64.length < 64) return false;
  const seen = new Set<string>();
  for (let i = 0; i < b64.length && seen.size < 30; i++) seen.add(b64[i]);
  return seen.size >= 30;
}

/** Finds PEM private key blocks (also with `\n` escapes written literally in one-line strings). */
export function scanPemPrivateKeys(text: string): PemMatch[] {
  const out: PemMatch[] = [];
  let nextEndCache = -2; // position of the next '-----END' at or after the current body; -1 when there is none
  let begin = text.indexOf('-----BEGIN ');
  while (begin >= 0) {
    // The next BEGIN bounds this block's body: work per block stays proportional to its own text.
    const nextBegin = text.indexOf('-----BEGIN ', begin + 11);
    const thisBegin = begin;
    begin = nextBegin;
    const limit = nextBegin < 0 ? text.length : nextBegin;
    const rel = text.slice(thisBegin + 11, Math.min(limit, thisBegin + 80)).indexOf('-----');
    if (rel < 0) continue;
    const labelEnd = thisBegin + 11 + rel;
    const label = text.slice(thisBegin + 11, labelEnd);
    if (!PRIVATE_LABEL_RE.test(label)) continue;
    const bodyStart = labelEnd + 5;
    if (nextEndCache !== -1 && nextEndCache < bodyStart) nextEndCache = text.indexOf('-----END', bodyStart);
    const endIdx = nextEndCache >= 0 && nextEndCache < limit && nextEndCache - bodyStart <= MAX_BODY ? nextEndCache : -1;
    const complete = endIdx >= 0;
    let raw: string;
    let end: number;
    if (complete) {
      raw = text.slice(bodyStart, endIdx);
      const closeRel = text.slice(endIdx + 8, Math.min(text.length, endIdx + 100)).indexOf('-----');
      end = closeRel >= 0 ? endIdx + 8 + closeRel + 5 : endIdx + 8;
    } else {
      // Truncated: the body runs while it looks like base64, whitespace or escape sequences.
      let k = bodyStart;
      const lim = Math.min(limit, bodyStart + MAX_BODY);
      while (k < lim) {
        const c = text.charCodeAt(k);
        if (c === 45 && text.startsWith('-----', k)) break;
        const ok = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 ||
          c === 10 || c === 13 || c === 32 || c === 9 || c === 92 || c === 58 || c === 44 || c === 45;
        if (!ok) break;
        k++;
      }
      raw = text.slice(bodyStart, k);
      end = k;
      while (end > bodyStart && /[\s\\]/.test(text[end - 1])) end--;
    }
    const normalised = raw.replace(/\\r\\n|\\n|\\r/g, '\n');
    let encryptedHeader = false;
    const parts: string[] = [];
    for (const line0 of normalised.split(/\r?\n|\r/)) {
      const line = line0.trim();
      if (!line) continue;
      if (line.includes(':')) {
        if (/^Proc-Type:\s*4,\s*ENCRYPTED/i.test(line)) encryptedHeader = true;
        continue;
      }
      if (label.startsWith('PGP') && line.startsWith('=') && line.length <= 6) continue; // armour checksum
      parts.push(line.replace(/\s+/g, ''));
    }
    let b64 = parts.join('');
    if (!b64 || !B64_BODY_RE.test(b64)) continue;
    // A complete block whose body is long, random base64 is a key even when its bytes do not parse (generated test
    // keys, keys retyped or cut at a line): the armour says "private key" and no placeholder reads like that.
    const armouredRandom = complete && randomBase64Body(b64);
    if (!complete) b64 = b64.slice(0, b64.length - (b64.length % 4));
    else if (b64.length % 4 !== 0) {
      if (armouredRandom) out.push({ start: thisBegin, end, label, confidence: 'medium' });
      continue;
    }
    const bytes = decodeBase64(b64);
    if (!bytes || bytes.length < 16) continue;
    let ok = false;
    let partial = false;
    if (label === 'OPENSSH PRIVATE KEY') {
      ok = bytes.length >= OPENSSH_MAGIC.length && bytesToAscii(bytes.subarray(0, OPENSSH_MAGIC.length)) === OPENSSH_MAGIC;
      partial = ok && !complete;
    } else if (label.startsWith('PGP')) {
      ok = pgpSecretKeyPacket(bytes);
      partial = ok && !complete;
    } else if (encryptedHeader) {
      ok = complete ? bytes.length % 8 === 0 && bytes.length >= 64 : bytes.length >= 24;
      partial = !complete;
    } else {
      const hdr = derSequenceHeader(bytes);
      if (hdr) {
        const total = hdr[0] + hdr[1];
        if (complete) ok = total === bytes.length && total >= 48;
        else {
          ok = bytes.length >= 24 && total > bytes.length;
          partial = ok;
        }
      }
    }
    if (!ok && !armouredRandom) continue;
    out.push({ start: thisBegin, end, label, confidence: ok && !partial ? 'high' : 'medium' });
  }
  return out;
}

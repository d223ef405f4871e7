// Checks that tell a real token from its shape: AWS secret key shape, GitHub / npm CRC32 tails, JWT headers that
// decode to JSON, Basic credentials that decode to user:password. Public (re-exported from tokens.ts) and used by the
// format and structured-string detectors.

import { bytesToAscii, bytesToUtf8, crc32, decodeBase64, toBase62 } from './codec';
import { shannonEntropy } from './entropy';
import { isPlaceholder } from './placeholder';
import { charClasses } from './tokens-candidate';

const AWS_SECRET_WHOLE_RE = /^[A-Za-z0-9/+]{40}$/;

/** A whole value shaped like an AWS secret access key (40 base64 characters, three classes, high entropy). */
export function isAwsSecretKeyShape(value: string): boolean {
  const v = value.trim();
  return AWS_SECRET_WHOLE_RE.test(v) && charClasses(v) >= 3 && !v.includes('EXAMPLE') && !isPlaceholder(v, 'code') && shannonEntropy(v) >= 4.0;
}

/** GitHub / npm token checksum: base62(CRC32(random part)) padded to 6 characters ends the token. */
export function hasValidTokenChecksum(token: string, prefixLength = 4): boolean {
  if (token.length < prefixLength + 7) return false;
  const body = token.slice(prefixLength, token.length - 6);
  const check = token.slice(token.length - 6);
  return toBase62(crc32(body), 6) === check;
}

function decodeJsonSegment(seg: string): unknown {
  const bytes = decodeBase64(seg, 65536);
  if (!bytes) return undefined;
  const s = bytesToUtf8(bytes);
  if (s === undefined) return undefined;
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return undefined;
  }
}

/** True when `token` is a JWS compact token whose header decodes to JSON with `alg` or `typ`. */
export function isJwt(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const header = decodeJsonSegment(parts[0]);
  if (!header || typeof header !== 'object' || Array.isArray(header)) return false;
  const h = header as Record<string, unknown>;
  if (typeof h.alg !== 'string' && typeof h.typ !== 'string') return false;
  const payloadBytes = decodeBase64(parts[1], 1 << 20);
  return payloadBytes !== undefined && payloadBytes.length > 0;
}

/** Decodes Basic credentials: printable ASCII `user:pass` with both parts non-empty. */
export function decodeBasicCredentials(b64: string): { user: string; password: string } | undefined {
  if (b64.length < 4 || b64.length > 1024) return undefined;
  const bytes = decodeBase64(b64);
  if (!bytes || bytes.length < 3) return undefined;
  const s = bytesToAscii(bytes);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c > 126) return undefined;
  }
  const colon = s.indexOf(':');
  if (colon <= 0 || colon === s.length - 1) return undefined;
  return { user: s.slice(0, colon), password: s.slice(colon + 1) };
}

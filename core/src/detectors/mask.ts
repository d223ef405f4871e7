// Masking and hashing of found values: nothing that leaves the core carries a full secret.

import { createHash } from 'node:crypto';

/**
 * Masked form of a value: first and last characters only, the middle replaced by `…`
 * (`ghp_…Q2`). At most 4 leading and 2 trailing characters, never more than 30% of the value;
 * values of 6 characters or fewer become `***`.
 */
export function mask(value: string): string {
  if (typeof value !== 'string') return '***';
  const chars = Array.from(value);
  const n = chars.length;
  if (n <= 6) return '***';
  const budget = Math.max(2, Math.floor(n * 0.3));
  let trail = Math.min(2, Math.floor(budget / 3) || 1);
  let lead = Math.min(4, budget - trail);
  if (lead < 1) {
    lead = 1;
    trail = Math.max(0, budget - 1);
  }
  return chars.slice(0, lead).join('') + '…' + chars.slice(n - trail).join('');
}

/** Stable SHA-256 hex digest of a value (fingerprints and baselines; never reversible to the value). */
export function hashValue(value: string): string {
  return createHash('sha256').update(typeof value === 'string' ? value : String(value), 'utf8').digest('hex');
}

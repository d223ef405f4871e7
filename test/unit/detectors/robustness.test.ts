import { strict as assert } from 'node:assert';
import {
  canBeCredentialValue, credentialNameKind, isIdentifierShape, isPlaceholder, isSensitiveDataName, looksLikeDateOfBirth, looksLikePersonName,
  looksLikeStreetAddress, looksRandom, mask, scanPii, scanSecretTokens, shannonEntropy,
} from '../../../core/src/detectors';
import { githubToken, jwt, rng } from './helpers';

/** Random strings biased towards the characters the detectors care about. */
function fuzzStrings(count: number, seed: number): string[] {
  const r = rng(seed);
  const atoms = [
    '=', ':', '"', "'", '<', '>', '</', '@', '.', '-', '+', '(', ')', '|', ';', '&', '?', ' ', '\n', '\\n', '\\', '$', '[', ']', '{', '}',
    'password', 'Pwd', 'token', 'key', 'Basic ', 'Bearer ', 'AKIA', 'eyJ', '-----BEGIN ', '-----END ', 'PRIVATE KEY', '-----', 'ghp_',
    'xoxb-', 'sk_live_', 'SG.', '00D', '!', 'sig=', '://', 'AccountKey=', '1984-03-12', '555', '+1 ', '4111', 'GB82', 'NL', '99',
    'Jane Porter', 'St', '0', '9', 'Z', 'z', '\u00e9', '\ud83d\ude00', '\u0000', githubToken(), jwt(),
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const n = Math.floor(r() * 40);
    for (let k = 0; k < n; k++) s += atoms[Math.floor(r() * atoms.length)];
    out.push(s);
  }
  return out;
}

describe('detectors/robustness (fuzz)', () => {
  const inputs = fuzzStrings(3000, 42);
  it('never throws, and every match lies inside the text with start < end', () => {
    for (const s of inputs) {
      for (const where of ['code', 'comment'] as const) {
        const m = scanSecretTokens(s, where);
        for (const x of m) assert.ok(x.start >= 0 && x.start < x.end && x.end <= s.length, JSON.stringify({ s, x }));
        for (let i = 1; i < m.length; i++) assert.ok(m[i - 1].end <= m[i].start, 'matches do not overlap');
      }
      for (const x of scanPii(s)) assert.ok(x.start >= 0 && x.start < x.end && x.end <= s.length, JSON.stringify({ s, x }));
    }
  });
  it('value and name predicates are total functions', () => {
    for (const s of inputs) {
      assert.equal(typeof isPlaceholder(s, 'code'), 'boolean');
      assert.equal(typeof canBeCredentialValue(s), 'boolean');
      assert.equal(typeof looksRandom(s), 'boolean');
      assert.equal(typeof isIdentifierShape(s), 'boolean');
      assert.equal(typeof isSensitiveDataName(s), 'boolean');
      assert.ok(credentialNameKind(s) === undefined || typeof credentialNameKind(s) === 'string');
      assert.equal(typeof looksLikePersonName(s), 'boolean');
      assert.equal(typeof looksLikeDateOfBirth(s), 'boolean');
      assert.equal(typeof looksLikeStreetAddress(s), 'boolean');
      assert.ok(Number.isFinite(shannonEntropy(s)));
      const m = mask(s);
      assert.ok(s.length <= 6 ? m === '***' : m !== s);
    }
  });
});

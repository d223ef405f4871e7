import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { hashValue, mask } from '../../../core/src/detectors';
import { githubToken, mixedStr } from './helpers';

describe('detectors/mask and hashValue', () => {
  it('shows at most 4 leading and 2 trailing characters of long values', () => {
    const t = githubToken();
    const m = mask(t);
    assert.equal(m, `${t.slice(0, 4)}…${t.slice(-2)}`);
    assert.ok(!m.includes(t.slice(4, -2)));
  });
  it('returns *** for values of 6 characters or fewer', () => {
    for (const v of ['', 'a', 'abc', 'abcdef']) assert.equal(mask(v), '***');
  });
  it('never reveals more than 30% of the value', () => {
    for (let n = 7; n <= 80; n++) {
      const v = mixedStr(n);
      const m = mask(v);
      const shown = m.replace('…', '').length;
      assert.ok(shown <= Math.max(2, Math.floor(n * 0.3)), `${n}: ${shown}`);
      assert.ok(shown >= 1);
      assert.ok(m.startsWith(v[0]));
      assert.notEqual(m, v);
    }
  });
  it('handles astral characters without splitting surrogate pairs', () => {
    const m = mask('😀😀😀😀😀😀😀😀😀😀');
    assert.ok(!/[\ud800-\udbff](?![\udc00-\udfff])/.test(m));
  });
  it('hashValue is a stable SHA-256 hex digest', () => {
    assert.equal(hashValue('secret-value'), createHash('sha256').update('secret-value').digest('hex'));
    assert.equal(hashValue('x'), hashValue('x'));
    assert.notEqual(hashValue('x'), hashValue('y'));
    assert.match(hashValue(''), /^[0-9a-f]{64}$/);
  });
});

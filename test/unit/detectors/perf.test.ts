import { strict as assert } from 'node:assert';
import { scanPii, scanSecretTokens, looksRandom, isPlaceholder, canBeCredentialValue } from '../../../core/src/detectors';
import { scriptLikeText } from './helpers';

function time(fn: () => void): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

function scanAll(text: string): number {
  let n = 0;
  n += scanSecretTokens(text, 'comment').length;
  n += scanPii(text).length;
  // Also per literal, as the rules call the detectors.
  for (const m of text.matchAll(/"([^"\n]{1,400})"/g)) {
    const v = m[1];
    n += scanSecretTokens(v, 'code').length;
    n += scanPii(v).length;
    if (looksRandom(v) || isPlaceholder(v, 'code') || canBeCredentialValue(v)) n++;
  }
  return n;
}

describe('detectors/performance', function () {
  this.timeout(120000);
  it('scans 5 MB of script-like text and scales linearly (1 MB vs 4 MB)', () => {
    const t1 = scriptLikeText(1 << 20, 11);
    const t4 = scriptLikeText(4 << 20, 12);
    const t5 = scriptLikeText(5 << 20, 13);
    scanAll(scriptLikeText(1 << 18, 14)); // warm-up (JIT, libphonenumber metadata)
    const ms1 = Math.min(time(() => scanAll(t1)), time(() => scanAll(t1)));
    const ms4 = time(() => scanAll(t4));
    let found = -1;
    const ms5 = time(() => {
      found = scanAll(t5);
    });
    assert.ok(found >= 0);
    // Linear: 4x the input should take about 4x the time; allow a generous factor for GC and timer noise.
    assert.ok(ms4 / Math.max(ms1, 1) < 10, `1 MB ${ms1.toFixed(0)} ms, 4 MB ${ms4.toFixed(0)} ms`);
    assert.ok(ms5 < 60000, `5 MB took ${ms5.toFixed(0)} ms`);
    if (process.env.JG_BENCH) console.log(`      1 MB ${ms1.toFixed(0)} ms, 4 MB ${ms4.toFixed(0)} ms, 5 MB ${ms5.toFixed(0)} ms`);
  });

  it('is linear on adversarial inputs (separators, quotes, digits, markers)', () => {
    const patterns = ['=:', 'a="', 'password=', '-----BEGIN PRIVATE KEY-----', 'eyJ', '@a.', '1-', '+1 ', '<password>', 'AKIA', 'Basic ', '|1984-01-01|', 'xoxb-1', '00D', 'Jane Roe, 1'];
    const best = (f: () => void): number => Math.min(time(f), time(f), time(f));
    for (const p of patterns) {
      const small = p.repeat(Math.ceil(200000 / p.length));
      const big = p.repeat(Math.ceil(800000 / p.length));
      const run = (t: string): void => {
        scanSecretTokens(t, 'code');
        scanSecretTokens(t, 'comment');
        scanPii(t);
      };
      run(small);
      const a = best(() => run(small));
      const b = best(() => run(big));
      // 4x the input: linear is ~4x; quadratic would be ~16x. Small absolute times are dominated by noise.
      assert.ok(b < 400 || b / Math.max(a, 1) < 10, `${JSON.stringify(p)}: 200k ${a.toFixed(1)} ms, 800k ${b.toFixed(1)} ms`);
      assert.ok(b < 5000, `${JSON.stringify(p)}: 800k took ${b.toFixed(0)} ms`);
    }
  });
});

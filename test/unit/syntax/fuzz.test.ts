import * as assert from 'node:assert/strict';
import { parseScript } from '../../../core/src/syntax/parser';
import { checkParse, mutate, prng, soup, withinLinearBudget } from '../../fuzz/harness';
import { fixtures, realisticScript } from './fixtures-util';

/** Lexer + parser steps for one parse. */
function steps(text: string): number {
  const stats = { steps: 0 };
  parseScript(text, { stats });
  return stats.steps;
}

describe('syntax/fuzz (bounded, seeded)', () => {
  it('survives 1,500 mutated fixtures with valid trees and ranges, within a linear step budget', function () {
    this.timeout(60_000);
    const seeds = fixtures().map((f) => f.text);
    const rng = prng(0x5eed);
    let withErrors = 0;
    for (let iter = 0; iter < 1500; iter++) {
      let text = seeds[iter % seeds.length];
      const edits = 1 + Math.floor(rng() * 8);
      for (let k = 0; k < edits; k++) text = mutate(text, rng);
      let problem: string | undefined;
      try {
        const stats = { steps: 0 };
        const result = parseScript(text, { stats });
        if (result.diagnostics.some((d) => d.severity === 'error')) withErrors++;
        problem = checkParse(text, result);
        if (!problem && !withinLinearBudget(text.length, stats.steps)) problem = `${stats.steps} steps for ${text.length} chars`;
      } catch (err) {
        problem = `threw ${(err as Error).stack}`;
      }
      assert.equal(problem, undefined, `iteration ${iter}: ${problem}\ninput: ${JSON.stringify(text)}`);
    }
    // The mutations must actually produce broken inputs, or the test proves nothing.
    assert.ok(withErrors > 500, `only ${withErrors} inputs had errors`);
  });

  it('delivers through onStatement exactly the statements and diagnostics of a collected parse', () => {
    const seeds = fixtures().map((f) => f.text);
    const rng = prng(0x057);
    for (let iter = 0; iter < 400; iter++) {
      let text = seeds[iter % seeds.length];
      for (let k = rng() * 4; k > 0; k--) text = mutate(text, rng);
      const collected = parseScript(text);
      const streamed: unknown[] = [];
      const r = parseScript(text, { onStatement: (e) => streamed.push(e) });
      assert.equal(r.program.body.length, 0, 'the body stays empty when statements are streamed');
      assert.deepEqual(streamed, collected.program.body, `iteration ${iter}: ${JSON.stringify(text)}`);
      assert.deepEqual(r.diagnostics, collected.diagnostics);
      assert.deepEqual(r.program.comments, collected.program.comments);
    }
  });

  it('survives 600 token soups parsed with small nesting caps (exercises the too-deep recovery)', function () {
    this.timeout(60_000);
    const rng = prng(0xdee9);
    let capped = 0;
    for (let iter = 0; iter < 600; iter++) {
      const text = soup(rng, 50 + Math.floor(rng() * 2000), rng());
      const maxDepth = 1 + Math.floor(rng() * 12);
      let problem: string | undefined;
      try {
        const result = parseScript(text, { maxDepth });
        if (result.diagnostics.some((d) => d.code === 'syntax/too-deep')) capped++;
        problem = checkParse(text, result);
      } catch (err) {
        problem = `threw ${(err as Error).stack}`;
      }
      assert.equal(problem, undefined, `iteration ${iter} (maxDepth ${maxDepth}): ${problem}\ninput: ${JSON.stringify(text)}`);
    }
    assert.ok(capped > 200, `only ${capped} soups reached the cap`);
  });

  describe('work grows linearly with input size (step counts, 40× input ⇒ < 60× steps)', () => {
    const unit: Record<string, (k: number) => string> = {
      'realistic script': (k) => realisticScript(k),
      'dotted locals a.b.c…': (k) => `<trans>${'a.'.repeat(k * 4)}a</trans>`,
      'unfinished paths a$b$c…x': (k) => `<trans>${'a$'.repeat(k * 4)}x</trans>`,
      'open parens ((((': (k) => `<trans>${'('.repeat(k * 4)}</trans>`,
      'balanced parens ((x))': (k) => `<trans>${'('.repeat(k * 2)}x${')'.repeat(k * 2)}</trans>`,
      'open arrays {{{{': (k) => `<trans>${'{'.repeat(k * 4)}</trans>`,
      'nested calls f(f(f(': (k) => `<trans>${'f('.repeat(k * 2)}</trans>`,
      'index chains a[a[a[': (k) => `<trans>${'a['.repeat(k * 2)}</trans>`,
      'prefix minus ----x': (k) => `<trans>${'-'.repeat(k * 4)}x</trans>`,
      'negations !!!!x': (k) => `<trans>${'!'.repeat(k * 4)}x</trans>`,
      'alternating -!-!x': (k) => `<trans>${'-!'.repeat(k * 2)}x</trans>`,
      'assignment chain a=a=…': (k) => `<trans>${'a='.repeat(k * 2)}1</trans>`,
      'concatenation a+a+…': (k) => `<trans>${'a+'.repeat(k * 2)}1</trans>`,
      'unclosed string with escapes': (k) => `<trans>x = "${'\\n'.repeat(k * 2)}`,
      'unclosed block comment': (k) => `<trans>/*${'*'.repeat(k * 4)}`,
      'unknown characters': (k) => `<trans>${'@ '.repeat(k * 2)}</trans>`,
      'missing operators a b c': (k) => `<trans>${'a '.repeat(k * 2)}</trans>`,
      'stray closers )]}': (k) => `<trans>${')]},'.repeat(k)}</trans>`,
      'line comments': (k) => `<trans>${'// c\n'.repeat(k)}</trans>`,
      'many <trans> tags': (k) => `<trans>${'<trans>'.repeat(k)}</trans>${'</trans>'.repeat(k)}`,
    };
    for (const [name, make] of Object.entries(unit)) {
      it(name, () => {
        const small = make(200);
        const big = make(8000);
        const ratio = steps(big) / Math.max(1, steps(small));
        assert.ok(big.length > small.length * 30, 'inputs scale');
        assert.ok(ratio < 60, `steps ratio ${ratio.toFixed(1)} for a ${(big.length / small.length).toFixed(1)}× input`);
      });
    }
  });

  it('wall time: a 40× bigger realistic script takes < 100× as long as the small one', function () {
    this.timeout(60_000);
    const small = realisticScript(100);
    const big = realisticScript(4000);
    // Compare one big parse with 40 small ones (same allocation volume, so GC affects both alike), interleaved,
    // best of up to 25 trials (stopping once under the bound) so load from other processes cannot fail it;
    // a quadratic parser stays ≥ 40× whatever the load. < 100× per small parse = < 2.5× here.
    const clock = (fn: () => void): number => {
      const t0 = process.hrtime.bigint();
      fn();
      return Number(process.hrtime.bigint() - t0);
    };
    for (let i = 0; i < 40; i++) parseScript(small);
    parseScript(big);
    let bestBig = Infinity;
    let bestSmall40 = Infinity;
    for (let trial = 0; trial < 25 && !(bestBig / bestSmall40 < 2.5); trial++) {
      bestBig = Math.min(bestBig, clock(() => parseScript(big)));
      bestSmall40 = Math.min(bestSmall40, clock(() => {
        for (let i = 0; i < 40; i++) parseScript(small);
      }));
    }
    const sizeRatio = big.length / small.length;
    const perSmall = bestBig / (bestSmall40 / 40);
    assert.ok(sizeRatio > 35 && sizeRatio < 45, `size ratio ${sizeRatio.toFixed(1)}`);
    assert.ok(perSmall < 100, `the ${sizeRatio.toFixed(0)}× input took ${perSmall.toFixed(1)}× as long`);
  });
});

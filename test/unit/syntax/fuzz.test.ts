import * as assert from 'node:assert/strict';
import { parseScript } from '../../../core/src/syntax/parser';
import { checkParse, mutate, prng, withinLinearBudget } from '../../fuzz/harness';
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

  it('wall time: a 40× bigger realistic script takes < 100× as long (best of 9, after warm-up)', function () {
    this.timeout(60_000);
    const small = realisticScript(100);
    const big = realisticScript(4000);
    // Best-of-n filters out GC pauses from the rest of the suite; both sizes are warmed up first.
    const best = (text: string): number => {
      let min = Infinity;
      for (let i = 0; i < 9; i++) {
        const t0 = process.hrtime.bigint();
        parseScript(text);
        min = Math.min(min, Number(process.hrtime.bigint() - t0));
      }
      return min;
    };
    for (let i = 0; i < 30; i++) parseScript(small);
    for (let i = 0; i < 3; i++) parseScript(big);
    const ratio = best(big) / Math.max(1, best(small));
    assert.ok(ratio < 100, `time ratio ${ratio.toFixed(1)}`);
  });
});

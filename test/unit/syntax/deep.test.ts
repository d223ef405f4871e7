import * as assert from 'node:assert/strict';
import { DEFAULT_MAX_DEPTH, parseScript } from '../../../core/src/syntax/parser';
import { walk } from '../../../core/src/syntax/walk';
import { checkParse, prng, soup } from '../../fuzz/harness';

const N = 100_000;

function parse(body: string) {
  const text = `<trans>${body}</trans>`;
  const result = parseScript(text);
  assert.equal(checkParse(text, result), undefined);
  return result;
}
function codes(body: string): string[] {
  return [...new Set(parse(body).diagnostics.map((d) => d.code))].sort();
}
/** Depth of the deepest node (iterative). */
function treeDepth(body: string): number {
  const depths = new Map<object, number>();
  let max = 0;
  walk(parse(body).program, (node, parent) => {
    const d = parent ? depths.get(parent)! + 1 : 0;
    depths.set(node, d);
    if (d > max) max = d;
  });
  return max;
}

describe('syntax/deep nesting', function () {
  // Big inputs on a possibly loaded machine: generous, the point is "finishes without overflowing".
  this.timeout(60_000);
  it(`${N} open parentheses: too-deep, no stack overflow`, () => {
    assert.deepEqual(codes('('.repeat(N)), ['syntax/expected-token', 'syntax/too-deep']);
  });
  it(`${N} balanced parentheses: one too-deep diagnostic, closers consumed`, () => {
    const r = parse(`${'('.repeat(N)}x${')'.repeat(N)}; y`);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['syntax/too-deep']);
    assert.equal(r.program.body.length, 2);
    assert.equal(r.program.body[1].kind, 'Identifier');
  });
  it(`${N} open braces`, () => {
    assert.deepEqual(codes('{'.repeat(N)), ['syntax/expected-token', 'syntax/too-deep']);
  });
  it(`${N} nested calls, index brackets and node brackets`, () => {
    assert.ok(codes('f('.repeat(N)).includes('syntax/too-deep'));
    assert.ok(codes('a['.repeat(N)).includes('syntax/too-deep'));
    assert.ok(codes('['.repeat(N)).includes('syntax/too-deep'));
  });
  it(`${N} prefix minus and ${N} negations build iteratively without errors`, () => {
    assert.deepEqual(codes(`${'-'.repeat(N)}x`), []);
    assert.deepEqual(codes(`${'!'.repeat(N)}x`), []);
    assert.equal(treeDepth(`${'- '.repeat(N)}x`), N + 1);
  });
  it(`${N} alternating -! is capped`, () => {
    assert.deepEqual(codes(`${'-!'.repeat(N)}x`), ['syntax/too-deep']);
  });
  it(`${N}-long assignment and concatenation chains`, () => {
    assert.deepEqual(codes(`${'a = '.repeat(N)}1`), []);
    assert.deepEqual(codes(`${'a + '.repeat(N)}1`), []);
  });
  it(`${N} levels reached through stray commas: (a, (a, …, x[a, x[a, …, [a, [a, …`, () => {
    for (const unit of ['(a, ', 'x[a, ', '[a, ', 'f(a b ']) {
      assert.ok(codes(unit.repeat(N)).includes('syntax/too-deep'), unit);
    }
  });
  it('random soups of 200,000 openers, operators and separators never overflow the stack', function () {
    this.timeout(120_000);
    for (let seed = 1; seed <= 6; seed++) {
      const rng = prng(seed);
      // Early seeds are mostly openers (deep), later ones more balanced.
      const text = soup(rng, 200_000, seed <= 3 ? 0.7 : 0.3);
      const result = parseScript(text);
      assert.equal(checkParse(text, result), undefined, `seed ${seed}`);
    }
  });
  it(`nesting up to the cap (${DEFAULT_MAX_DEPTH - 1}) is parsed in full`, () => {
    const depth = DEFAULT_MAX_DEPTH - 1;
    assert.deepEqual(codes(`${'('.repeat(depth)}x${')'.repeat(depth)}`), []);
    assert.deepEqual(codes(`${'{'.repeat(depth)}${'}'.repeat(depth)}`), []);
    assert.equal(treeDepth(`${'('.repeat(depth)}x${')'.repeat(depth)}`), depth + 1);
  });
  it('keeps the cut-off group inside unclosed outer constructs (whitespace before the end)', () => {
    for (const body of ['{(( ', '(({ ', '((( ', '{{{ ', 'f(f(f( ', `${'('.repeat(300)}  `]) {
      const text = `<trans>${body}</trans>`;
      const result = parseScript(text, { maxDepth: body.length > 100 ? DEFAULT_MAX_DEPTH : 2 });
      assert.ok(result.diagnostics.some((d) => d.code === 'syntax/too-deep'), body);
      assert.equal(checkParse(text, result), undefined, body);
    }
  });
  it('honours a smaller maxDepth option', () => {
    const r = parseScript(`<trans>${'('.repeat(5)}x${')'.repeat(5)}</trans>`, { maxDepth: 3 });
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['syntax/too-deep']);
  });
});

import * as assert from 'node:assert/strict';
import { collectStatements } from '../../../core/src/engine/reparse';
import { MAX_IR_DEPTH, pushChildren, type Ir } from '../../../core/src/semantics/ir';
import { lowerJitterbitStatement } from './reference-lowering';
import { parseScript, parseScriptWith } from '../../../core/src/syntax/parser';
import { mutate, prng, soup } from '../../fuzz/harness';
import { CORPUS_DIR, fixtures, readScripts } from './fixtures-util';

/**
 * The analysis builds the IR while parsing (IrBuilder); the syntax tree lowered afterwards (lower-jitterbit.ts) is the
 * reference. Both must give the same IR, the same statement layout and the same diagnostics.
 */
function compare(text: string, what: string): void {
  const ast = parseScript(text);
  const want = ast.program.body.map(lowerJitterbitStatement);
  const c = collectStatements();
  const r = parseScriptWith(text, c.builder, { onStatement: c.onStatement, onSeparator: c.onSeparator });
  assert.deepEqual(c.body, want, `IR of ${what}: ${JSON.stringify(text).slice(0, 300)}`);
  assert.deepEqual(c.layout.starts, ast.program.body.map((e) => e.start), `statement starts of ${what}`);
  assert.deepEqual(c.layout.ends, ast.program.body.map((e) => e.end), `statement ends of ${what}`);
  assert.deepEqual(r.diagnostics, ast.diagnostics, `diagnostics of ${what}`);
  assert.deepEqual(r.comments, ast.program.comments, `comments of ${what}`);
  assert.equal(r.plainText, ast.program.plainText);
}

function depthOf(root: Ir): number {
  let max = 0;
  const stack: [Ir, number][] = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop() as [Ir, number];
    max = Math.max(max, d);
    const kids: Ir[] = [];
    pushChildren(n, kids);
    for (const k of kids) stack.push([k, d + 1]);
  }
  return max;
}

describe('IR built while parsing = syntax tree lowered afterwards', () => {
  it('on every fixture and docs example', () => {
    const all = [...fixtures(), ...readScripts(CORPUS_DIR)];
    assert.ok(all.length > 10);
    for (const f of all) compare(f.text, f.name);
  });

  it('on the forms where brackets, Get/Set and concatenation decide the IR', () => {
    const cases = [
      'Get("x"); Get(("x")); Get("a", 1, 2); Get("a" + "b"); Get("bad name")',
      'Set("x", 1); Set(("x"), 1); Set("a", 1, 2, 3); Set("x"); Set("y\\n", 1); Set(arr, v, -1); Set($g, v, 1, 2); Set((arr), v, 1); Set(f(x), v, 1)',
      'd["k"] = 1; d[("k")] = 2; d[1] = 3; d["a"]["b"] = $x',
      'a + b + c; (a + b) + c; a + (b + c); a - b + c; a + b - c + d; (a) + b; ((a + b)) + (c)',
      '(a) = 1; ((a)) = 2; Get("x") = 3; Get("a", 1) = 4; f(x) = 5; 1 = 2; a = b = c = 1; $g += "x"; a -= 1',
      '(); (,); f(,); {1, , 2}; [root$a$]; [x]; [1, 2]; [1 +]; a[1, 2]; (1, 2); f(a; b; c)',
      'a % b + c; a *= 2; x /= y; -!-x; !!y; ++a; a++; --b[1]; - - 1; root$a.b$c$; #1; 1..2; 5abc',
      '"a\\tb" + \'c\\\'d\'; WriteToOperationLog("x" + $y); If(a, b, c); Case(1, "a", true, "b")',
      '<trans> a = 1 </trans>', 'no trans here', '', '   ', '<trans></trans>', '<trans>;;;</trans>',
    ];
    for (const c of cases) compare(c.startsWith('<trans>') || !c.includes(';') ? c : `<trans>${c}</trans>`, 'a case');
  });

  it('on 1,500 mutated fixtures and token soups', function () {
    this.timeout(60_000);
    const seeds = fixtures().map((f) => f.text);
    const rng = prng(0x1b1d);
    for (let i = 0; i < 1000; i++) {
      let text = seeds[i % seeds.length];
      for (let k = 1 + Math.floor(rng() * 6); k > 0; k--) text = mutate(text, rng);
      compare(text, `mutation ${i}`);
    }
    for (let i = 0; i < 500; i++) compare(`<trans>${soup(rng, 20 + Math.floor(rng() * 300), rng())}</trans>`, `soup ${i}`);
  });

  it('keeps operator chains deeper than the cap within MAX_IR_DEPTH, without recursion', () => {
    for (const unit of ['-', '!', '++']) {
      const c = collectStatements();
      parseScriptWith(`<trans>${`${unit} `.repeat(20000)}x</trans>`, c.builder, { onStatement: c.onStatement });
      assert.equal(c.body.length, 1);
      assert.ok(depthOf(c.body[0]) <= MAX_IR_DEPTH + 1, unit);
    }
    const c = collectStatements();
    parseScriptWith(`<trans>${'a = '.repeat(20000)}1; ${'a - '.repeat(20000)}1; ${'a['.repeat(200)}1${']'.repeat(200)}</trans>`, c.builder, { onStatement: c.onStatement });
    assert.equal(c.body.length, 3);
    for (const s of c.body) assert.ok(depthOf(s) <= MAX_IR_DEPTH + 1);
    // A shallow statement with many nodes is left whole.
    const wide = collectStatements();
    parseScriptWith(`<trans>f(${Array.from({ length: 2000 }, (_, i) => `"v${i}"`).join(', ')})</trans>`, wide.builder, { onStatement: wide.onStatement });
    assert.equal((wide.body[0] as Ir & { k: 'call' }).args.length, 2000);
  });
});

import { strict as assert } from 'node:assert';
import type * as acorn from 'acorn';
import { JS_SYNTAX_ERROR, JS_UNPARSABLE, MAX_JS_NESTING, maxBracketDepth, parseJavaScript } from '../../../core/src/syntax/javascript';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';
import { fixture } from './helpers';

function findLiteral(program: acorn.Program, value: string): acorn.Node | undefined {
  // Iterative walk over every object-valued property.
  const stack: unknown[] = [program];
  while (stack.length > 0) {
    const n = stack.pop() as Record<string, unknown> | null;
    if (!n || typeof n !== 'object') continue;
    if (n.type === 'Literal' && n.value === value) return n as unknown as acorn.Node;
    for (const k of Object.keys(n)) if (typeof n[k] === 'object') stack.push(n[k]);
  }
  return undefined;
}

describe('parseJavaScript', () => {
  it('parses ES5 with ranges and comments, offsets relative to the text', () => {
    const text = '// header\nvar a = "sk";\n/* block */\nJitterbit.SetVar("$x", a);\n';
    const r = parseJavaScript(text);
    assert.equal(r.loose, false);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.program.type, 'Program');
    assert.equal(r.program.body.length, 2);
    assert.deepEqual(r.comments, [
      { kind: 'LineComment', text: ' header', start: 0, end: 9 },
      { kind: 'BlockComment', text: ' block ', start: 24, end: 35 },
    ]);
    const lit = findLiteral(r.program, 'sk')!;
    assert.equal(lit.start, 18);
    assert.equal(lit.end, 22);
    assert.deepEqual((lit as unknown as { range: [number, number] }).range, [18, 22]);
    assert.equal((lit as unknown as { loc?: unknown }).loc, undefined);
  });

  it('top-level return (script result) is accepted', () => {
    assert.equal(parseJavaScript('return 1;').loose, false);
  });

  it('ES2015 syntax is an error in ES5 mode: a diagnostic at its position, and the later edition\'s exact tree', () => {
    const text = 'var ok = 1;\nlet x = () => 2;\n';
    const r = parseJavaScript(text);
    assert.equal(r.loose, true);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].code, JS_SYNTAX_ERROR);
    assert.equal(r.diagnostics[0].severity, 'error');
    assert.ok(r.diagnostics[0].start >= 12 && r.diagnostics[0].start < 28, String(r.diagnostics[0].start));
    assert.ok(!/\(\d+:\d+\)/.test(r.diagnostics[0].message));
    assert.equal(r.program.body.length, 2);
    assert.ok(JSON.stringify(r.program).includes('"ArrowFunctionExpression"'), 'the arrow as written, not a recovery');
  });

  it('broken code still yields a tree with the recoverable statements (acorn-loose)', () => {
    const text = 'var key = "abc123";\nvar broken = ;\nWriteToOperationLog(key);\n';
    const r = parseJavaScript(text);
    assert.equal(r.loose, true);
    assert.equal(r.diagnostics.length, 1);
    assert.equal(r.diagnostics[0].start, text.indexOf('= ;') + 2);
    assert.ok(findLiteral(r.program, 'abc123'));
    const calls = JSON.stringify(r.program).includes('WriteToOperationLog');
    assert.ok(calls);
  });

  it('an unterminated string or comment does not throw', () => {
    for (const text of ['var a = "abc', '/* never closed', 'function (', '}}}}', '']) {
      const r = parseJavaScript(text);
      assert.equal(r.program.type, 'Program', text);
    }
  });

  it('pathological nesting returns a Program plus a diagnostic instead of throwing', () => {
    const parens = parseJavaScript('x = ' + '('.repeat(200000) + '1' + ')'.repeat(200000) + ';');
    assert.equal(parens.program.type, 'Program');
    assert.equal(parens.program.body.length, 0);
    assert.deepEqual(parens.diagnostics.map((d) => d.code), [JS_UNPARSABLE]);
    assert.match(parens.diagnostics[0].message, /nest 200000 levels/);
    const arrays = parseJavaScript('x = ' + '['.repeat(300000));
    assert.deepEqual(arrays.diagnostics.map((d) => d.code), [JS_UNPARSABLE]);
    // A flat but very long operator chain makes acorn recurse per operand: reported, never thrown.
    const chain = parseJavaScript('x = ' + Array.from({ length: 100000 }, () => 'a').join(' + ') + ';');
    assert.equal(chain.program.type, 'Program');
    assert.ok(chain.diagnostics.length >= 1);
    // Nesting just under the limit still parses strictly.
    const ok = parseJavaScript('x = ' + '('.repeat(MAX_JS_NESTING - 1) + '1' + ')'.repeat(MAX_JS_NESTING - 1) + ';');
    assert.equal(ok.loose, false);
    assert.deepEqual(ok.diagnostics, []);
  });

  it('bracket depth ignores brackets inside strings and comments', () => {
    assert.equal(maxBracketDepth('f(a, [1, {b: 2}]) // ((((\n"(((" + \'[[[\' /* {{{ */'), 3);
    assert.equal(maxBracketDepth(')))((('), 3);
  });

  it('a region from a .js host parses and its literal maps back to the host', () => {
    const text = fixture('javascript/carrier-rates.js');
    const f = loadSourceFile('carrier-rates.js', text);
    const region = f.regions[0];
    const r = parseJavaScript(region.text);
    assert.deepEqual(r.diagnostics, []);
    const lit = findLiteral(r.program, 'Bearer sk_live_j5euF4DfHSvBX34YZEq6Bc84')!;
    // the opening quote of the literal on line 3 (index 2), column 11
    assert.deepEqual(f.lines.positionAt(region.map.toHost(lit.start)), { line: 2, character: 11 });
    assert.equal(r.comments[0].text, ' Carrier rate request (fixture)');
  });
});

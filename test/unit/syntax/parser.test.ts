import * as assert from 'node:assert/strict';
import type { Call, StringLiteral } from '../../../core/src/syntax/ast';
import { parseScript } from '../../../core/src/syntax/parser';
import { dumpProgram } from './dump';

const OPEN = '<trans>';

/** Tree dump of a script body wrapped in `<trans>` tags. */
function tree(body: string): string {
  return dumpProgram(parseScript(`${OPEN}${body}</trans>`).program);
}
/** Diagnostics of a wrapped body as `code@source-text` (offsets relative to the body). */
function diags(body: string): string[] {
  const text = `${OPEN}${body}</trans>`;
  return parseScript(text).diagnostics.map((d) => `${d.code}@${text.slice(d.start, d.end)}`);
}
/** Tree of a body that must parse without any diagnostic. */
function clean(body: string): string {
  assert.deepEqual(diags(body), [], body);
  return tree(body);
}

describe('syntax/parser', () => {
  describe('precedence table (reference §a.6)', () => {
    const cases: [string, string][] = [
      // level 3 unary over level 4 power
      ['-a ^ b', '(^ (- a) b)'],
      ['a ^ -b', '(^ a (- b))'],
      ['a ^ b ^ c', '(^ (^ a b) c)'],
      // level 4 power over level 5 `!`
      ['!a ^ b', '(! (^ a b))'],
      // level 5 `!` over level 6 `*` and level 8 comparison
      ['!a * b', '(* (! a) b)'],
      ['!a == b', '(== (! a) b)'],
      ['a * !b', '(* a (! b))'],
      // level 6 over 7
      ['a + b * c', '(+ a (* b c))'],
      ['a / b - c', '(- (/ a b) c)'],
      ['a - b + c', '(+ (- a b) c)'],
      // level 7 over 8
      ['a + b < c - d', '(< (+ a b) (- c d))'],
      ['a < b == c', '(== (< a b) c)'],
      // level 8 over 9 over 10
      ['a == b & c != d', '(& (== a b) (!= c d))'],
      ['a & b | c && d', '(| (& a b) (&& c d))'],
      ['a || b & c', '(|| a (& b c))'],
      // level 11 assignment, right-associative, lowest
      ['a = b | c', '(= a (| b c))'],
      ['a = b = c', '(= a (= b c))'],
      ['a += b -= 1', '(+= a (-= b 1))'],
      // level 1 parentheses
      ['(a + b) * c', '(* (paren (+ a b)) c)'],
      // prefix/postfix increments and unofficial unary +
      ['$count++', '(post++ $count)'],
      ['--i', '(--pre i)'],
      ['-a++', '(- (post++ a))'],
      ['+a', '(+ a)'],
      ['- - a', '(- (- a))'],
      ['-!a', '(- (! a))'],
      ['2 ^ 3 * -4 + !f / 2', '(+ (* (^ 2 3) (- 4)) (/ (! f) 2))'],
    ];
    for (const [input, expected] of cases) {
      it(`${input}  ⇒  ${expected}`, () => assert.equal(clean(input), expected));
    }
  });

  describe('expressions', () => {
    it('parses literals', () => {
      assert.equal(clean(`1; 1.5; .5; 5.; true; false; "s"; 's'`), '1 ; 1.5 ; .5 ; 5. ; true ; false ; "s" ; "s"');
      const p = parseScript(`${OPEN}5.; .5</trans>`).program;
      assert.deepEqual(p.body.map((e) => (e.kind === 'Number' ? e.value : NaN)), [5, 0.5]);
    });
    it('treats null as a local name', () => assert.equal(clean('x = null'), '(= x null)'));
    it('parses calls with case kept and args as expressions', () => {
      assert.equal(clean('DbLookup(a, "q"); dblookup(); IF(x, 1, 2)'), '(call DbLookup a "q") ; (call dblookup) ; (call IF x 1 2)');
      const call = parseScript(`${OPEN}  Length(x)</trans>`).program.body[0] as Call;
      assert.deepEqual([call.name, call.nameStart, call.nameEnd, call.start, call.end], ['Length', 9, 15, 9, 18]);
    });
    it('parses assignments as call arguments (named-argument style)', () => {
      assert.equal(
        clean('SendEmail(from="a", password="b", ssl=1)'),
        '(call SendEmail (= from "a") (= password "b") (= ssl 1))',
      );
      assert.equal(clean('Eval(t = DBLookup(c, q), e = GetLastError())'), '(call Eval (= t (call DBLookup c q)) (= e (call GetLastError)))');
    });
    it('parses ; sequences inside call arguments, with a trailing ;', () => {
      assert.equal(clean('If(c, a = 1; b = 2, c)'), '(call If c (seq (= a 1) (= b 2)) c)');
      assert.equal(clean('If(c, a; b; )'), '(call If c (seq a b))');
      assert.equal(clean('While(i < n, i++;)'), '(call While (< i n) (seq (post++ i)))');
      assert.equal(clean('Eval(x, DebugBreak();RaiseError(e))'), '(call Eval x (seq (call DebugBreak) (call RaiseError e)))');
    });
    it('parses ; sequences inside parentheses', () => {
      assert.equal(clean('(a; b)'), '(paren (seq a b))');
    });
    it('parses array literals: nested, empty, with strings', () => {
      assert.equal(clean('{1, {2, "x"}, {}}'), '(array 1 (array 2 "x") (array))');
      assert.equal(clean('{}'), '(array)');
    });
    it('parses chained indexing on names, globals, calls, arrays and strings', () => {
      assert.equal(clean('a[1][2]'), '(index (index a 1) 2)');
      assert.equal(clean("$d['k']"), '(index $d "k")');
      assert.equal(clean('Split(s, ",")[0]'), '(index (call Split s ",") 0)');
      assert.equal(clean('{1, 2}[0]'), '(index (array 1 2) 0)');
      assert.equal(clean('a[Length(a)] = "A"'), '(= (index a (call Length a)) "A")');
      assert.equal(clean('$rs[i][j]++'), '(post++ (index (index $rs i) j))');
    });
    it('parses globals including $jitterbit variables and dotted names', () => {
      assert.equal(clean('$org.lookup.currency[1] = $jitterbit.operation.name'), '(= (index $org.lookup.currency 1) $jitterbit.operation.name)');
      assert.equal(clean('x=$y'), '(= x $y)');
    });
    it('parses source references: field paths, node paths, instance indices', () => {
      assert.equal(
        clean('$o = root$transaction.request$body$Calc$input.Operand1$'),
        '(= $o root$transaction.request$body$Calc$input.Operand1$)',
      );
      assert.equal(clean('GetXMLString([root$a$records.Case$Account$])'), '(call GetXMLString [root$a$records.Case$Account$])');
      assert.equal(clean('[records$Contact$]'), '[records$Contact$]');
      assert.equal(clean('a[root$x$]'), '(index a root$x$)');
      assert.equal(clean('GetInstance(#1)'), '(call GetInstance #1)');
      const p = parseScript(`${OPEN}f([root$a$])</trans>`).program;
      const node = (p.body[0] as Call).args[0];
      assert.deepEqual(node, { kind: 'SourceRef', path: 'root$a$', node: true, start: 9, end: 18 });
    });
    it('keeps decoded string values and their charOffsets', () => {
      const text = `${OPEN}x = "a\\nb"</trans>`;
      const p = parseScript(text).program;
      const s = (p.body[0] as { value: StringLiteral }).value;
      assert.equal(s.value, 'a\nb');
      assert.deepEqual(s.charOffsets, [12, 13, 15]);
      assert.equal(text[s.charOffsets![2]], 'b');
    });
    it('parses statements separated by ; with an optional final ;', () => {
      assert.equal(clean('a; b;'), 'a ; b');
      assert.equal(clean('a;;b'), 'a ; b');
      assert.equal(clean(''), '');
    });
  });

  describe('<trans> container', () => {
    it('marks text without <trans> as plain text with an empty body and no diagnostics', () => {
      const r = parseScript('a + b');
      assert.equal(r.program.plainText, true);
      assert.deepEqual(r.program.body, []);
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.program.transOpen, undefined);
    });
    it('parses the body and records tag ranges', () => {
      const r = parseScript('x\n<trans>a</trans>\ny');
      assert.equal(r.program.plainText, false);
      assert.deepEqual([r.program.transOpen, r.program.transClose], [{ start: 2, end: 9 }, { start: 10, end: 18 }]);
      assert.deepEqual(r.diagnostics.map((d) => d.code), ['syntax/outside-trans', 'syntax/outside-trans']);
      assert.equal(dumpProgram(r.program), 'a');
      assert.deepEqual([r.program.start, r.program.end], [0, 20]);
    });
    it('recovers from an unclosed <trans>', () => {
      const text = '<trans>a = f(1';
      const r = parseScript(text);
      assert.equal(dumpProgram(r.program), '(= a (call f 1))');
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.start]), [['syntax/unclosed-trans', 14], ['syntax/expected-token', 14]]);
    });
    it('stops at </trans> inside unbalanced brackets', () => {
      assert.deepEqual(diags('If(a, b'), ['syntax/expected-token@']);
      assert.equal(tree('If(a, b'), '(call If a b)');
    });
  });

  describe('errors and recovery', () => {
    it('reports two operands with nothing between as missing-operator', () => {
      assert.deepEqual(diags('a b'), ['syntax/missing-operator@b']);
      assert.equal(tree('a b'), 'a ; b');
      assert.deepEqual(diags('(a)(b)'), ['syntax/missing-operator@(']);
      assert.deepEqual(diags('f(a b, c)'), ['syntax/missing-operator@b']);
      assert.equal(tree('f(a b, c)'), '(call f (seq a b) c)');
    });
    it('reports unexpected closers at top level and recovers', () => {
      assert.deepEqual(diags('a); b'), ['syntax/unexpected-token@)']);
      assert.equal(tree('a); b'), 'a ; (error) ; b');
    });
    it('inserts Missing nodes where operands are absent', () => {
      assert.equal(tree('a = ;'), '(= a ?)');
      assert.deepEqual(diags('a = ;'), ['syntax/expected-expression@;']);
      assert.equal(tree('f(, b)'), '(call f ? b)');
      assert.equal(tree('f(a, )'), '(call f a ?)');
      assert.equal(tree('* b'), '(* ? b)');
      assert.equal(tree('{1,}'), '(array 1 ?)');
    });
    it('reports empty parentheses', () => {
      assert.equal(tree('()'), '(paren ?)');
      assert.deepEqual(diags('()'), ['syntax/expected-expression@()']);
    });
    it('recovers at , and ) inside calls', () => {
      assert.equal(tree('f(a ] , b)'), '(call f a b)');
      assert.deepEqual(diags('f(a ] , b)'), ['syntax/unexpected-token@]']);
      assert.equal(tree('f({1, 2); x'), '(call f (array 1 2)) ; x');
      assert.deepEqual(diags('f({1, 2); x'), ["syntax/expected-token@"]);
    });
    it('wraps a stray , inside parentheses in an Error node', () => {
      assert.equal(tree('(a, b)'), '(paren (error a b))');
      assert.deepEqual(diags('(a, b)'), ['syntax/unexpected-token@,']);
    });
    it('turns unsupported operators into Error nodes that keep both operands', () => {
      assert.equal(tree('x = a % b'), '(= x (error a b))');
      assert.equal(tree('a *= 2'), '(error a 2)');
      assert.deepEqual(diags('a /= 2'), ['syntax/unsupported-operator@/=']);
    });
    it('turns an invalid number into an Error node with one diagnostic', () => {
      assert.equal(tree('$bad = 5345bnj435;'), '(= $bad (error))');
      assert.deepEqual(diags('$bad = 5345bnj435;'), ['syntax/invalid-number@5345bnj435']);
    });
    it('skips unknown characters without a second diagnostic', () => {
      assert.deepEqual(diags('a @ b'), ['syntax/unexpected-character@@']);
      assert.deepEqual(diags('f(a ? b)'), ['syntax/unexpected-character@?']);
    });
    it('reports non-assignable targets', () => {
      assert.deepEqual(diags('1 = a'), ['syntax/invalid-assignment-target@1']);
      assert.deepEqual(diags('f() = a'), ['syntax/invalid-assignment-target@f()']);
    });
    it('reports [ … ] in operand position that is not a node path', () => {
      assert.equal(tree('[1, 2]'), '(error 1 2)');
      assert.deepEqual(diags('[1, 2]'), ['syntax/unexpected-token@[', 'syntax/unexpected-token@,']);
    });
    it('never quotes string literal text in messages', () => {
      const secret = 'hunter2-fake-token-XYZ';
      const bodies = [`"${secret}" "${secret}"`, `f("${secret}" ]`, `x = "${secret}`, `("${secret}", 1)`, `{"${secret}" "${secret}"}`, `"${secret}" = 1`, `["${secret}"]`];
      for (const body of bodies) {
        const r = parseScript(`${OPEN}${body}</trans>`);
        assert.ok(r.diagnostics.length > 0, body);
        for (const d of r.diagnostics) assert.ok(!d.message.includes(secret) && !d.message.includes('hunter2'), d.message);
      }
    });
    it('sorts diagnostics by position', () => {
      const r = parseScript(`${OPEN}a b; 5x; c d</trans>`);
      const starts = r.diagnostics.map((d) => d.start);
      assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
      assert.equal(r.diagnostics.length, 3);
    });
  });
});

import * as assert from 'node:assert/strict';
import { parseScript } from '../../../core/src/syntax/parser';
import { checkParse } from '../../fuzz/harness';
import { dumpProgram } from './dump';
import { CORPUS_DIR, fixtures, readScripts, type ScriptFile } from './fixtures-util';

function errors(text: string): string[] {
  return parseScript(text)
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => `${d.code}@${text.slice(d.start, d.end)}`);
}

/** Statements of a parse, skipping nothing: the dump of the whole body. */
function bodyDump(text: string): string {
  return dumpProgram(parseScript(text).program);
}

describe('syntax/fixtures', () => {
  const own = fixtures();

  it('has the fixture scripts', () => {
    assert.ok(own.length >= 15, `found ${own.length}`);
  });

  describe('every prefix of every fixture parses within the invariants', () => {
    for (const f of own) {
      it(f.name, () => {
        for (let i = 0; i <= f.text.length; i++) {
          const text = f.text.slice(0, i);
          const problem = checkParse(text, parseScript(text));
          assert.equal(problem, undefined, `${f.name} prefix ${i}: ${problem}`);
        }
      });
    }
  });

  describe('valid fixtures parse without errors', () => {
    for (const f of own.filter((x) => !x.name.startsWith('invalid-'))) {
      it(f.name, () => assert.deepEqual(errors(f.text), []));
    }
  });

  it('invalid-bad-token.jb has exactly the invalid-number error', () => {
    const f = own.find((x) => x.name === 'invalid-bad-token.jb')!;
    assert.deepEqual(errors(f.text), ['syntax/invalid-number@98765abc123']);
  });

  it('invalid-unclosed-last-comment.jb keeps its final comment and reports the missing </trans>', () => {
    const f = own.find((x) => x.name === 'invalid-unclosed-last-comment.jb')!;
    const r = parseScript(f.text);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['syntax/unclosed-trans']);
    assert.deepEqual(r.program.comments.map((c) => c.text), [' last line comment without newline']);
  });

  it('mapping-refs.jb: field paths, node paths and instance-index paths', () => {
    const f = own.find((x) => x.name === 'mapping-refs.jb')!;
    assert.equal(
      bodyDump(f.text),
      [
        '(= $org.invoice.total root$transaction.request$body$Invoice$summary.Total$)',
        '(call GetXMLString [root$transaction.response$body$queryResponse$result$records.Order$Customer$])',
        '(= email records$Contact.Email$)',
        '(call SourceInstanceCount [Contacts$Contact$])',
        '(= note statusDetail#1.message$)',
        '(= x $y)',
      ].join(' ; '),
    );
  });

  it('activity-json.jb: JSON inside a single-quoted string', () => {
    const f = own.find((x) => x.name === 'activity-json.jb')!;
    const p = parseScript(f.text).program;
    const assign = p.body[2];
    assert.equal(assign.kind, 'Assign');
    const value = assign.kind === 'Assign' ? assign.value : undefined;
    assert.equal(value?.kind, 'String');
    assert.ok(value?.kind === 'String' && value.quote === "'" && JSON.parse(value.value).store[0].aisles[1].label === 'Bread');
  });

  it('lowercase-loop.jb: lowercase while/length/if and ; blocks with a trailing ;', () => {
    const f = own.find((x) => x.name === 'lowercase-loop.jb')!;
    assert.equal(
      bodyDump(f.text),
      [
        '(= out "Params: \\r\\n")',
        '(= keys $jitterbit.api.request.enum.parameters)',
        '(= k 0)',
        '(call while (< k (call length keys)) (seq (= key (index keys k)) (= out (+ (+ (+ (+ (+ out "$") key) "=") (call Get key)) " \\r\\n")) (= k (+ k 1))))',
        '(call if (== k 0) (= out (+ out "(empty)\\r\\n")))',
        '(call RunScript "<TAG>Scripts/common/log.write</TAG>" out)',
      ].join(' ; '),
    );
  });

  describe('shared docs corpus (when ../shared is present)', () => {
    const corpus: ScriptFile[] = readScripts(CORPUS_DIR);
    // Absent in some checkouts: the fixture tests above cover the same features.
    if (corpus.length === 0) return;
    it('has the 29 .jb scripts', () => assert.equal(corpus.length, 29));
    for (const f of corpus) {
      it(`${f.name} parses ${f.name.startsWith('31-') ? 'with only the bad-token error' : 'without errors'}`, () => {
        const expected = f.name.startsWith('31-') ? ['syntax/invalid-number@5345bnj435'] : [];
        assert.deepEqual(errors(f.text), expected);
        assert.equal(checkParse(f.text, parseScript(f.text)), undefined);
      });
    }
    const byPrefix = (p: string): ScriptFile => corpus.find((f) => f.name.startsWith(p))!;
    it('10: source field path and node path', () => {
      assert.equal(
        bodyDump(byPrefix('10-').text),
        '(= $org.calculate.operand1 root$transaction.request$body$Calculate$input.Operand1$) ; ' +
          '(call GetXMLString [root$transaction.response$body$queryResponse$result$records.Case$Account$])',
      );
    });
    it('12: GetJSONString with a single-quoted JSON string', () => {
      const text = byPrefix('12-').text;
      const p = parseScript(text).program;
      const dump = bodyDump(text);
      assert.match(dump, /^\(= json_string ".*"\) ; \(call GetJSONString json_string "\/company\/\[0\]\/product\/\[1\]\/name"\) ; \(call GetJSONString json_string "\/company\/\[0\]\/product"\)$/);
      const first = p.body[0];
      assert.ok(first.kind === 'Assign' && first.value.kind === 'String' && first.value.quote === "'");
      if (first.kind === 'Assign' && first.value.kind === 'String') {
        assert.equal(JSON.parse(first.value.value).company[0].product[1].name, 'Jitterbit EDI');
      }
    });
    it('16: lowercase while/length/if, ; blocks with a trailing ;', () => {
      assert.equal(
        bodyDump(byPrefix('16-').text),
        [
          '(= headers "Headers: \\r\\n")',
          '(= enum $jitterbit.api.request.enum.headers)',
          '(= i 0)',
          '(call while (< i (call length enum)) (seq (= name (index enum i)) (= headers (+ (+ (+ (+ (+ headers "$") name) ": ") (call Get name)) " \\r\\n")) (= i (+ i 1))))',
          '(call if (== i 0) (= headers (+ headers "(none)\\r\\n")))',
          '(call RunScript "<TAG>Scripts/jitterbit/core/jb.core.wtol</TAG>" headers)',
        ].join(' ; '),
      );
    });
  });
});

import * as assert from 'node:assert/strict';
import { lex } from '../../../core/src/syntax/lexer';
import { dumpTokens } from './dump';

/** Tokens of a script body wrapped in `<trans>` tags. */
function toks(body: string): string {
  return dumpTokens(lex(`<trans>${body}</trans>`).tokens);
}
function codes(text: string): string[] {
  return lex(text).diagnostics.map((d) => d.code);
}

describe('syntax/lexer', () => {
  describe('operators and punctuation', () => {
    it('lexes every supported operator, longest match first', () => {
      assert.equal(
        toks('( ) { } [ ] , ; ++ -- - + ^ ! * / < > <= >= == != & && | || = += -='),
        '( ) { } [ ] , ; ++ -- - + ^ ! * / < > <= >= == != & && | || = += -= </trans>',
      );
    });
    it('needs no whitespace between operators and operands', () => {
      assert.equal(toks('a+=b++-c'), 'Identifier(a) += Identifier(b) ++ - Identifier(c) </trans>');
      assert.equal(toks('i<=n&&!x'), 'Identifier(i) <= Identifier(n) && ! Identifier(x) </trans>');
    });
    it('reports %, *=, /=, ^= as unsupported operators with their exact range', () => {
      const r = lex('<trans>a % b; a *= 2; a /= 2; a ^= 2; a %= 1</trans>');
      assert.deepEqual(
        r.diagnostics.map((d) => [d.code, d.start, d.end]),
        [
          ['syntax/unsupported-operator', 9, 10],
          ['syntax/unsupported-operator', 16, 18],
          ['syntax/unsupported-operator', 24, 26],
          ['syntax/unsupported-operator', 32, 34],
          ['syntax/unsupported-operator', 40, 42],
        ],
      );
      assert.equal(dumpTokens(r.tokens.filter((t) => t.kind === 'Unsupported')), 'Unsupported(%) Unsupported(*=) Unsupported(/=) Unsupported(^=) Unsupported(%=)');
    });
    it('groups a run of unknown characters into one error token', () => {
      const r = lex('<trans>a @~? b</trans>');
      assert.equal(dumpTokens(r.tokens), 'Identifier(a) Unknown(@~?) Identifier(b) </trans>');
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.start, d.end]), [['syntax/unexpected-character', 9, 12]]);
    });
  });

  describe('numbers and keywords', () => {
    it('lexes integers and the float forms 1.5, .5 and 5.', () => {
      assert.equal(toks('1 1.5 .5 5. 007'), 'Number(1) Number(1.5) Number(.5) Number(5.) Number(007) </trans>');
    });
    it('makes digit-letter runs one invalid-number token', () => {
      const r = lex('<trans>$bad = 5345bnj435;</trans>');
      assert.equal(dumpTokens(r.tokens), 'Global(bad) = InvalidNumber(5345bnj435) ; </trans>');
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.start, d.end]), [['syntax/invalid-number', 14, 24]]);
    });
    it('treats 1..2, 1.5x and 1.5.3 as invalid numbers (no exponent either)', () => {
      assert.equal(toks('1..2 1.5x 1.5.3 1e5'), 'InvalidNumber(1..2) InvalidNumber(1.5x) InvalidNumber(1.5.3) InvalidNumber(1e5) </trans>');
    });
    it('knows only true and false as keywords; null is an identifier', () => {
      assert.equal(toks('true false null True'), 'Boolean(true) Boolean(false) Identifier(null) Identifier(True) </trans>');
    });
  });

  describe('names', () => {
    it('lexes locals, dotted globals and $jitterbit variables', () => {
      assert.equal(
        toks('sql_str _1 $org.lookup.currency $jitterbit.operation.name $x_2'),
        'Identifier(sql_str) Identifier(_1) Global(org.lookup.currency) Global(jitterbit.operation.name) Global(x_2) </trans>',
      );
    });
    it('keeps $global lexing intact after an operator', () => {
      assert.equal(toks('x=$y'), 'Identifier(x) = Global(y) </trans>');
      assert.equal(toks('x+$y.z'), 'Identifier(x) + Global(y.z) </trans>');
    });
    it('lexes a bare $ as a global with an empty name and a warning', () => {
      const r = lex('<trans>$ = 1</trans>');
      assert.equal(dumpTokens(r.tokens), 'Global() = Number(1) </trans>');
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity]), [['syntax/empty-global-name', 'warning']]);
    });
  });

  describe('transformation source references', () => {
    it('lexes a field path as one token', () => {
      assert.equal(
        toks('root$transaction.request$body$Calculate$input.Operand1$;'),
        'SourceRef(root$transaction.request$body$Calculate$input.Operand1$) ; </trans>',
      );
      assert.equal(toks('records$Contact.Id$'), 'SourceRef(records$Contact.Id$) </trans>');
      assert.equal(toks('statusDetail#1.message$'), 'SourceRef(statusDetail#1.message$) </trans>');
    });
    it('lexes [path] as bracket tokens around the path (the parser makes it a node path)', () => {
      assert.equal(toks('[root$a$b$]'), '[ SourceRef(root$a$b$) ] </trans>');
    });
    it('splits a path that does not end in $ at its last $', () => {
      assert.equal(toks('root$a$b'), 'SourceRef(root$a$) Identifier(b) </trans>');
    });
    it('does not make a path out of a dotted local', () => {
      assert.equal(toks('a.b'), 'Identifier(a) Unknown(.) Identifier(b) </trans>');
    });
    it('lexes #n as an instance index', () => {
      assert.equal(toks('#12'), 'InstanceIndex(12) </trans>');
    });
  });

  describe('strings', () => {
    it('lexes both quote styles, the other quote needing no escape', () => {
      assert.equal(toks(`'Rob "G" R' "it's"`), 'Str("Rob \\"G\\" R") Str("it\'s") </trans>');
    });
    it('decodes the escapes \\t \\r \\n \\b \\f \\v \\\\ \\\' \\" and keeps unknown ones', () => {
      const r = lex(`<trans>"\\t\\r\\n\\b\\f\\v\\\\\\'\\"\\q"</trans>`);
      assert.equal(r.tokens[0].text, '\t\r\n\b\f\v\\\'"\\q');
    });
    it('records the source offset of each decoded character when escapes shift them', () => {
      const text = '<trans>"a\\tb\\qc"</trans>';
      const t = lex(text).tokens[0];
      assert.equal(t.text, 'a\tb\\qc');
      assert.deepEqual(t.charOffsets, [8, 9, 11, 12, 13, 14]);
      // Each offset points at the source character (or the backslash of its escape).
      assert.equal(text[t.charOffsets![5]], 'c');
      assert.equal(text.slice(t.charOffsets![1], t.charOffsets![1] + 2), '\\t');
    });
    it('omits charOffsets when no escape was decoded', () => {
      const t = lex('<trans>"plain \\q text"</trans>').tokens[0];
      assert.equal(t.text, 'plain \\q text');
      assert.equal(t.charOffsets, undefined);
    });
    it('allows multi-line strings', () => {
      assert.equal(toks("'line one\nline two'"), 'Str("line one\\nline two") </trans>');
    });
    it('reports an unterminated string that runs to the end, swallowing </trans>', () => {
      const text = '<trans>x = "open\n</trans>';
      const r = lex(text);
      assert.equal(dumpTokens(r.tokens), 'Identifier(x) = Str("open\\n</trans>")');
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.start, d.end]), [['syntax/unterminated-string', 11, text.length]]);
    });
    it('treats tags inside strings as content', () => {
      assert.equal(toks('"</trans> <trans>"'), 'Str("</trans> <trans>") </trans>');
    });
  });

  describe('comments', () => {
    it('keeps line and block comments with their text and ranges', () => {
      const r = lex('<trans>a; // note\n/* block\n two */ b</trans>');
      assert.deepEqual(
        r.comments.map((c) => [c.kind, c.text, c.start, c.end]),
        [
          ['LineComment', ' note', 10, 17],
          ['BlockComment', ' block\n two ', 18, 34],
        ],
      );
      assert.equal(dumpTokens(r.tokens), 'Identifier(a) ; Identifier(b) </trans>');
    });
    it('ends a line comment at CR as well as LF', () => {
      const r = lex('<trans>// one\r\na</trans>');
      assert.equal(r.comments[0].text, ' one');
      assert.equal(dumpTokens(r.tokens), 'Identifier(a) </trans>');
    });
    it('finishes on a // comment on the last line with no newline', () => {
      const text = '<trans>\na = 1;\n// jitterbit-guard-disable-next-line';
      const r = lex(text);
      assert.deepEqual(r.comments.map((c) => [c.text, c.end]), [[' jitterbit-guard-disable-next-line', text.length]]);
      assert.deepEqual(r.diagnostics.map((d) => d.code), ['syntax/unclosed-trans']);
    });
    it('reports an unterminated block comment, which swallows the rest', () => {
      const text = '<trans>a; /* never closed\nb; </trans>';
      const r = lex(text);
      assert.deepEqual(r.comments.map((c) => [c.kind, c.start, c.end]), [['BlockComment', 10, text.length]]);
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.start, d.end]), [['syntax/unterminated-comment', 10, text.length]]);
      assert.equal(dumpTokens(r.tokens), 'Identifier(a) ;');
    });
    it('treats /*/ as opening a block comment', () => {
      const r = lex('<trans>/*/ hidden */ a</trans>');
      assert.deepEqual(r.comments.map((c) => c.text), ['/ hidden ']);
      assert.equal(dumpTokens(r.tokens), 'Identifier(a) </trans>');
    });
    it('treats tags inside comments as content', () => {
      const r = lex('<trans>/* </trans> */ a // <trans>\n</trans>');
      assert.equal(dumpTokens(r.tokens), 'Identifier(a) </trans>');
      assert.deepEqual(r.diagnostics, []);
    });
  });

  describe('<trans> container', () => {
    it('returns no tokens and no diagnostics for text without <trans>', () => {
      const r = lex('just a constant value');
      assert.equal(r.plainText, true);
      assert.equal(dumpTokens(r.tokens), '');
      assert.deepEqual(r.diagnostics, []);
    });
    it('records the tag ranges', () => {
      const r = lex('<trans>a</trans>');
      assert.deepEqual([r.transOpen, r.transClose], [{ start: 0, end: 7 }, { start: 8, end: 16 }]);
    });
    it('warns about text outside the tags with its exact range', () => {
      const text = ' note \n<trans>a</trans>\n tail ';
      const r = lex(text);
      assert.deepEqual(
        r.diagnostics.map((d) => [d.code, d.severity, text.slice(d.start, d.end)]),
        [
          ['syntax/outside-trans', 'warning', 'note'],
          ['syntax/outside-trans', 'warning', 'tail'],
        ],
      );
    });
    it('accepts an empty script and whitespace outside', () => {
      assert.deepEqual(codes('\n<trans></trans>\n'), []);
    });
    it('reports an unclosed <trans> at the end of the text', () => {
      const text = '<trans>a = 1;';
      const r = lex(text);
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.start, d.end]), [['syntax/unclosed-trans', text.length, text.length]]);
      assert.equal(dumpTokens(r.tokens), 'Identifier(a) = Number(1) ;');
    });
    it('reports a second <trans> inside and after the script', () => {
      assert.deepEqual(codes('<trans>a <trans> b</trans>'), ['syntax/duplicate-trans']);
      assert.deepEqual(codes('<trans>a</trans><trans>b</trans>'), ['syntax/outside-trans', 'syntax/duplicate-trans', 'syntax/duplicate-trans']);
    });
  });

  it('never throws and always ends with an EOF token', () => {
    for (const text of ['', '<trans>', '<trans>"', "<trans>'\\", '<trans>/*', '<trans>//', '<trans>$', '<trans>#', '<trans>.', '<trans>1.', '<trans>a$']) {
      const r = lex(text);
      assert.equal(r.tokens[r.tokens.length - 1].kind, 'EOF', JSON.stringify(text));
    }
  });
});

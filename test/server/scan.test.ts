import { strict as assert } from 'node:assert';
import { foldableRanges, scanContext, wordAt } from '../../server/src/features/scan';

/** `|` marks the cursor. */
const ctx = (src: string) => {
  const at = src.indexOf('|');
  return scanContext(src.replace('|', ''), 0, at);
};

describe('server: cursor scanning (completion / signature help context)', () => {
  it('finds the innermost call and the argument index, ignoring commas in strings, arrays and nested calls', () => {
    assert.deepEqual(
      (({ name, argIndex }) => ({ name, argIndex }))(ctx('SendEmail("a,b", {1, 2}, Left("x", 1), |').call ?? { name: '', argIndex: -1 }),
      { name: 'SendEmail', argIndex: 3 },
    );
    assert.equal(ctx('If(a, Length(|').call?.name, 'Length');
    assert.equal(ctx('If(a, Length(x)|').call?.name, 'If');
    assert.equal(ctx('x = (1 + |').call, undefined, 'a bare parenthesis is not a call');
    assert.equal(ctx('$arr[|').call, undefined);
  });

  it('knows strings (with escapes), comments and $ prefixes', () => {
    assert.equal(ctx('x = "a\\"b|').inString, true);
    assert.equal(ctx('x = "a\\"b|').stringPrefix, 'a\\"b');
    assert.equal(ctx('x = "done" + |').inString, false);
    assert.equal(ctx('// comment |').inComment, true);
    assert.equal(ctx('/* a */ x|').inComment, false);
    assert.equal(ctx('/* open |').inComment, true);
    assert.equal(ctx('x = $jitterbit.oper|').dollarPrefix, 'jitterbit.oper');
    assert.equal(ctx('x = $|').dollarPrefix, '');
    assert.equal(ctx('x = "$|').dollarPrefix, undefined, 'inside a string it is not a variable');
  });

  it('wordAt reads dotted names, the $ sigil and whether a call follows', () => {
    const text = 'x = $a.b + Len (y)';
    assert.deepEqual(wordAt(text, 6), { word: 'a.b', start: 5, end: 8, dollar: true, callee: false });
    assert.equal(wordAt(text, 12)?.callee, true);
    assert.equal(wordAt(text, 3), undefined);
  });

  it('finds block comments, <trans> and bracket pairs, skipping brackets inside strings', () => {
    const text = '<trans>\n/* a\n b */\nIf(x,\n  ")(",\n  y)\nz = (1);\n</trans>';
    const folds = foldableRanges(text).map((f) => [f.kind, text.slice(f.startOffset, f.startOffset + 2)]);
    assert.deepEqual(folds.filter(([k]) => k === 'comment'), [['comment', '/*']]);
    assert.ok(folds.some(([k, s]) => k === 'region' && s === '<t'));
    const parens = foldableRanges(text).filter((f) => text[f.startOffset] === '(');
    assert.equal(parens.length, 2, 'the If( … ) call and the single-line (1); the string ")(" is skipped');
  });
});

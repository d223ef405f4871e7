import { strict as assert } from 'node:assert';
import { LineMap } from '../../core/src/syntax/text';
import { OffsetMap } from '../../core/src/syntax/offset-map';

describe('LineMap', () => {
  it('maps offsets to positions across LF, CRLF and CR', () => {
    const m = new LineMap('ab\r\ncd\ne\rf');
    assert.deepEqual(m.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(m.positionAt(4), { line: 1, character: 0 });
    assert.deepEqual(m.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(m.positionAt(9), { line: 3, character: 0 });
    assert.equal(m.lineCount, 4);
    assert.equal(m.offsetAt({ line: 1, character: 1 }), 5);
    assert.equal(m.lineText(0), 'ab');
  });
  it('clamps out-of-range input instead of throwing', () => {
    const m = new LineMap('x');
    assert.deepEqual(m.positionAt(99), { line: 0, character: 1 });
    assert.equal(m.offsetAt({ line: 9, character: 0 }), 1);
    assert.equal(m.offsetAt({ line: -1, character: 0 }), 0);
  });
});

describe('OffsetMap', () => {
  it('maps decoded offsets back through escapes', () => {
    // host: "a\nb" inside JSON at offset 10 => chars a(11) \n(12..13) b(14)
    const m = new OffsetMap();
    m.add(0, 11);
    m.add(1, 12);
    m.add(2, 14);
    assert.equal(m.toHost(0), 11);
    assert.equal(m.toHost(1), 12);
    assert.equal(m.toHost(2), 14);
    assert.equal(m.toHost(3), 15);
  });
  it('shift maps linearly', () => {
    assert.equal(OffsetMap.shift(5).toHost(3), 8);
  });
  it('maps host offsets to decoded ones: the inverse of toHost, the second character of an escape to the escaped one', () => {
    const m = new OffsetMap();
    m.add(0, 11);
    m.add(1, 12);
    m.add(2, 14);
    for (let d = 0; d < 6; d++) assert.equal(m.toDecoded(m.toHost(d)), d);
    assert.equal(m.toDecoded(13), 1, 'the n of \\n is the line feed');
    assert.equal(m.toDecoded(9), -2, 'before the first breakpoint: shifted back');
    assert.equal(OffsetMap.shift(5).toDecoded(8), 3);
    assert.equal(new OffsetMap().toDecoded(4), 4);
  });
});

import { strict as assert } from 'node:assert';
import { parseRegions, type ParsedRegion } from '../../../core/src/engine/facts';
import { reparseRegion } from '../../../core/src/engine/reparse';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';
import { mutate, prng } from '../../fuzz/harness';
import { fixtures, realisticScript } from '../syntax/fixtures-util';

/**
 * An incremental re-parse must give exactly what a whole parse of the new text gives: the same lowered statements
 * (offsets included), diagnostics, comments and statement layout.
 */

function full(text: string): ParsedRegion {
  return parseRegions(loadSourceFile('/w/a.jb', text))[0];
}

function incremental(before: string, after: string): ParsedRegion | undefined {
  const old = full(before);
  return reparseRegion(old, loadSourceFile('/w/a.jb', after).regions[0]);
}

function same(actual: ParsedRegion, expected: ParsedRegion, what: string): void {
  assert.deepEqual(actual.ir, expected.ir, `${what}: IR`);
  assert.deepEqual(actual.diagnostics, expected.diagnostics, `${what}: diagnostics`);
  assert.deepEqual(actual.layout, expected.layout, `${what}: layout`);
}

describe('engine/reparse (incremental re-parse of an edited script)', () => {
  const big = realisticScript(400);

  it('re-parses only around a one-character edit and keeps the rest, shifted', () => {
    const at = big.indexOf('\n', big.length >> 1) + 1;
    const after = `${big.slice(0, at)}  ${big.slice(at)}`;
    const r = incremental(big, after);
    assert.ok(r, 'an edit between statements is re-parsed incrementally');
    same(r, full(after), 'whitespace edit');
    // An identifier typed into the middle of a statement.
    const name = big.indexOf('(', big.length >> 1) + 1;
    const typed = `${big.slice(0, name)}x${big.slice(name)}`;
    const t = incremental(big, typed);
    assert.ok(t);
    same(t, full(typed), 'typed character');
  });

  it('handles an edit that opens a string or a comment swallowing the rest of the script', () => {
    const at = big.indexOf(';', big.length >> 1) + 1;
    for (const insert of ['"', "'", '/*', '//', '</trans>', '<trans>', ';;', '(', ')']) {
      const after = `${big.slice(0, at)}${insert}${big.slice(at)}`;
      const r = incremental(big, after) ?? full(after);
      same(r, full(after), `insert ${insert}`);
    }
  });

  it('matches a whole parse after 1,500 random edits of the fixtures', function () {
    this.timeout(60_000);
    const seeds = [...fixtures().map((f) => f.text), big];
    const rng = prng(0x1c4e);
    let reused = 0;
    for (let iter = 0; iter < 1500; iter++) {
      const before = seeds[iter % seeds.length];
      let after = before;
      for (let k = 1 + Math.floor(rng() * 2); k > 0; k--) after = mutate(after, rng);
      const r = incremental(before, after);
      if (r) {
        reused++;
        same(r, full(after), `iteration ${iter}: ${JSON.stringify(after).slice(0, 300)}`);
      }
    }
    // Most random edits leave a boundary to resume at; otherwise the test would prove little.
    assert.ok(reused > 750, `only ${reused} edits were re-parsed incrementally`);
  });

  it('chains: each re-parse consumes the previous one and stays exact', function () {
    this.timeout(60_000);
    const rng = prng(0xc4a1);
    let text = big;
    let parsed = full(text);
    for (let i = 0; i < 200; i++) {
      const next = mutate(text, rng);
      const r = reparseRegion(parsed, loadSourceFile('/w/a.jb', next).regions[0]) ?? full(next);
      same(r, full(next), `step ${i}`);
      text = next;
      parsed = r;
    }
  });

  it('declines what it cannot do incrementally (another language, no statement boundary before the edit)', () => {
    assert.equal(incremental('<trans>\nx = 1\n</trans>', '<trans>\nx = 12\n</trans>'), undefined);
    const js = parseRegions(loadSourceFile('/w/a.js', '<javascript>var a = 1;</javascript>'))[0];
    assert.equal(reparseRegion(js, loadSourceFile('/w/a.js', '<javascript>var a = 2;</javascript>').regions[0]), undefined);
  });
});

import { strict as assert } from 'node:assert';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';
import { fixture, toCrlf } from './helpers';

const CONF = ['# agent edge-02', '[SMTP]', 'password = Tide!Lock9   ', '#  token=abc123', '; note=x', 'empty=', '[PredefinedGlobalVariables]', 'a.b-c=1=2', ''].join('\n');

describe('jitterbit.conf', () => {
  for (const [label, text] of [['LF', CONF], ['CRLF', toCrlf(CONF)]] as const) {
    it(`entries carry section, name, value and the exact value range (${label})`, () => {
      const f = loadSourceFile('agent/jitterbit.conf', text);
      assert.equal(f.kind, 'jitterbit-conf');
      assert.deepEqual(f.diagnostics, []);
      assert.deepEqual(
        f.data.map((d) => [d.kind, d.section, d.name, d.value, d.commented ?? false]),
        [
          ['conf-entry', 'SMTP', 'password', 'Tide!Lock9', false],
          ['conf-entry', 'SMTP', 'token', 'abc123', true],
          ['conf-entry', 'SMTP', 'empty', '', false],
          ['conf-entry', 'PredefinedGlobalVariables', 'a.b-c', '1=2', false],
        ],
      );
      const [pw, token, empty] = f.data;
      assert.deepEqual(f.lines.positionAt(pw.valueStart), { line: 2, character: 11 });
      assert.deepEqual(f.lines.positionAt(pw.valueEnd), { line: 2, character: 21 });
      assert.deepEqual(f.lines.positionAt(token.valueStart), { line: 3, character: 9 });
      assert.equal(text.slice(token.valueStart, token.valueEnd), 'abc123');
      assert.equal(empty.valueStart, empty.valueEnd);
      assert.deepEqual(f.lines.positionAt(empty.valueStart), { line: 5, character: 6 });
      for (const d of f.data) assert.equal(d.hidden, false);
    });

    it(`all # and ; comment lines are host comments with their offsets (${label})`, () => {
      const f = loadSourceFile('jitterbit.conf', text);
      assert.deepEqual(f.hostComments.map((c) => c.text), [' agent edge-02', '  token=abc123', ' note=x']);
      for (const c of f.hostComments) assert.equal(text.slice(c.start, c.start + c.text.length), c.text);
      assert.deepEqual(f.lines.positionAt(f.hostComments[1].start), { line: 3, character: 1 });
    });
  }

  it('fixture agent: commented placeholder and the live password are both entries', () => {
    const text = fixture('agent/jitterbit.conf');
    const f = loadSourceFile('jitterbit.conf', text);
    const pw = f.data.filter((d) => d.name === 'password');
    assert.deepEqual(pw.map((d) => [d.value, d.commented ?? false]), [['<password>', true], ['Tide!Lock9$Quay', false]]);
    assert.equal(f.lines.positionAt(pw[1].valueStart).line, 15); // 1-based line 16
    const old = f.data.find((d) => d.name === 'harbor_old_token')!;
    assert.equal(old.commented, true);
    assert.equal(old.section, 'PredefinedGlobalVariables');
    const url = f.data.find((d) => d.name === 'harbor.base_url')!;
    assert.equal(url.value, 'https://edge.harbor-logistics.example/api');
    assert.equal(f.hostComments.length, 4);
  });

  it('prose in a comment is not mistaken for a commented key', () => {
    const f = loadSourceFile('jitterbit.conf', '# Example only:  smtp password=changeme   (placeholder)\n[SMTP]\nserver=x\n');
    assert.deepEqual(f.data.map((d) => d.name), ['server']);
    assert.equal(f.hostComments.length, 1);
  });

  it('a jitterbit.conf with no INI content at all is unsupported with one diagnostic', () => {
    const f = loadSourceFile('jitterbit.conf', 'just some words\nand more words\n');
    assert.equal(f.kind, 'unsupported');
    assert.equal(f.diagnostics.length, 1);
    assert.equal(f.diagnostics[0].code, 'host/unsupported-format');
  });

  it('INI content under another name is detected; prose with one [bracket] line is not', () => {
    assert.equal(loadSourceFile('agent.cfg', '[Settings]\nTimingOn=true\n').kind, 'jitterbit-conf');
    assert.equal(loadSourceFile('notes.txt', '[draft]\nThis is a paragraph of text.\nAnother line here.\n').kind, 'unsupported');
  });
});

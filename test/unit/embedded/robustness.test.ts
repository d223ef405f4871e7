import { strict as assert } from 'node:assert';
import { scanJson } from '../../../core/src/syntax/embedded/json-scanner';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';
import { fixture } from './helpers';
import { mulberry32 } from '../../support/rng';

const rng = mulberry32;

describe('host scanners: depth, size and garbage', function () {
  this.timeout(20000);
  it('a 200,000-deep JSON array does not overflow the stack', () => {
    const depth = 200000;
    const text = '['.repeat(depth) + ']'.repeat(depth);
    const scanned = scanJson(text);
    assert.equal(scanned.error, undefined);
    const f = loadSourceFile('deep.json', text);
    assert.equal(f.kind, 'unsupported');
    assert.equal(f.diagnostics.length, 1);
    const open = loadSourceFile('deep.json', '['.repeat(depth));
    assert.equal(open.diagnostics.length, 1);
  });

  it('a script at the bottom of 200,000 nested export objects is found with a bounded id', () => {
    const depth = 200000;
    const text = '{"components":' + '{"a":'.repeat(depth) + '{"scriptBody":"<trans>$x = 1;</trans>"}' + '}'.repeat(depth) + '}';
    const f = loadSourceFile('deep.json', text);
    assert.equal(f.kind, 'cloud-studio-export');
    assert.deepEqual(f.diagnostics, []);
    assert.equal(f.regions.length, 1);
    assert.ok(f.regions[0].id.startsWith('…'));
    assert.ok(f.regions[0].id.endsWith('.a.scriptBody'));
    assert.ok(f.regions[0].id.length < 400);
    assert.equal(text.slice(f.regions[0].map.toHost(0), f.regions[0].map.toHost(0) + 7), '<trans>');
  });

  it('50,000 nested scripts sharing a truncated id get unique ids in linear time', () => {
    const depth = 50000;
    const text = `<Entity type="Script">${'<a s="&lt;trans&gt;1&lt;/trans&gt;">'.repeat(depth)}${'</a>'.repeat(depth)}</Entity>`;
    const t0 = Date.now();
    const f = loadSourceFile('deep.xml', text);
    assert.ok(Date.now() - t0 < 8000);
    assert.equal(f.regions.length, depth);
    assert.equal(new Set(f.regions.map((r) => r.id)).size, depth);
    assert.equal(f.regions[0].id, 'Entity/a/@s');
    assert.ok(f.regions[depth - 1].id.includes('…'));
  });

  it('duplicate keys give distinct region ids', () => {
    const f = loadSourceFile('d.json', '{"components":[{"scriptBody":"<trans>1</trans>","scriptBody":"<trans>2</trans>"}]}');
    assert.deepEqual(f.regions.map((r) => r.id), ['components[0].scriptBody', 'components[0].scriptBody#2']);
  });

  it('scans a multi-megabyte escaped export in linear time', () => {
    const body = '<trans>\\n' + 'x = \\"\\u00e9\\\\\\"; '.repeat(150000) + '\\n</trans>';
    const text = `{"components":[{"name":"big","scriptBody":"${body}"}]}`;
    const t0 = Date.now();
    const f = loadSourceFile('big.json', text);
    const ms = Date.now() - t0;
    assert.equal(f.regions.length, 1);
    assert.ok(ms < 3000, `${ms} ms`);
    const r = f.regions[0];
    const k = r.text.lastIndexOf('é');
    assert.equal(text.slice(r.map.toHost(k), r.map.toHost(k) + 6), '\\u00e9');
  });

  it('a long jitterbit.conf without "=" stays linear', () => {
    const text = '[S]\n' + 'word\n'.repeat(300000);
    const t0 = Date.now();
    const f = loadSourceFile('jitterbit.conf', text);
    assert.ok(Date.now() - t0 < 3000);
    assert.equal(f.data.length, 0);
  });

  it('truncated and mutated host files never throw and keep maps inside the host', () => {
    const next = rng(20261126);
    const hosts: [string, string][] = [
      ['x.json', fixture('export/harbor-logistics.json')],
      ['Data/Script/a.xml', fixture('design-studio/Data/Script/4e8a1c3f-6b2d-4f90-a7e5-d1c3b5f7a902.xml')],
      ['Data/Transformation/t.xml', fixture('design-studio/Data/Transformation/2a4c6e8f-1b3d-4f57-9a0c-b2d4f6a8c1e3.xml')],
      ['jitterbit.conf', fixture('agent/jitterbit.conf')],
      ['a.js', fixture('javascript/carrier-rates.js')],
    ];
    const alphabet = '{}[]":,\\<>/&;#=\n\r \tu0aZ!?';
    let checked = 0;
    for (const [path, original] of hosts) {
      for (let k = 0; k < 150; k++) {
        let text = original;
        if (k % 3 === 0) text = text.slice(0, Math.floor(next() * text.length));
        else {
          const chars = text.split('');
          for (let m = 0; m < 1 + Math.floor(next() * 6); m++) {
            chars[Math.floor(next() * chars.length)] = alphabet[Math.floor(next() * alphabet.length)];
          }
          text = chars.join('');
        }
        const f = loadSourceFile(path, text);
        assert.ok(f.diagnostics.length <= 2);
        for (const r of f.regions) {
          for (const o of [0, r.text.length >> 1, r.text.length]) {
            const h = r.map.toHost(o);
            assert.ok(h >= 0 && h <= text.length, `${path} ${r.id} ${o} → ${h}`);
          }
        }
        for (const d of f.data) assert.ok(d.valueStart >= 0 && d.valueStart <= d.valueEnd && d.valueEnd <= text.length);
        checked++;
      }
    }
    assert.equal(checked, 750);
  });

  it('garbage of every kind is unsupported or malformed, never thrown', () => {
    const next = rng(7);
    for (let k = 0; k < 200; k++) {
      const len = Math.floor(next() * 400);
      let s = '';
      for (let i = 0; i < len; i++) s += String.fromCharCode(32 + Math.floor(next() * 95));
      for (const path of ['g.json', 'g.xml', 'jitterbit.conf', 'g.js', 'g']) {
        const f = loadSourceFile(path, (k % 2 ? '{' : '<') + s);
        assert.equal(typeof f.kind, 'string');
      }
    }
  });
});

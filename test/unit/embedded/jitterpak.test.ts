import { strict as assert } from 'node:assert';
import { strToU8, zipSync } from 'fflate';
import { readJitterpak } from '../../../core/src/syntax/embedded/jitterpak';
import { loadSourceFile } from '../../../core/src/syntax/load-source-file';
import { fixture } from './helpers';

const SCRIPT = fixture('design-studio/Data/Script/4e8a1c3f-6b2d-4f90-a7e5-d1c3b5f7a902.xml');
const PV = fixture('design-studio/Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-f2e4d6b8a013.xml');

function pak(): Uint8Array {
  return zipSync({
    'Harbor/manifest.jip': strToU8('project-name=Harbor\n'),
    'Harbor/Prod/Data/Script/4e8a1c3f-6b2d-4f90-a7e5-d1c3b5f7a902.xml': strToU8(SCRIPT),
    'Harbor/Prod/Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-f2e4d6b8a013.xml': [strToU8(PV), { level: 0 }],
    'Harbor/Prod/Data/Script/logo.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    'Harbor/Prod/agent/jitterbit.conf': strToU8('[Settings]\nTimingOn=true\n'),
  });
}

describe('readJitterpak', () => {
  it('reads the text members worth scanning (deflated and stored) and skips the rest', () => {
    const r = readJitterpak(pak());
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(r.entries.map((e) => e.path), [
      'Harbor/Prod/Data/ProjectVariable/8c1f3a5e-7b9d-4e02-a6c4-f2e4d6b8a013.xml',
      'Harbor/Prod/Data/Script/4e8a1c3f-6b2d-4f90-a7e5-d1c3b5f7a902.xml',
      'Harbor/Prod/agent/jitterbit.conf',
    ]);
    assert.equal(r.entries[1].text, SCRIPT);
    const f = loadSourceFile(r.entries[1].path, r.entries[1].text);
    assert.equal(f.kind, 'design-studio-xml');
    assert.equal(f.regions.length, 1);
    assert.equal(loadSourceFile(r.entries[0].path, r.entries[0].text).data.filter((d) => d.kind === 'project-variable').length, 1);
  });

  it('refuses members over the member limit and stops at the total limit', () => {
    const big = zipSync({ 'a/big.xml': strToU8('<a>' + 'x'.repeat(5000) + '</a>'), 'a/small.jb': strToU8('<trans>1</trans>') });
    const r = readJitterpak(big, { maxEntryBytes: 1000 });
    assert.deepEqual(r.entries.map((e) => e.path), ['a/small.jb']);
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0], /a\/big\.xml: skipped, .* exceeds/);

    const many = zipSync(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`d/s${i}.jb`, strToU8('x'.repeat(100))])));
    const t = readJitterpak(many, { maxTotalBytes: 450 });
    assert.equal(t.entries.length, 4);
    assert.equal(t.diagnostics.length, 1);
    assert.match(t.diagnostics[0], /total size limit/);
  });

  it('a zip bomb (highly compressible member) is refused by its declared size without inflating it', () => {
    const bomb = zipSync({ 'Data/Script/bomb.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    assert.ok(bomb.length < 100 * 1024);
    const r = readJitterpak(bomb);
    assert.equal(r.entries.length, 0);
    assert.match(r.diagnostics[0], /bomb\.xml: skipped/);
  });

  it('a member whose header understates its size is cut at the declared size, never grown', () => {
    const z = zipSync({ 'x.jb': strToU8('<trans>' + 'a'.repeat(4000) + '</trans>') });
    // Patch the central-directory "uncompressed size" of the only member to 10 bytes.
    const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
    let cd = -1;
    for (let i = z.length - 22; i >= 0; i--) if (view.getUint32(i, true) === 0x02014b50) { cd = i; break; }
    assert.ok(cd >= 0);
    view.setUint32(cd + 24, 10, true);
    const r = readJitterpak(z);
    assert.deepEqual(r.entries, [{ path: 'x.jb', text: '<trans>aaa' }]);
  });

  it('a corrupt or truncated archive yields a diagnostic, not an exception', () => {
    for (const bytes of [new Uint8Array([1, 2, 3, 4, 5]), pak().slice(0, 200), strToU8('not a zip at all'.repeat(10)), new Uint8Array(0)]) {
      const r = readJitterpak(bytes);
      assert.equal(r.entries.length, 0);
      assert.equal(r.diagnostics.length, 1);
      assert.match(r.diagnostics[0], /not a readable Jitterpak/);
    }
  });

  it('one corrupt member is reported by name and the others are still read', () => {
    const z = zipSync({ 'a/good.jb': strToU8('<trans>' + 'g'.repeat(300) + '</trans>'), 'a/bad.jb': strToU8('<trans>' + 'b'.repeat(300) + '</trans>') });
    const view = new DataView(z.buffer, z.byteOffset, z.byteLength);
    const name = strToU8('a/bad.jb');
    let corrupted = false;
    for (let i = 0; i + 30 < z.length && !corrupted; i++) {
      if (view.getUint32(i, true) !== 0x04034b50) continue;
      const nameLen = view.getUint16(i + 26, true);
      const extraLen = view.getUint16(i + 28, true);
      if (nameLen === name.length && name.every((b, k) => z[i + 30 + k] === b)) {
        z[i + 30 + nameLen + extraLen] = 0xff; // BFINAL=1, BTYPE=11: an invalid deflate block
        corrupted = true;
      }
    }
    assert.ok(corrupted);
    const r = readJitterpak(z);
    assert.deepEqual(r.entries.map((e) => e.path), ['a/good.jb']);
    assert.equal(r.diagnostics.length, 1);
    assert.match(r.diagnostics[0], /^a\/bad\.jb: skipped, corrupt member/);
  });

  it('an archive listing too many members is refused', () => {
    const z = zipSync(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.txt`, strToU8('x')])));
    const r = readJitterpak(z, { maxEntries: 20 });
    assert.equal(r.entries.length, 0);
    assert.match(r.diagnostics[0], /more than 20 members/);
  });
});

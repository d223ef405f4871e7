import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';

const ROOT = join(__dirname, '..', '..', '..');

describe('npm run package (.vsix)', () => {
  let entries: Record<string, Uint8Array> = {};
  let size = 0;

  before(function () {
    this.timeout(240000);
    const out = join(mkdtempSync(join(tmpdir(), 'jg-vsix-')), 'jitterbit-guard.vsix');
    execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), out], { cwd: ROOT, stdio: 'pipe' });
    size = statSync(out).size;
    entries = unzipSync(new Uint8Array(readFileSync(out)));
  });

  it('stays under 2 MB', () => {
    assert.ok(size > 0 && size < 2 * 1024 * 1024, `${size} bytes`);
  });

  it('holds the bundles and the declarative contributions only (allow-list)', () => {
    const files = Object.keys(entries).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    for (const required of ['package.json', 'dist/client.js', 'dist/server.js', 'dist/cli.js', 'dist/cli-main.js', 'syntaxes/jitterbit.tmLanguage.json', 'language-configuration.json', 'core/schema/jitterbit-guard.schema.json']) {
      assert.ok(files.includes(required), `missing ${required}`);
    }
    const unexpected = files.filter((f) => /^(node_modules|test|core\/src|server\/src|client\/src|samples|bench)\//.test(f) || f.endsWith('.ts') || f.endsWith('.map'));
    assert.deepEqual(unexpected, []);
  });

  it('ships a manifest whose entry points exist in the package', () => {
    const manifest = JSON.parse(new TextDecoder().decode(entries['extension/package.json'])) as { main: string; contributes: { grammars: { path: string }[]; jsonValidation: { url: string }[] } };
    const has = (p: string) => `extension/${p.replace(/^\.\//, '')}` in entries;
    assert.ok(has(manifest.main), manifest.main);
    for (const g of manifest.contributes.grammars) assert.ok(has(g.path), g.path);
    for (const j of manifest.contributes.jsonValidation) assert.ok(has(j.url), j.url);
  });
});

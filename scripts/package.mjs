// `npm run package`: builds the bundles (minified, no source maps) and packs the .vsix offline with @vscode/vsce.
// .vscodeignore is an allow-list; the bundles carry every runtime dependency, so node_modules is not packed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const out = process.argv[2] ?? join(root, 'out', `${pkg.name}-${pkg.version}.vsix`);
mkdirSync(join(root, 'out'), { recursive: true });
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
execFileSync(process.execPath, [join(root, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, VSCE_TELEMETRY_DISABLE: '1' },
});
const size = statSync(out).size;
console.log(`packaged ${out} (${(size / 1024).toFixed(0)} KiB)`);
if (size > 2 * 1024 * 1024) {
  console.error('the package is over 2 MB');
  process.exitCode = 1;
}
// Rebuild the development bundles (with source maps) so tests keep their usual build.
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });

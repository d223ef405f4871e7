// `npm start` (after the build): lints the bundled sample workspace with the CLI, prints the findings and a summary,
// and writes jitterbit-guard.sarif. The samples contain findings on purpose, so this demo exits 0 whatever the CLI
// says; it prints the CLI's own exit code.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(repo, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('dist/cli.js is missing: run `node scripts/build.mjs` first (npm start does).');
  process.exit(0);
}
const sarif = join(repo, 'jitterbit-guard.sarif');
const run = (args) => spawnSync(process.execPath, [cli, 'samples', ...args], { cwd: repo, encoding: 'utf8' });

console.log('Jitterbit Guard: linting samples/ (a demo project with planted, randomly generated findings)\n');
const text = run(['--format', 'text', '--no-progress']);
process.stdout.write(text.stdout);
if (text.stderr) process.stderr.write(text.stderr);
const sarifRun = run(['--format', 'sarif', '--output', sarif, '--quiet', '--no-progress']);
if (sarifRun.stderr) process.stderr.write(sarifRun.stderr);
console.log(`\nSARIF written to ${relative(process.cwd(), sarif) || sarif} (exit code ${sarifRun.status})`);
console.log(`CLI exit code: ${text.status} (${text.status === 0 ? 'no findings at or above the fail level' : text.status === 1 ? 'findings at or above the fail level' : 'usage or internal error'}); this demo exits 0.`);

// Compiles the in-VS-Code mocha suite (test/e2e/*.ts) to CommonJS under .e2e/out (inside the repository, so
// `require('mocha')` resolves from node_modules), after type-checking it with test/e2e/tsconfig.json.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const OUT = join(ROOT, '.e2e/out');

export async function buildSuite({ typecheck = true } = {}) {
  if (typecheck) execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'test/e2e/tsconfig.json')], { stdio: 'inherit' });
  rmSync(OUT, { recursive: true, force: true });
  const entryPoints = readdirSync(join(ROOT, 'test/e2e')).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts')).map((f) => join(ROOT, 'test/e2e', f));
  await esbuild.build({ entryPoints, outdir: OUT, bundle: true, external: ['vscode', 'mocha'], platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning' });
  return join(OUT, 'index.js');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await buildSuite());

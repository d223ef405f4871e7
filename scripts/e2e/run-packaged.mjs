#!/usr/bin/env node
// The packaged extension in real VS Code: `npm run package` builds the .vsix, code-server installs it offline into a
// fresh extensions dir, and the e2e suite's "packaged extension" test runs against the installed copy (the same
// code-server + chromium + playwright-core setup as run.mjs, installed on first use by install.sh).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, ROOT } from './build-suite.mjs';
import { freePort, startCodeServer } from './code-server.mjs';

const log = (...a) => console.error('[e2e:vsix]', ...a);

async function main() {
  const cache = execFileSync('bash', [join(ROOT, 'scripts/e2e/install.sh')], { stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim().split('\n').pop();
  const extra = /CS_EXTRA_ARGS="([^"]*)"/.exec(readFileSync(join(cache, 'env.sh'), 'utf8'))?.[1]?.split(' ').filter(Boolean) ?? [];
  const run = mkdtempSync(join(tmpdir(), 'jg-e2e-vsix-'));
  for (const d of ['home', 'config', 'data', 'ud', 'exts', 'workspace']) mkdirSync(join(run, d), { recursive: true });
  const vsix = join(run, 'jitterbit-guard.vsix');
  execFileSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), vsix], { stdio: ['ignore', 'inherit', 'inherit'] });
  const tests = await buildSuite({ typecheck: false });
  cpSync(join(ROOT, 'test/fixtures/workspace'), join(run, 'workspace'), { recursive: true });
  const codeServer = join(cache, 'code-server/node_modules/.bin/code-server');
  const env = { ...process.env, HOME: join(run, 'home'), XDG_CONFIG_HOME: join(run, 'config'), XDG_DATA_HOME: join(run, 'data'), XDG_CACHE_HOME: join(run, 'home/.cache') };
  execFileSync(codeServer, ['--extensions-dir', join(run, 'exts'), '--user-data-dir', join(run, 'ud'), '--install-extension', vsix], { env, stdio: 'inherit' });
  const installed = readdirSync(join(run, 'exts')).find((d) => d.startsWith('jitterbit-guard.jitterbit-guard-'));
  if (!installed) throw new Error(`the .vsix did not install: ${readdirSync(join(run, 'exts')).join(', ')}`);
  const extDir = join(run, 'exts', installed);
  if (!existsSync(join(extDir, 'dist/server.js'))) throw new Error('the installed extension has no dist/server.js');
  log(`installed ${installed}`);

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startCodeServer({ bin: codeServer, run, port, extra, env: { ...env, JG_E2E_GREP: 'packaged extension', JG_E2E_PACKAGED: '1' } });
  const { listening, logStream } = server;
  const csLog = server.logFile;
  const cleanup = server.stop;
  let code = 1;
  try {
    await listening;
    // The installed copy is the extension under test: the payload points the test host at it.
    const driver = spawn(process.execPath, [join(ROOT, 'scripts/e2e/driver.cjs'), '--server', url, '--ext', extDir, '--tests', tests, '--folder', join(run, 'workspace'), '--timeout', '300000'], {
      env: { ...env, NODE_PATH: join(cache, 'driver/node_modules') },
      stdio: 'inherit',
    });
    code = await new Promise((r) => driver.on('exit', (c) => r(c ?? 1)));
    logStream.end();
    if (code !== 0) log('---- code-server log (tail) ----\n' + readFileSync(csLog, 'utf8').split('\n').slice(-40).join('\n'));
  } finally {
    cleanup();
    await server.exited();
    rmSync(run, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((e) => {
  log(e instanceof Error ? e.message : e);
  process.exit(1);
});

#!/usr/bin/env node
// End-to-end tests in REAL VS Code, offline: code-server (VS Code server + web workbench, from npm) hosts the
// extension in its Node extension host; headless Debian chromium driven by playwright-core opens the workbench
// with the test payload; the mocha suite (test/e2e) runs inside the extension host.
// Installs what it needs on first use into ${JG_E2E_CACHE:-${XDG_CACHE_HOME:-~/.cache}/jitterbit-guard-e2e}.
// Env: JG_E2E_PORT (default: a free port), JG_E2E_TIMEOUT_MS (default 600000), JG_E2E_SCREENSHOT=/abs/file.png,
//      JG_E2E_GREP (mocha grep), JG_E2E_SKIP_NVIM=1 (skip the Neovim check), SHOW_BROWSER_CONSOLE=1.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, ROOT } from './build-suite.mjs';
import { freePort, startCodeServer } from './code-server.mjs';
import { nvimCheck } from './nvim-check.mjs';

const log = (...a) => console.error('[e2e]', ...a);

async function main() {
  const cache = execFileSync('bash', [join(ROOT, 'scripts/e2e/install.sh')], { stdio: ['ignore', 'pipe', 'inherit'] }).toString().trim().split('\n').pop();
  const env = readFileSync(join(cache, 'env.sh'), 'utf8');
  const extra = /CS_EXTRA_ARGS="([^"]*)"/.exec(env)?.[1]?.split(' ').filter(Boolean) ?? [];
  if (!existsSync(join(ROOT, 'dist/server.js')) || !existsSync(join(ROOT, 'dist/client.js'))) throw new Error('run `node scripts/build.mjs` first');
  const tests = await buildSuite();

  const run = mkdtempSync(join(tmpdir(), 'jg-e2e-'));
  for (const d of ['home', 'config', 'data', 'ud', 'exts', 'workspace']) mkdirSync(join(run, d), { recursive: true });
  const workspace = join(run, 'workspace');
  cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  const port = Number(process.env.JG_E2E_PORT || (await freePort()));
  const url = `http://127.0.0.1:${port}`;
  const baseEnv = { ...process.env, HOME: join(run, 'home'), XDG_CONFIG_HOME: join(run, 'config'), XDG_DATA_HOME: join(run, 'data'), XDG_CACHE_HOME: join(run, 'home/.cache') };
  const server = startCodeServer({ bin: join(cache, 'code-server/node_modules/.bin/code-server'), run, port, extra, env: baseEnv });
  const { listening, logStream } = server;
  const csLog = server.logFile;
  const cleanup = server.stop;
  let code = 1;
  try {
    await listening;
    const health = await fetch(`${url}/healthz`);
    if (!health.ok) throw new Error(`code-server /healthz answered ${health.status}`);
    log(`code-server on ${url}, workspace ${workspace}`);
    const driver = spawn(process.execPath, [join(ROOT, 'scripts/e2e/driver.cjs'),
      '--server', url, '--ext', ROOT, '--tests', tests, '--folder', workspace,
      '--timeout', process.env.JG_E2E_TIMEOUT_MS || '600000',
      ...(process.env.JG_E2E_SCREENSHOT ? ['--screenshot', process.env.JG_E2E_SCREENSHOT] : [])], {
      env: { ...baseEnv, NODE_PATH: join(cache, 'driver/node_modules'), HOME: join(run, 'home') },
      stdio: 'inherit',
    });
    code = await new Promise((r) => driver.on('exit', (c) => r(c ?? 1)));
    if (code !== 0) log('---- code-server log (tail) ----\n' + readFileSync(csLog, 'utf8').split('\n').slice(-40).join('\n'));
    logStream.end();
  } finally {
    cleanup();
    await server.exited();
    rmSync(run, { recursive: true, force: true });
  }
  // The TextMate grammars, tokenized by VS Code's own vscode-textmate + oniguruma.
  const grammar = spawnSync(process.execPath, [join(ROOT, 'scripts/e2e/grammar-check.cjs'), join(cache, 'code-server/node_modules/code-server/lib/vscode')], { stdio: 'inherit' });
  if (grammar.status !== 0) code = code || 1;
  // An independent LSP client (headless Neovim) over --stdio must see what the CLI reports.
  if (process.env.JG_E2E_SKIP_NVIM !== '1') {
    const nvimFailures = nvimCheck();
    log(`neovim check: ${nvimFailures === 0 ? 'ok' : `${nvimFailures} file(s) differ`}`);
    if (nvimFailures) code = code || 1;
  }
  process.exit(code);
}

main().catch((e) => {
  log(e instanceof Error ? e.message : e);
  process.exit(1);
});

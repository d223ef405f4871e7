#!/usr/bin/env node
// The packaged extension in real VS Code: `npm run package` builds the .vsix, code-server installs it offline into a
// fresh extensions dir, and the e2e suite's "packaged extension" test runs against the installed copy (the same
// code-server + chromium + playwright-core setup as run.mjs, installed on first use by install.sh).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, ROOT } from './build-suite.mjs';

const log = (...a) => console.error('[e2e:vsix]', ...a);

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function healthy(url, child, logFile) {
  const deadline = Date.now() + 120000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${readFileSync(logFile, 'utf8')}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200)); // polling a process we do not control: no event to await
  }
  throw new Error('code-server did not become healthy within 120 s');
}

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
  writeFileSync(join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const csLog = join(run, 'code-server.log');
  const out = openSync(csLog, 'a');
  const cs = spawn(codeServer, [
    '--config', join(run, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'exts'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', ...extra,
  ], { env: { ...env, JG_E2E_GREP: 'packaged extension', JG_E2E_PACKAGED: '1' }, detached: true, stdio: ['ignore', out, out] });
  const cleanup = () => {
    try {
      process.kill(-cs.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('exit', cleanup);
  let code = 1;
  try {
    await healthy(url, cs, csLog);
    // The installed copy is the extension under test: the payload points the test host at it.
    const driver = spawn(process.execPath, [join(ROOT, 'scripts/e2e/driver.cjs'), '--server', url, '--ext', extDir, '--tests', tests, '--folder', join(run, 'workspace'), '--timeout', '300000'], {
      env: { ...env, NODE_PATH: join(cache, 'driver/node_modules') },
      stdio: 'inherit',
    });
    code = await new Promise((r) => driver.on('exit', (c) => r(c ?? 1)));
    if (code !== 0) log('---- code-server log (tail) ----\n' + readFileSync(csLog, 'utf8').split('\n').slice(-40).join('\n'));
  } finally {
    cleanup();
    await new Promise((r) => (cs.exitCode !== null ? r() : cs.once('exit', r)));
    rmSync(run, { recursive: true, force: true });
  }
  process.exit(code);
}

main().catch((e) => {
  log(e instanceof Error ? e.message : e);
  process.exit(1);
});

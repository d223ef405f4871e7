#!/usr/bin/env node
// Independent-client check: headless Neovim's built-in LSP client against `node dist/server.js --stdio` must
// receive the same findings the CLI reports for the same fixture files. Needs `nvim` (install.sh installs it).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const FILES = ['secrets.jb', 'cross-log.jb', 'broken.jb'];

export function nvimCheck() {
  const ws = mkdtempSync(join(tmpdir(), 'jg-nvim-'));
  const state = mkdtempSync(join(tmpdir(), 'jg-nvim-state-'));
  cpSync(join(ROOT, 'test/fixtures/workspace'), ws, { recursive: true });
  let failures = 0;
  try {
    const cli = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), '.', '--format', 'json'], { cwd: ws, encoding: 'utf8' });
    const expected = new Map(JSON.parse(cli.stdout).files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId} ${x.line}:${x.column}`).sort()]));
    for (const file of FILES) {
      const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-u', join(ROOT, 'scripts/e2e/nvim-check.lua'), join(ws, file)], {
        cwd: ws,
        encoding: 'utf8',
        timeout: 60000,
        env: { ...process.env, JG_LSP_CMD: JSON.stringify([process.execPath, join(ROOT, 'dist/server.js'), '--stdio']), XDG_STATE_HOME: state, XDG_CACHE_HOME: state, XDG_DATA_HOME: state },
      });
      const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('JG_DIAGNOSTICS '));
      if (!line) {
        console.error(`[nvim] ${file}: no diagnostics (exit ${r.status}): ${r.stdout} ${r.stderr}`);
        failures++;
        continue;
      }
      const got = JSON.parse(line.slice('JG_DIAGNOSTICS '.length)).map((d) => `${d.code} ${d.range.start.line + 1}:${d.range.start.character + 1}`).sort();
      const want = expected.get(file) ?? [];
      const same = JSON.stringify(got) === JSON.stringify(want);
      console.error(`[nvim] ${file}: ${same ? 'same as the CLI' : 'DIFFERENT from the CLI'} ${JSON.stringify(got)}${same ? '' : ` vs ${JSON.stringify(want)}`}`);
      if (!same) failures++;
    }
  } finally {
    rmSync(ws, { recursive: true, force: true });
    rmSync(state, { recursive: true, force: true });
  }
  return failures;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(nvimCheck() === 0 ? 0 : 1);

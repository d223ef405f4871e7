#!/usr/bin/env node
// The same in-VS-Code suite through @vscode/test-electron, for machines that can download VS Code.
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSuite, ROOT } from './build-suite.mjs';

const tests = await buildSuite();
const workspace = mkdtempSync(join(tmpdir(), 'jg-e2e-electron-'));
cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: process.env.JG_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: tests,
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (e) {
  console.error('[e2e:electron]', e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  rmSync(workspace, { recursive: true, force: true });
}

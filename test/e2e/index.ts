// Mocha entry point loaded by the VS Code extension host (extensionTestsPath): code-server through
// scripts/e2e/run.mjs, or @vscode/test-electron through scripts/e2e/run-electron.mjs.
import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  console.log(`[ext host] node ${process.version}, VS Code ${vscode.version}, appHost=${vscode.env.appHost}`);
  const mocha = new Mocha({ ui: 'bdd', timeout: 60000, color: false, reporter: 'spec', grep: process.env.JG_E2E_GREP });
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}

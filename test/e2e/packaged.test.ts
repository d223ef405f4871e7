import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhere, EXTENSION_ID, fixture } from './helpers';

// Runs in both launches: from the source tree (npm run test:e2e) and from the installed .vsix
// (scripts/e2e/run-packaged.mjs sets JG_E2E_PACKAGED=1 and greps this suite).
describe('packaged extension', () => {
  it('is installed from the .vsix (when packaged) and reports a diagnostic on a fixture', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not present`);
    if (process.env.JG_E2E_PACKAGED === '1') {
      // Installed extensions live under the extensions dir as <publisher>.<name>-<version>.
      assert.match(ext.extensionPath.replace(/\\/g, '/'), /\/exts\/jitterbit-guard\.jitterbit-guard-\d+\.\d+\.\d+$/);
    }
    const doc = await vscode.workspace.openTextDocument(fixture('secrets.jb'));
    await vscode.window.showTextDocument(doc);
    const diags = await diagnosticsWhere(doc.uri, (d) => d.some((x) => codeOf(x) === 'secrets/credential-name'), 'a secrets/credential-name diagnostic');
    assert.ok(diags.every((d) => !d.message.includes('Qz8vN3kLp7Wx2RtY')), 'a diagnostic quotes the secret');
  });
});

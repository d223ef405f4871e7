import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, TestClient, uriOf } from './lsp-client';

// Problems of `.jitterbit-guard.json` in the editor: the core's validation (the CLI's messages), shown on the file at
// the key they are about, and named in a warning when a file the config applies to is analysed.
const CONFIG = '{\n  "rules": {\n    "secrets/known-token": "error",\n    "pii/emial": "off"\n  }\n}\n';
const shown = (ds: Diagnostic[]): string[] => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity} ${d.message}`);

describe('server: problems of .jitterbit-guard.json', function () {
  this.timeout(30000);
  let root: string;
  let cfg: string;
  let client: TestClient;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'jg-cfg-'));
    cfg = join(root, '.jitterbit-guard.json');
    writeFileSync(cfg, CONFIG);
    writeFileSync(join(root, 'a.jb'), '<trans>\nx = 1;\n</trans>\n');
    client = await TestClient.start({ root });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('a warning names the file and the misspelt rule id with the id meant, once', async () => {
    const a = join(root, 'a.jb');
    const waiting = client.nextDiagnostics(uriOf(a));
    await client.open(a);
    await waiting;
    const warnings = client.messages.filter((m) => m.message.includes('pii/emial'));
    assert.deepEqual(warnings.map((m) => [m.type, m.message]), [[2, `Jitterbit Guard: ${cfg}: unknown rule id "pii/emial" in "rules"; did you mean "pii/email"?`]]);
  });

  it('the open config file gets a diagnostic at the misspelt key, with the id meant', async () => {
    const uri = uriOf(cfg);
    const waiting = client.nextDiagnostics(uri, (ds) => ds.length > 0);
    await client.open(cfg, 'json');
    const ds = await waiting;
    assert.deepEqual(shown(ds), ['3:4-3:15 2 unknown rule id "pii/emial" in "rules"; did you mean "pii/email"?']);
    assert.equal(ds[0].source, 'jitterbit-guard');
    // The quick fix writes the id meant over the key.
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: ds[0].range, context: { diagnostics: ds } });
    assert.deepEqual(actions.map((a) => a.title), ['Change to "pii/email"']);
    assert.equal(applyWorkspaceEdit(CONFIG, actions[0].edit, uri), CONFIG.replace('"pii/emial"', '"pii/email"'));
  });

  it('follows edits: a schema violation at its key, invalid JSON as an error at the fault, none once fixed', async () => {
    const uri = uriOf(cfg);
    let waiting = client.nextDiagnostics(uri, (ds) => ds.some((d) => d.message.includes('failLevel')));
    await client.setText(uri, '{\n  "failLevel": "info",\n  "rules": { "pii/email": "off" }\n}\n');
    assert.deepEqual(shown(await waiting), ['1:2-1:13 2 "failLevel" must be one of error, warning, note, found "info"']);
    waiting = client.nextDiagnostics(uri, (ds) => ds.some((d) => d.message.includes('invalid JSON')));
    await client.setText(uri, '{\n  "rules": { "pii/email": "off", }\n}\n');
    assert.deepEqual(shown(await waiting), ["1:33-1:34 1 invalid JSON: expected a property name in double quotes (trailing comma?), found '}'"]);
    waiting = client.nextDiagnostics(uri, (ds) => ds.length === 0);
    await client.setText(uri, '{\n  "rules": { "pii/email": "off" }\n}\n');
    await waiting;
  });
});

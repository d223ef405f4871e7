import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, DocumentSymbol } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, REPO, TestClient, uriOf } from './lsp-client';

const EXPORT = join(REPO, 'test/fixtures/hosts/export/harbor-logistics.json');

/** Scripts embedded in a Cloud Studio export: ranges point into the .json, fixes keep it valid JSON. */
describe('server: Cloud Studio export (.json) with embedded scripts', function () {
  this.timeout(60000);
  let root: string;
  let client: TestClient;
  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'jg-export-'));
    cpSync(EXPORT, join(root, 'export.json'));
    client = await TestClient.start({ root });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports findings inside the embedded scripts and project variables, and every edit fix keeps valid JSON', async () => {
    const path = join(root, 'export.json');
    const uri = uriOf(path);
    const text = readFileSync(path, 'utf8');
    const waiting = client.nextDiagnostics(uri, (ds) => ds.length > 0);
    await client.open(path, 'json', text);
    const ds = await waiting;
    assert.ok(ds.some((d) => String(d.code).startsWith('secrets/')), JSON.stringify(ds.map((d) => d.code)));
    const lines = text.split('\n');
    for (const d of ds) assert.ok(d.range.start.line < lines.length && d.range.end.character <= lines[d.range.end.line].length, 'ranges point into the .json');
    let checked = 0;
    let suppressions = 0;
    for (const d of ds.filter((x) => !String(x.code).startsWith('script/'))) {
      const actions = (await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } })) ?? [];
      // A finding inside an embedded script can be suppressed by a comment line added to that script; project
      // variables are data, with no place for a comment.
      const inScript = /"(scriptBody|transformScript|script)\w*": "/.test(lines[d.range.start.line]);
      assert.equal(actions.some((a) => /suppress/i.test(a.title)), inScript, `${String(d.code)} on line ${d.range.start.line + 1}: suppress offered`);
      if (inScript) suppressions++;
      for (const a of actions.filter((x) => x.edit)) {
        const fixed = applyWorkspaceEdit(text, a.edit, uri);
        assert.doesNotThrow(() => JSON.parse(fixed), `"${a.title}" broke the JSON`);
        const name = join(root, `fixed-${checked}.json`);
        const next = client.nextDiagnostics(uriOf(name));
        await client.open(name, 'json', fixed);
        const after: Diagnostic[] = await next;
        await client.close(uriOf(name));
        assert.ok(!after.some((x) => String(x.code).startsWith('syntax/')), `"${a.title}" introduced a syntax error`);
        assert.ok(after.filter((x) => x.code === d.code).length < ds.filter((x) => x.code === d.code).length, `"${a.title}" did not remove ${String(d.code)}`);
        checked++;
      }
    }
    assert.ok(checked > 0, 'no edit fix was checked');
    assert.ok(suppressions > 0, 'no finding inside a script was checked for its suppression');
  });

  it('lists the named scripts of the export as document symbols, positioned in the .json', async () => {
    const uri = uriOf(join(root, 'export.json'));
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const scripts = symbols.filter((s) => s.detail === 'script' || s.detail?.startsWith('mapping of'));
    assert.ok(scripts.some((s) => s.name === 'Sign Manifest' && s.detail === 'script'), JSON.stringify(symbols.map((s) => s.name)));
    assert.ok(scripts.some((s) => s.detail === 'mapping of Carrier/contactEmail'), 'transformation mapping scripts name their target');
    assert.ok(symbols.some((s) => s.name === '$harbor_api_key' && s.detail === 'project variable'));
    const lines = readFileSync(join(root, 'export.json'), 'utf8').split('\n');
    for (const s of scripts) assert.ok(s.range.start.line < lines.length);
  });
});

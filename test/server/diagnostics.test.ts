import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { copyFixtures, FIXTURES, TestClient, uriOf } from './lsp-client';

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));
const hasSecret = (ds: Diagnostic[]): boolean => ds.some((d) => String(d.code).startsWith('secrets/'));
const LITERAL = '"Qz8vN3kLp7Wx2RtY"';

describe('server: diagnostics over stdio (push)', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ root: FIXTURES });
  });
  after(() => client.stop());

  it('publishes findings on open with rule id, docs link, source and a record key', async () => {
    const path = join(FIXTURES, 'secrets.jb');
    const waiting = client.nextDiagnostics(uriOf(path), hasSecret);
    await client.open(path);
    const ds = await waiting;
    const d = ds.find((x) => String(x.code).startsWith('secrets/'));
    assert.ok(d, `no secrets/ finding in ${JSON.stringify(codes(ds))}`);
    assert.equal(d.source, 'jitterbit-guard');
    assert.equal(d.severity, 1);
    assert.equal(d.range.start.line, 2);
    assert.ok(d.codeDescription?.href.includes(String(d.code)), 'codeDescription.href names the rule');
    assert.equal(typeof (d.data as { key?: unknown }).key, 'string');
    assert.ok(!d.message.includes('Qz8vN3kLp7Wx2RtY'), 'the message must not contain the secret');
  });

  it('re-publishes on an incremental change: removing the literal removes the finding', async () => {
    const uri = uriOf(join(FIXTURES, 'secrets.jb'));
    const text = client.textOf(uri);
    const line = text.split('\n')[2];
    const col = line.indexOf(LITERAL);
    assert.ok(col > 0);
    const waiting = client.nextDiagnostics(uri, (ds) => !hasSecret(ds));
    await client.change(uri, [{ range: { start: { line: 2, character: col }, end: { line: 2, character: col + LITERAL.length } }, text: '$pv_api_password' }]);
    const ds = await waiting;
    assert.deepEqual(codes(ds).filter((c) => c.startsWith('secrets/')), []);
    // ...and typing it back brings the finding back
    const back = client.nextDiagnostics(uri, hasSecret);
    await client.change(uri, [{ range: { start: { line: 2, character: col }, end: { line: 2, character: col + '$pv_api_password'.length } }, text: LITERAL }]);
    assert.ok(hasSecret(await back));
  });

  it('reports syntax errors with exact ranges and nothing for a clean script', async () => {
    const broken = join(FIXTURES, 'broken.jb');
    const clean = join(FIXTURES, 'clean.jb');
    const b = client.nextDiagnostics(uriOf(broken));
    const c = client.nextDiagnostics(uriOf(clean));
    await client.open(broken);
    await client.open(clean);
    const bd = await b;
    assert.ok(bd.some((d) => String(d.code).startsWith('syntax/') && d.range.start.line === 1), JSON.stringify(bd));
    assert.deepEqual(await c, []);
  });

  it('clears diagnostics when a document closes', async () => {
    const uri = uriOf(join(FIXTURES, 'broken.jb'));
    const cleared = client.nextDiagnostics(uri, (ds) => ds.length === 0);
    await client.close(uri);
    assert.deepEqual(await cleared, []);
  });

  it('applies per-resource settings: a rule switched off in settings disappears, then comes back', async () => {
    const uri = uriOf(join(FIXTURES, 'secrets.jb'));
    const first = (client.diagnostics.get(uri) ?? []).find((d) => String(d.code).startsWith('secrets/'));
    const rule = String(first?.code);
    assert.ok(rule.startsWith('secrets/'));
    client.settings = { rules: { [rule]: 'off' } };
    const off = client.nextDiagnostics(uri, (ds) => !codes(ds).includes(rule));
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await off;
    client.settings = { rules: { [rule]: 'warning' } };
    const warn = client.nextDiagnostics(uri, (ds) => ds.some((d) => d.code === rule && d.severity === 2));
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await warn;
    client.settings = { enable: false };
    const none = client.nextDiagnostics(uri, (ds) => ds.length === 0);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    await none;
    client.settings = {};
    const again = client.nextDiagnostics(uri, hasSecret);
    await client.notify('workspace/didChangeConfiguration', { settings: null });
    const back = (await again).find((d) => d.code === rule);
    // Re-analysing the same version keeps the record key, so code actions on diagnostics the client still shows work.
    assert.deepEqual(back?.data, first?.data);
  });
});

describe('server: pull diagnostics (textDocument/diagnostic)', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ root: FIXTURES, pull: true });
  });
  after(() => client.stop());

  it('answers full reports, unchanged for the same version, and a new report after a change', async () => {
    const uri = await client.open(join(FIXTURES, 'secrets.jb'));
    const first = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(first.kind, 'full');
    assert.ok(first.kind === 'full' && hasSecret(first.items));
    const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, 'unchanged');
    assert.equal(client.diagnostics.size, 0, 'no push when the client pulls');
    await client.setText(uri, '<trans>\nx = 1;\n</trans>\n');
    const third = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(third.kind, 'full');
    assert.ok(third.kind === 'full' && !hasSecret(third.items));
  });
});

describe('server: run onSave', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ root: FIXTURES, pull: true, settings: { run: 'onSave' } });
  });
  after(() => client.stop());

  it('keeps the last saved analysis while the document is dirty and re-analyses on save', async () => {
    const uri = await client.open(join(FIXTURES, 'secrets.jb'));
    const pull = () => client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri } });
    const opened = await pull();
    assert.ok(opened.kind === 'full' && hasSecret(opened.items));
    await client.setText(uri, '<trans>\nx = 1;\n</trans>\n');
    const dirty = await pull();
    assert.ok(dirty.kind === 'full' && hasSecret(dirty.items), 'unsaved edits are not analysed');
    await client.notify('textDocument/didSave', { textDocument: { uri } });
    const saved = await pull();
    assert.ok(saved.kind === 'full' && !hasSecret(saved.items), 'the saved text is analysed');
  });
});

describe('server: configuration file changes refresh diagnostics', function () {
  this.timeout(30000);
  let ws: ReturnType<typeof copyFixtures>;
  let client: TestClient;
  before(async () => {
    ws = copyFixtures();
    client = await TestClient.start({ root: ws.root });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('a .jitterbit-guard.json turning a rule off re-publishes without it', async () => {
    const path = join(ws.root, 'secrets.jb');
    const first = client.nextDiagnostics(uriOf(path), hasSecret);
    await client.open(path);
    const rule = String((await first).find((d) => String(d.code).startsWith('secrets/'))?.code);
    const cfg = join(ws.root, '.jitterbit-guard.json');
    writeFileSync(cfg, JSON.stringify({ root: true, rules: { [rule]: 'off' } }));
    const off = client.nextDiagnostics(uriOf(path), (ds) => !codes(ds).includes(rule));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(cfg), type: 2 }] });
    await off;
  });
});

import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic, Location, Range, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, copyFixtures, TestClient, uriOf } from './lsp-client';

const isLogFinding = (ds: Diagnostic[]): boolean => ds.some((d) => String(d.code).startsWith('logging/'));

describe('server: workspace index, cross-file findings, rename', function () {
  this.timeout(30000);
  let ws: ReturnType<typeof copyFixtures>;
  let client: TestClient;
  before(async () => {
    ws = copyFixtures();
    // Files the index must skip, with one message: binary content and an oversized file.
    writeFileSync(join(ws.root, 'binary.jb'), Buffer.from([0x3c, 0x74, 0, 1, 2, 3, 0, 0]));
    writeFileSync(join(ws.root, 'huge.json'), `{"a":"${'x'.repeat(9 * 1024 * 1024)}"}`);
    client = await TestClient.start({ root: ws.root });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('indexed the workspace with progress and skipped huge/binary files with ONE message', () => {
    for (const title of ['Jitterbit Guard: indexing', 'Jitterbit Guard: analysing']) {
      const kinds = client.progress.filter((p) => p.title === title).map((p) => p.value.kind);
      assert.equal(kinds[0], 'begin', title);
      assert.equal(kinds[kinds.length - 1], 'end', title);
      assert.ok(kinds.includes('report'), title);
    }
    const skipped = client.messages.filter((m) => /skipped/i.test(m.message));
    assert.equal(skipped.length, 1, JSON.stringify(client.messages));
    assert.match(skipped[0].message, /2 files/);
  });

  it('a global tainted in one (unopened) script is reported where another script logs it', async () => {
    const log = join(ws.root, 'cross-log.jb');
    const waiting = client.nextDiagnostics(uriOf(log), isLogFinding);
    await client.open(log);
    const d = (await waiting).find((x) => String(x.code).startsWith('logging/')) as Diagnostic;
    assert.match(d.message, /ctx\.outbound/);
    assert.ok(d.relatedInformation?.some((r) => r.location.uri === uriOf(join(ws.root, 'cross-write.jb'))), 'related info points at the writer');
  });

  it('editing the writer updates the reader, both ways', async () => {
    const write = join(ws.root, 'cross-write.jb');
    const logUri = uriOf(join(ws.root, 'cross-log.jb'));
    const writerHasSecret = client.nextDiagnostics(uriOf(write), (ds) => ds.some((d) => String(d.code).startsWith('secrets/')));
    await client.open(write);
    await writerHasSecret;
    const cleared = client.nextDiagnostics(logUri, (ds) => !isLogFinding(ds));
    await client.setText(uriOf(write), '<trans>\n$ctx.note = 1;\n</trans>\n');
    await cleared;
    const back = client.nextDiagnostics(logUri, isLogFinding);
    await client.setText(uriOf(write), readFileSync(write, 'utf8'));
    await back;
  });

  it('a change on disk (watched file) updates the open reader', async () => {
    const write = join(ws.root, 'cross-write.jb');
    const logUri = uriOf(join(ws.root, 'cross-log.jb'));
    await client.close(uriOf(write));
    writeFileSync(write, '<trans>\n$ctx.note = 1;\n</trans>\n');
    const cleared = client.nextDiagnostics(logUri, (ds) => !isLogFinding(ds));
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(write), type: 2 }] });
    await cleared;
  });

  it('references and definition of a global span files that are not open', async () => {
    const a = join(ws.root, 'rename-a.jb');
    const uri = await client.open(a);
    const pos = { line: 1, character: 3 }; // inside $customer.batch
    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri }, position: pos, context: { includeDeclaration: true } });
    const files = new Set(refs.map((r) => r.uri.split('/').pop()));
    assert.deepEqual([...files].sort(), ['rename-a.jb', 'rename-b.jb']);
    assert.equal(refs.length, 4);
    const defs = await client.request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(join(ws.root, 'rename-b.jb')) }, position: pos });
    assert.ok(Array.isArray(defs));
  });

  it('renames a global across the workspace (both spellings), validating the new name', async () => {
    const a = join(ws.root, 'rename-a.jb');
    const b = join(ws.root, 'rename-b.jb');
    const uri = uriOf(a);
    const pos = { line: 1, character: 5 };
    const prep = await client.request<{ range: Range; placeholder: string }>('textDocument/prepareRename', { textDocument: { uri }, position: pos });
    assert.equal(prep.placeholder, 'customer.batch');
    const edit = await client.request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'order.batch' });
    const newA = applyWorkspaceEdit(readFileSync(a, 'utf8'), edit, uri);
    const newB = applyWorkspaceEdit(readFileSync(b, 'utf8'), edit, uriOf(b));
    assert.match(newA, /\$order\.batch = "nightly"/);
    assert.equal((newB.match(/\$order\.batch/g) ?? []).length, 2);
    assert.match(newB, /Set\("order\.batch"/);
    assert.ok(!/customer\.batch/.test(newA + newB));
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'bad-name' }), /not a valid/);
    await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position: pos, newName: 'ctx.outbound' }), /already exists/);
    const secrets = await client.open(join(ws.root, 'secrets.jb'));
    const sysvar = client.textOf(secrets).split('\n')[4].indexOf('$jitterbit.operation.name') + 5;
    await assert.rejects(client.request('textDocument/prepareRename', { textDocument: { uri: secrets }, position: { line: 4, character: sysvar } }), /cannot be renamed/);
  });
});

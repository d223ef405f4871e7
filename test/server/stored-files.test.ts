import { strict as assert } from 'node:assert';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { ResolveExtractResult, VaultListResult, VaultLocateFindingResult } from '../../protocol/src/index';
import { applyWorkspaceEdit, copyFixtures, TestClient, uriOf } from './lsp-client';

/** Polls `test` until it holds (or fails after 10 s). */
async function until(test: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Files that are not open keep no text in the server (their summaries serve the workspace): whatever needs a text
 * reads the file again from disk.
 */
describe('server: files that are not open are read again from disk', function () {
  this.timeout(30000);
  let ws: ReturnType<typeof copyFixtures>;
  let client: TestClient;
  const list = (): Promise<VaultListResult> =>
    client.request<VaultListResult>('jitterbitGuard/vault/list', { folderUri: uriOf(ws.root), manifestPath: '.jitterbit/project-variables.json', environments: ['default'] });

  before(async () => {
    ws = copyFixtures();
    client = await TestClient.start({ root: ws.root, clientCommands: true });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('a file that can no longer be read is left out, and the output channel names it', async () => {
    const path = join(ws.root, 'secrets.jb');
    // No watched-file event: the server finds out when it reads the file again (the first listing analyses it).
    rmSync(path);
    const result = await list();
    assert.ok(!result.findings.some((f) => f.uri === uriOf(path)), 'no findings of an unreadable file');
    await until(() => client.logs.some((l) => l.includes(path)), 'the warning');
    const message = client.logs.find((l) => l.includes(path)) as string;
    assert.match(message, /could not be read \(ENOENT\).*left out of the analysis until it changes on disk/);
  });

  it('the Secrets Vault lists the secrets of files that are not open, and extracts one with edits made from the disk text', async () => {
    const path = join(ws.root, 'cross-write.jb');
    const uri = uriOf(path);
    const found = (await list()).findings.find((f) => f.uri === uri);
    assert.ok(found, 'the closed writer has a secret finding');
    const located = await client.request<VaultLocateFindingResult>('jitterbitGuard/vault/locateFinding', { uri, line: found.range.start.line, ruleId: found.ruleId });
    assert.ok(located.args, 'the finding can be extracted');
    const res = await client.request<ResolveExtractResult>('jitterbitGuard/resolveExtract', located.args);
    assert.equal(res.found, true);
    const text = readFileSync(path, 'utf8');
    const fixed = applyWorkspaceEdit(text, res.edit as never, uri);
    assert.ok(res.name && res.secretValue && text.includes(res.secretValue));
    assert.ok(fixed.includes(`$${res.name}`) && !fixed.includes(res.secretValue), fixed);
  });

  it('a cross-file finding in an open reader points at the closed writer, located in its text on disk', async () => {
    const log = join(ws.root, 'cross-log.jb');
    const waiting = client.nextDiagnostics(uriOf(log), (ds) => ds.some((d) => String(d.code).startsWith('logging/')));
    await client.open(log);
    const d = (await waiting).find((x) => String(x.code).startsWith('logging/')) as Diagnostic;
    const related = d.relatedInformation?.find((r) => r.location.uri === uriOf(join(ws.root, 'cross-write.jb')));
    assert.ok(related, JSON.stringify(d));
    // `$ctx.outbound = "Bearer …"` is line 3 of the writer; the origin is the literal assigned there.
    assert.equal(related.location.range.start.line, 2);
    await client.close(uriOf(log));
  });

  it('a file that changed on disk (watched-file event) is read again', async () => {
    const path = join(ws.root, 'pii.jb');
    const uri = uriOf(path);
    writeFileSync(path, '<trans>\n$api.password = "Zq7Wv2Lp9XkR4mTn";\n</trans>\n'); // a fake credential for the test
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
    // The server reads the file when the notification arrives; a listing may run before that.
    let found: VaultListResult['findings'] = [];
    await until(async () => (found = (await list()).findings.filter((f) => f.uri === uri)).length > 0, 'the new finding');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.equal(found[0].range.start.line, 1);
  });
});

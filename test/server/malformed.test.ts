import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURES, TestClient, uriOf } from './lsp-client';

// A malformed or out-of-place request gets an answer (an error or an empty result), never a crash or a hang, and
// the server keeps serving the next request.
describe('server: malformed requests', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ root: FIXTURES });
  });
  after(() => client.stop());

  const answer = async (method: string, params: unknown): Promise<{ ok: boolean; value?: unknown; message?: string }> => {
    try {
      return { ok: true, value: await client.conn.sendRequest(method, params) };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  };

  it('answers requests for unknown documents, missing fields and wrong types without dying', async () => {
    const cases: [string, unknown][] = [
      ['textDocument/hover', { textDocument: { uri: 'file:///nowhere/missing.jb' }, position: { line: 0, character: 0 } }],
      ['textDocument/hover', { textDocument: {}, position: null }],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///nowhere/missing.jb' }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [{ data: 'not an object' }] } }],
      ['textDocument/codeAction', { textDocument: { uri: 42 }, context: null }],
      ['textDocument/completion', { textDocument: { uri: 'file:///nowhere/x.jb' }, position: { line: -5, character: 1e9 } }],
      ['textDocument/rename', { textDocument: { uri: 'file:///nowhere/x.jb' }, position: { line: 0, character: 0 }, newName: 'bad name(' }],
      ['textDocument/documentSymbol', { textDocument: null }],
      ['workspace/executeCommand', { command: 'jitterbitGuard.noSuchCommand', arguments: [{}] }],
    ];
    for (const [method, params] of cases) {
      const r = await answer(method, params);
      // Either an empty result or an error message; an error must not carry a stack trace to the client.
      if (!r.ok) assert.ok(r.message && !/\n\s+at /.test(r.message), `${method}: ${r.message}`);
    }
  });

  it('still analyses documents afterwards', async () => {
    const path = join(FIXTURES, 'secrets.jb');
    const waiting = client.nextDiagnostics(uriOf(path), (ds: Diagnostic[]) => ds.some((d) => String(d.code).startsWith('secrets/')));
    await client.open(path);
    const ds = await waiting;
    assert.ok(ds.length > 0);
  });
});

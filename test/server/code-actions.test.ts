import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Command, Diagnostic } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit, FIXTURES, TestClient, uriOf } from './lsp-client';

type Action = CodeAction | Command;
const isAction = (a: Action): a is CodeAction => typeof (a as CodeAction).title === 'string' && typeof (a as Command).command !== 'string';
const syntaxErrors = (ds: Diagnostic[]): number => ds.filter((d) => String(d.code).startsWith('syntax/')).length;

/** Opens `text` as a fresh document in the server and resolves with its first diagnostics. */
async function diagnose(client: TestClient, name: string, text: string): Promise<Diagnostic[]> {
  const path = join(FIXTURES, name);
  const waiting = client.nextDiagnostics(uriOf(path));
  await client.open(path, name.endsWith('.js') ? 'jitterbit-javascript' : 'jitterbit', text);
  const ds = await waiting;
  await client.close(uriOf(path));
  return ds;
}

async function actionsFor(client: TestClient, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  const res = await client.request<Action[] | null>('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] } });
  return (res ?? []).filter(isAction);
}

describe('server: code actions from recorded fixes (any LSP client)', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ root: FIXTURES });
  });
  after(() => client.stop());

  for (const name of ['secrets.jb', 'cross-log.jb', 'cross-write.jb', 'api-call.js', 'pii.jb']) {
    it(`every edit fix of ${name} re-parses without new errors and removes its finding`, async () => {
      const path = join(FIXTURES, name);
      const original = readFileSync(path, 'utf8');
      const uri = uriOf(path);
      const waiting = client.nextDiagnostics(uri, (ds) => ds.length > 0);
      await client.open(path, name.endsWith('.js') ? 'jitterbit-javascript' : 'jitterbit', original);
      const ds = await waiting;
      const baselineSyntax = syntaxErrors(ds);
      let checked = 0;
      for (const d of ds.filter((x) => !String(x.code).startsWith('syntax/'))) {
        const actions = await actionsFor(client, uri, d);
        assert.ok(actions.length > 0, `no code action for ${String(d.code)}`);
        for (const a of actions.filter((x) => x.edit)) {
          const fixed = applyWorkspaceEdit(original, a.edit, uri);
          assert.notEqual(fixed, original, `"${a.title}" changes nothing`);
          const after = await diagnose(client, `fixed-${checked}-${name}`, fixed);
          assert.equal(syntaxErrors(after), baselineSyntax, `"${a.title}" introduced a syntax error: ${JSON.stringify(after.map((x) => x.message))}`);
          const still = after.filter((x) => x.code === d.code && x.range.start.line === d.range.start.line + (fixed.split('\n').length - original.split('\n').length));
          assert.deepEqual(still.map((x) => x.message), [], `"${a.title}" did not remove ${String(d.code)}`);
          checked++;
        }
      }
      assert.ok(checked > 0, 'no edit fix was checked');
      await client.close(uri);
    });
  }

  it('offers a suppression with a reason placeholder that silences exactly that finding', async () => {
    const path = join(FIXTURES, 'secrets.jb');
    const uri = uriOf(path);
    const waiting = client.nextDiagnostics(uri, (ds) => ds.length > 0);
    const text = readFileSync(path, 'utf8');
    await client.open(path, 'jitterbit', text);
    const d = (await waiting).find((x) => String(x.code).startsWith('secrets/')) as Diagnostic;
    const suppress = (await actionsFor(client, uri, d)).find((a) => /suppress/i.test(a.title));
    assert.ok(suppress?.edit, 'suppress action with an edit');
    const fixed = applyWorkspaceEdit(text, suppress.edit, uri);
    assert.match(fixed, new RegExp(`// jitterbit-guard-disable-next-line ${String(d.code)} -- <reason>`));
    const after = await diagnose(client, 'suppressed-secrets.jb', fixed);
    assert.ok(!after.some((x) => x.code === d.code), JSON.stringify(after.map((x) => x.code)));
    await client.close(uri);
  });

  it('source.fixAll.jitterbitGuard applies the safe fixes in one edit', async () => {
    const path = join(FIXTURES, 'cross-log.jb');
    const uri = uriOf(path);
    const text = readFileSync(path, 'utf8');
    const waiting = client.nextDiagnostics(uri, (ds) => ds.length > 0);
    await client.open(path, 'jitterbit', text);
    const before = await waiting;
    const res = (await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.jitterbitGuard'] },
    })).filter(isAction);
    assert.equal(res.length, 1);
    assert.equal(res[0].kind, 'source.fixAll.jitterbitGuard');
    const fixed = applyWorkspaceEdit(text, res[0].edit, uri);
    const after = await diagnose(client, 'fixall-cross-log.jb', fixed);
    assert.ok(after.length < before.length, `${after.length} findings after fix-all, ${before.length} before`);
    assert.equal(syntaxErrors(after), 0);
    await client.close(uri);
  });

  it('source.fixAll replaces every piece of test PII with a synthetic reserved value', async () => {
    const path = join(FIXTURES, 'pii.jb');
    const uri = uriOf(path);
    const text = readFileSync(path, 'utf8');
    const waiting = client.nextDiagnostics(uri, (ds) => ds.filter((d) => String(d.code).startsWith('pii/')).length >= 2);
    await client.open(path, 'jitterbit', text);
    await waiting;
    const [all] = (await client.request<Action[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })).filter(isAction);
    const fixed = applyWorkspaceEdit(text, all?.edit, uri);
    assert.ok(!fixed.includes('maria.keller@gmail.com') && !fixed.includes('415 555 2671'), fixed);
    assert.match(fixed, /@example\.com/);
    const after = await diagnose(client, 'fixall-pii.jb', fixed);
    assert.deepEqual(after.filter((d) => String(d.code).startsWith('pii/')), []);
    await client.close(uri);
  });

  it('a stale key (the document changed since diagnosis) yields no action', async () => {
    const path = join(FIXTURES, 'secrets.jb');
    const uri = uriOf(path);
    const waiting = client.nextDiagnostics(uri, (ds) => ds.length > 0);
    await client.open(path);
    const d = (await waiting)[0];
    const next = client.nextDiagnostics(uri);
    await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await next;
    assert.deepEqual(await actionsFor(client, uri, d), []);
    await client.close(uri);
  });
});

describe('server: extract to project variable (client performs the vault write)', function () {
  this.timeout(30000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ root: FIXTURES, clientCommands: true });
  });
  after(() => client.stop());

  it('the extract action carries only a command with the key; resolveExtract returns value and edit', async () => {
    const path = join(FIXTURES, 'secrets.jb');
    const uri = uriOf(path);
    const text = readFileSync(path, 'utf8');
    const waiting = client.nextDiagnostics(uri, (ds) => ds.some((d) => String(d.code).startsWith('secrets/')));
    await client.open(path, 'jitterbit', text);
    const d = (await waiting).find((x) => String(x.code).startsWith('secrets/')) as Diagnostic;
    const actions = await actionsFor(client, uri, d);
    const extract = actions.find((a) => a.command?.command === 'jitterbitGuard.extractToProjectVariable');
    assert.ok(extract, JSON.stringify(actions.map((a) => a.title)));
    assert.equal(extract.edit, undefined, 'the edit waits for the vault write');
    assert.ok(!JSON.stringify(extract).includes('Qz8vN3kLp7Wx2RtY'), 'the action does not carry the secret');
    assert.ok(actions.some((a) => a.command?.command === 'jitterbitGuard.openRuleDocs'), 'open docs action');
    const args = extract.command?.arguments?.[0] as { key: string; fixIndex: number; uri: string };
    assert.equal(args.key, (d.data as { key: string }).key);
    const res = await client.request<{ found: boolean; name: string; hidden: boolean; secretValue: string; edit: { changes: Record<string, unknown> } }>('jitterbitGuard/resolveExtract', args);
    assert.equal(res.found, true);
    assert.equal(res.secretValue, 'Qz8vN3kLp7Wx2RtY');
    assert.equal(res.hidden, true);
    assert.match(res.name, /^[A-Za-z_][\w.]*$/);
    const fixed = applyWorkspaceEdit(text, res.edit as never, uri);
    assert.ok(fixed.includes(`$${res.name}`) && !fixed.includes('Qz8vN3kLp7Wx2RtY'));
    const missing = await client.request<{ found: boolean }>('jitterbitGuard/resolveExtract', { ...args, key: 'no-such-key' });
    assert.equal(missing.found, false);
  });
});

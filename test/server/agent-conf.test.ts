import { strict as assert } from 'node:assert';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { VaultListResult } from '../../protocol/src/index';
import { hex, password } from '../rules/fakes';
import { TestClient, uriOf } from './lsp-client';

// Agent configuration under other names than `jitterbit.conf`: the editor takes the files the CLI takes (copies and
// variants by name, other `.conf` files by jitterbit.conf's own sections), and leaves other tools' `.conf` files out.
const pw = password(711);
const tok = hex(712, 40);
const AGENT = ['# Private agent "edge-03"', '[Settings]', 'JavaScriptMaxIterations=100000', '[PredefinedGlobalVariables]', `erp_api_token=${tok}`, ''].join('\n');
const BAK = ['# copy before the upgrade', '[SMTP]', 'server=smtp.northwind-ops.com', `password=${pw}`, ''].join('\n');
/** Polls until `test` holds: a watched-file event is handled while the next request may already run. */
async function until(test: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10000;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const OTHER = ['[mysqld]', 'user=mysql', `password=${pw}`, '[client]', 'port=3306', ''].join('\n');

describe('server: agent configuration files under other names', function () {
  this.timeout(30000);
  let root: string;
  let client: TestClient;
  const list = (): Promise<VaultListResult> =>
    client.request<VaultListResult>('jitterbitGuard/vault/list', { folderUri: uriOf(root), manifestPath: '.jitterbit/project-variables.json', environments: ['default'] });
  const agentFindings = async (name: string): Promise<string[]> =>
    (await list()).findings.filter((f) => f.uri === uriOf(join(root, name))).map((f) => f.ruleId);

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'jg-conf-'));
    writeFileSync(join(root, 'jitterbit.conf.bak'), BAK);
    writeFileSync(join(root, 'agent.conf'), AGENT);
    writeFileSync(join(root, 'my.conf'), OTHER);
    // Other tools' files the CLI would not pick either: a binary and a huge `.conf` (no "skipped" message for them).
    writeFileSync(join(root, 'cache.conf'), Buffer.from([0, 1, 2, 3, 0, 0, 255, 254, 0, 7]));
    writeFileSync(join(root, 'huge.conf'), `[mysqld]\nuser=mysql\n${'# padding\n'.repeat(900_000)}`);
    client = await TestClient.start({ root, clientCommands: true });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('indexes jitterbit.conf.bak and a .conf with jitterbit sections, not another tool\'s .conf', async () => {
    assert.deepEqual(await agentFindings('jitterbit.conf.bak'), ['secrets/agent-config']);
    assert.deepEqual(await agentFindings('agent.conf'), ['secrets/agent-config']);
    assert.deepEqual(await agentFindings('my.conf'), []);
    assert.ok(client.logs.some((l) => /^Indexed 2 files/.test(l)), client.logs.join('\n'));
    assert.deepEqual(client.messages.filter((m) => /skipped/i.test(m.message)), []);
  });

  it('publishes diagnostics for the open agent configurations, masked, and none for the other .conf', async () => {
    for (const [name, line] of [['jitterbit.conf.bak', 3], ['agent.conf', 4]] as const) {
      const path = join(root, name);
      const waiting = client.nextDiagnostics(uriOf(path), (ds) => ds.length > 0);
      await client.open(path, 'properties');
      const ds = await waiting;
      assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['secrets/agent-config', line]], name);
      assert.ok(!ds[0].message.includes(pw) && !ds[0].message.includes(tok), ds[0].message);
    }
    const other = join(root, 'my.conf');
    const none = client.nextDiagnostics(uriOf(other));
    await client.open(other, 'properties');
    assert.deepEqual(await none, []);
    const completion = await client.request<unknown[]>('textDocument/completion', { textDocument: { uri: uriOf(other) }, position: { line: 1, character: 0 } });
    assert.deepEqual(completion, [], 'no Jitterbit completions in another tool\'s .conf');
  });

  it('a watched .conf gaining or losing jitterbit.conf\'s sections enters or leaves the index', async () => {
    const path = join(root, 'edge.conf');
    writeFileSync(path, OTHER);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 1 }] });
    const found = async (): Promise<string> => (await agentFindings('edge.conf')).join();
    writeFileSync(path, AGENT);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 2 }] });
    await until(async () => (await found()) === 'secrets/agent-config', 'edge.conf indexed');
    writeFileSync(path, OTHER);
    await client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path), type: 2 }] });
    await until(async () => (await found()) === '', 'edge.conf left out');
    // Not indexed while it was another tool's file: the first event (created) took nothing in.
    assert.ok(!(await list()).findings.some((f) => f.uri.endsWith('/my.conf')));
  });
});

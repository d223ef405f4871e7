import { strict as assert } from 'node:assert';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { copyFixtures, TestClient, uriOf } from './lsp-client';

/**
 * Flows of several hops in the editor: hop-a.jb stores a header in a global, hop-b.jb copies it into another, hop-c.jb
 * logs that one. An open hop-c.jb shows the finding (neither other script open), and an edit of hop-a.jb reaches it
 * through hop-b.jb (its dependents through several hops are refreshed).
 */
const A = '<trans>\n$hop.a = $jitterbit.api.request.headers.authorization;\n</trans>\n';
const A_CLEAN = '<trans>\n$hop.a = "nothing";\n</trans>\n';
const isLogFinding = (ds: Diagnostic[]): boolean => ds.some((d) => String(d.code) === 'logging/sensitive-data' && /hop\.b/.test(d.message));

describe('server: flows of several hops between scripts', function () {
  this.timeout(30000);
  let ws: ReturnType<typeof copyFixtures>;
  let client: TestClient;
  before(async () => {
    ws = copyFixtures();
    writeFileSync(join(ws.root, 'hop-a.jb'), A);
    writeFileSync(join(ws.root, 'hop-b.jb'), '<trans>\n$hop.b = "seen " + $hop.a;\n</trans>\n');
    writeFileSync(join(ws.root, 'hop-c.jb'), '<trans>\nWriteToOperationLog("c " + $hop.b);\n</trans>\n');
    client = await TestClient.start({ root: ws.root });
  });
  after(async () => {
    await client.stop();
    ws.dispose();
  });

  it('reports in the open third script what the first one stored, and follows edits of the first', async () => {
    const c = join(ws.root, 'hop-c.jb');
    const found = client.nextDiagnostics(uriOf(c), isLogFinding);
    await client.open(c);
    const d = (await found).find((x) => String(x.code) === 'logging/sensitive-data') as Diagnostic;
    assert.match(d.message, /hop\.b.*hop\.a/);
    assert.ok(d.relatedInformation?.some((r) => r.location.uri === uriOf(join(ws.root, 'hop-b.jb'))), 'related info points at the last store');

    const a = uriOf(join(ws.root, 'hop-a.jb'));
    await client.open(join(ws.root, 'hop-a.jb'));
    const cleared = client.nextDiagnostics(uriOf(c), (ds) => !isLogFinding(ds));
    await client.setText(a, A_CLEAN);
    await cleared;
    const back = client.nextDiagnostics(uriOf(c), isLogFinding);
    await client.setText(a, A);
    await back;
  });
});

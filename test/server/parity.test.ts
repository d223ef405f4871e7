import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURES, REPO, TestClient, uriOf } from './lsp-client';

interface CliFinding {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The CLI's findings (JSON report, 1-based positions) for the fixture workspace, keyed by file name. */
function cliFindings(): Map<string, string[]> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(REPO, 'core/src/cli/main.ts'), '.', '--format', 'json'], { cwd: FIXTURES, encoding: 'utf8' });
  assert.ok(r.status === 0 || r.status === 1, `CLI exit ${r.status}: ${r.stderr}`);
  const report = JSON.parse(r.stdout) as { files: { path: string; findings: CliFinding[] }[] };
  const out = new Map<string, string[]>();
  for (const f of report.files) out.set(f.path, f.findings.map((x) => `${x.ruleId} ${x.line}:${x.column}-${x.endLine}:${x.endColumn} ${x.message}`).sort());
  return out;
}

const asCli = (d: Diagnostic): string =>
  `${String(d.code)} ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.message}`;

describe('server and CLI: one engine, one config lookup', function () {
  this.timeout(60000);
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ root: FIXTURES });
  });
  after(() => client.stop());

  it('publishes exactly the findings the CLI reports, for every fixture', async () => {
    const cli = cliFindings();
    const names = readdirSync(FIXTURES).filter((f) => /\.(jb|js)$/.test(f));
    assert.ok(names.length >= 8);
    let compared = 0;
    for (const name of names) {
      const path = join(FIXTURES, name);
      const waiting = client.nextDiagnostics(uriOf(path));
      await client.open(path, name.endsWith('.js') ? 'jitterbit-javascript' : 'jitterbit');
      const lsp = (await waiting).map(asCli).sort();
      assert.deepEqual(lsp, cli.get(name) ?? [], `${name}: server and CLI disagree`);
      compared += lsp.length;
    }
    assert.ok(compared >= 5, `only ${compared} findings compared`);
  });
});

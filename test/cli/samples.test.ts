/* eslint-disable @typescript-eslint/no-explicit-any -- SARIF is walked as untyped JSON in assertions */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { ensureBuilt, REPO, runCli } from './helpers';

describe('samples/ and npm start', function () {
  this.timeout(120000);
  before(() => ensureBuilt());

  it('the sample workspace has findings of each category and leaves its traps alone', () => {
    const r = runCli(['samples', '--format', 'json'], REPO);
    assert.equal(r.code, 1, r.stderr);
    const doc = JSON.parse(r.stdout);
    const all = doc.files.flatMap((f: any) => f.findings.map((x: any) => ({ ...x, path: f.path })));
    for (const cat of ['secret', 'sensitive-logging', 'pii']) assert.ok(all.filter((x: any) => x.category === cat).length >= 2, cat);
    // The cross-script flow: a key stored in 01-authenticate.jb is logged in 02-post-orders.jb.
    assert.ok(all.some((x: any) => x.path === 'samples/scripts/02-post-orders.jb' && x.line === 15 && x.category === 'sensitive-logging'));
    // Traps: reserved/role values, masked logging, references and the clean script stay clean.
    const at = (p: string, line: number): unknown[] => all.filter((x: any) => x.path === p && x.line === line);
    for (const line of [8, 9, 10, 11]) assert.deepEqual(at('samples/scripts/03-customer-test-data.jb', line), [], `line ${line}`);
    assert.deepEqual(at('samples/scripts/02-post-orders.jb', 12), [], 'masked log line');
    assert.deepEqual(at('samples/scripts/01-authenticate.jb', 12), [], 'project variable reference');
    assert.ok(!all.some((x: any) => x.path === 'samples/scripts/04-error-handler.jb'));
    assert.ok(!all.some((x: any) => x.path.endsWith('.jitterbit-guard.json')), 'the config file is not analysed');
  });

  it('scripts/start.mjs prints the findings and a summary, writes SARIF and exits 0', () => {
    const sarif = path.join(REPO, 'jitterbit-guard.sarif');
    rmSync(sarif, { force: true });
    const r = spawnSync(process.execPath, ['scripts/start.mjs'], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /samples\/scripts\/01-authenticate\.jb:\d+:\d+ {2}error/);
    assert.match(r.stdout, /✖ \d+ problems/);
    assert.match(r.stdout, /CLI exit code: 1/);
    const doc = JSON.parse(readFileSync(sarif, 'utf8'));
    const rules = doc.runs[0].tool.driver.rules;
    const cwes = new Set(doc.runs[0].results.flatMap((res: any) => rules[res.ruleIndex].properties.tags));
    for (const t of ['external/cwe/cwe-798', 'external/cwe/cwe-532', 'external/cwe/cwe-359']) assert.ok(cwes.has(t), t);
  });
});

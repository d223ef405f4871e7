/* eslint-disable @typescript-eslint/no-explicit-any -- reports are walked as untyped JSON in assertions */
import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runProjectTask, type ProjectTask, type TaskResult } from '../../core/src/cli/analyze';
import { ConfigCache } from '../../core/src/cli/config';
import { discover } from '../../core/src/cli/discover';
import { runTasks } from '../../core/src/cli/pool';
import { ProjectGrouper } from '../../core/src/cli/projects';
import { FORCE_SPLIT_ENV, shouldSplit, SPLIT_MIN_BYTES, WORKER_MIN_BYTES } from '../../core/src/cli/schedule';
import { mergeDeclarations, planSlices, shareSlices, SliceRunner, type SliceOutcome } from '../../core/src/cli/slices';
import { PROJECT_ROUNDS, type SharedGlobalWrite } from '../../core/src/engine/project';
import { runSplitTask } from '../../core/src/cli/split';
import { WorkerSupply } from '../../core/src/cli/workers';
import { cloudExport } from '../rules/hosts';
import { CLI, ensureBuilt, fakeSecrets, runCli, tmpDir, writeTree } from './helpers';

/**
 * One project split across threads must report exactly what one thread reports: the cross-file flows (a global
 * tainted in one script and logged in another, a hidden project variable declared in an export and read in a
 * script) are found although writer and reader sit in different threads.
 */

/** Comment lines that give a file the size the slice plan needs. */
function pad(bytes: number): string {
  return '// filler to set the file size for the slice plan\n'.repeat(Math.ceil(bytes / 52));
}

function crossFileProject(): { dir: string; secrets: string[] } {
  const dir = tmpDir('jg-split-');
  const s = fakeSecrets(41);
  const exp = cloudExport({
    projectVariables: [{ name: 'erp_signing', value: '', hidden: true }, { name: 'erp_region', value: 'eu-west-1' }],
    scripts: [{ name: 'Sign request', body: `<trans>\n$erp.sig = $erp_signing;\n</trans>` }],
  });
  const files: Record<string, string> = {
    // The export makes this folder the project root; it declares the hidden project variable.
    'project.json': exp.text.replace('"Northwind Integrations"', `"Northwind Integrations", "description": "${'x'.repeat(7000)}"`),
    // A global tainted here ...
    'scripts/auth/login.jb': `<trans>\n// Login step\n$session.token = "${s.password}";\n${pad(9000)}</trans>\n`,
    // ... and logged here, with a related location pointing at the line above.
    'scripts/post/log-token.jb': `<trans>\nWriteToOperationLog("token " + $session.token);\n${pad(8000)}</trans>\n`,
    // The hidden project variable read directly, and through the global the export's script sets from it.
    'scripts/erp/sign.jb': `<trans>\nWriteToOperationLog("sig " + $erp_signing);\nWriteToOperationLog("via global " + $erp.sig);\n${pad(6000)}</trans>\n`,
    // Two files taint one global: the reader gets the first writer in path order that is not itself.
    'scripts/keys/a-key.jb': `<trans>\n$shared.secret = "${s.aws}";\n${pad(5000)}</trans>\n`,
    'scripts/keys/b-key.jb': `<trans>\nWriteToOperationLog("key " + $shared.secret);\n$shared.secret = $api_password;\n${pad(3900)}</trans>\n`,
    'scripts/keys/use-key.jb': `<trans>\nRaiseError("bad key " + $shared.secret);\n${pad(3500)}</trans>\n`,
    // A file that is not Jitterbit content (skipped) and one that does not parse.
    'package.json': JSON.stringify({ name: 'not-jitterbit', version: '1.0.0' }),
    'scripts/broken.jb': '<trans>\nx = (1 + ;\n</trans>\n',
  };
  for (let i = 0; i < 24; i++) {
    files[`scripts/bulk/s${String(i).padStart(2, '0')}.jb`] = `<trans>\n$bulk.n${i} = ${i};\nWriteToOperationLog("n " + $bulk.n${(i + 1) % 24} + " " + $session.token);\n${pad(200 + 97 * i)}</trans>\n`;
  }
  writeTree(dir, files);
  return { dir, secrets: [s.password, s.aws] };
}

function projectTask(dir: string): ProjectTask {
  const configs = new ConfigCache();
  const found = discover(['.'], dir, dir, configs);
  const groups = new ProjectGrouper(dir).group(found.files);
  assert.equal(groups.length, 1, 'one project');
  return { id: 0, key: groups[0].key, files: groups[0].files };
}

const stripTimes = (t: string): string => t.replace(/"(startTimeUtc|endTimeUtc)": "[^"]*",?/g, '');
const sorted = (r: TaskResult): TaskResult => ({ ...r, files: [...r.files].sort((a, b) => (a.path < b.path ? -1 : 1)), notifications: [...r.notifications].sort((a, b) => (a.message < b.message ? -1 : 1)) });

/** A worker script that runs the real CLI worker but notes every request and ends its thread at one of them. */
function dyingWorker(dieAt: string | undefined): { script: string; seen: () => string[] } {
  const dir = tmpDir('jg-split-worker-');
  const log = path.join(dir, 'seen.txt');
  writeFileSync(log, '');
  const script = path.join(dir, 'worker.cjs');
  writeFileSync(
    script,
    `const { parentPort } = require('node:worker_threads');
const { appendFileSync } = require('node:fs');
parentPort.on('message', (m) => {
  appendFileSync(${JSON.stringify(log)}, m.kind + '\\n');
  if (m.kind === ${JSON.stringify(dieAt ?? '')}) process.exit(3);
});
require(${JSON.stringify(CLI)});
`,
  );
  return { script, seen: () => readFileSync(log, 'utf8').split('\n').filter(Boolean) };
}

describe('cli: one project split across threads', function () {
  this.timeout(120000);
  before(() => ensureBuilt());

  it('the fixture puts each writer and its reader in different slices (so the exchange is exercised)', () => {
    const { dir } = crossFileProject();
    const task = projectTask(dir);
    const slices = planSlices(task.key, task.files, 2);
    const sliceOf = (rel: string): number => slices.findIndex((s) => s.files.some((f) => f.rel === rel));
    const plan = slices.map((s) => s.files.map((f) => `${f.rel}:${f.size}`).join(' ')).join('\n');
    assert.notEqual(sliceOf('scripts/auth/login.jb'), sliceOf('scripts/post/log-token.jb'), plan);
    assert.notEqual(sliceOf('project.json'), sliceOf('scripts/erp/sign.jb'), plan);
    assert.notEqual(sliceOf('scripts/keys/a-key.jb'), sliceOf('scripts/keys/use-key.jb'), plan);
    assert.notEqual(sliceOf('scripts/keys/a-key.jb'), sliceOf('scripts/keys/b-key.jb'), plan);
    // Every file in exactly one slice, each slice in the project's order, bytes balanced.
    assert.deepEqual(slices.flatMap((s) => s.indices).sort((a, b) => a - b), task.files.map((_, i) => i));
    for (const s of slices) assert.deepEqual(s.indices, [...s.indices].sort((a, b) => a - b));
    const bytes = slices.map((s) => s.files.reduce((n, f) => n + f.size, 0));
    assert.ok(Math.max(...bytes) / Math.min(...bytes) < 1.2, `balanced: ${bytes.join(' / ')}`);
  });

  it('flows of several hops cross the slices: the split report equals the one-thread report', () => {
    const dir = tmpDir('jg-split-hops-');
    // A chain a → b → c → d → e through globals, a RunScript argument passed on twice, RunScript results (f, g, h);
    // the files land in different slices, so each round of the second pass must reach the other thread.
    writeTree(dir, {
      'a.jb': '<trans>\n$inbound.hdr = $jitterbit.api.request.headers.authorization;\nRunScript("<TAG>script:b</TAG>", root$transaction.request$body$Employee$SSN$);\n</trans>\n',
      'b.jb': '<trans>\n$stage.one = "seen " + $inbound.hdr;\nRunScript("<TAG>script:c</TAG>", _1);\n</trans>\n',
      'c.jb': '<trans>\n$stage.two = $stage.one;\nWriteToOperationLog("value " + _1);\n</trans>\n',
      'd.jb': '<trans>\n$stage.three = Trim($stage.two);\n</trans>\n',
      'e.jb': '<trans>\nWriteToOperationLog("final " + $stage.three);\n</trans>\n',
      // RunScript results: a session returned, and an argument returned back (a round to the callee and one back).
      'f.jb': '<trans>\n$f.sess = SalesforceLogin("sf_org");\n</trans>\n',
      'g.jb': '<trans>\nWriteToOperationLog("s " + RunScript("<TAG>script:f</TAG>"));\nr = RunScript("<TAG>script:h</TAG>", $jitterbit.api.request.headers.x_api_key);\nRaiseError("r " + r);\n</trans>\n',
      'h.jb': '<trans>\n"k=" + _1\n</trans>\n',
    });
    const env = { [FORCE_SPLIT_ENV]: 'strict' };
    const one = runCli(['.', '--format', 'json', '--workers', '1'], dir, env);
    const two = runCli(['.', '--format', 'json', '--workers', '2'], dir, env);
    assert.equal(two.code, 1, two.stderr);
    assert.equal(two.stdout, one.stdout);
    const doc = JSON.parse(one.stdout) as { files: { path: string; findings: { ruleId: string }[] }[] };
    const logs = (p: string): number => doc.files.find((f) => f.path === p)?.findings.filter((f) => f.ruleId === 'logging/sensitive-data').length ?? 0;
    assert.equal(logs('c.jb'), 1, 'the RunScript argument passed on by b.jb');
    assert.equal(logs('e.jb'), 1, 'the global tainted through b, c and d');
    assert.equal(logs('g.jb'), 2, 'the results of f.jb and h.jb');
  });

  it('--workers 2 (split forced) gives byte-identical JSON and SARIF to --workers 1, cross-file findings included', () => {
    const { dir, secrets } = crossFileProject();
    const env = { [FORCE_SPLIT_ENV]: 'strict' };
    const one = runCli(['.', '--format', 'json', '--workers', '1'], dir, env);
    const two = runCli(['.', '--format', 'json', '--workers', '2'], dir, env);
    const three = runCli(['.', '--format', 'json', '--workers', '3'], dir, env);
    assert.equal(one.code, 1, one.stderr);
    assert.equal(two.code, 1, two.stderr);
    assert.equal(two.stdout, one.stdout);
    assert.equal(three.stdout, one.stdout);
    assert.equal(two.stderr, one.stderr);
    const doc = JSON.parse(one.stdout);
    const at = (p: string): any[] => doc.files.find((f: any) => f.path === p)?.findings ?? [];
    const logged = at('scripts/post/log-token.jb').filter((f: any) => f.ruleId === 'logging/sensitive-data');
    assert.equal(logged.length, 1, 'the global tainted in login.jb is found logged in log-token.jb');
    assert.deepEqual(logged[0].related?.map((x: any) => [x.path, x.line]), [['scripts/auth/login.jb', 3]]);
    const sign = at('scripts/erp/sign.jb').filter((f: any) => f.ruleId === 'logging/sensitive-data');
    assert.equal(sign.length, 2, 'the hidden project variable, directly and through the export\'s global');
    assert.ok(sign.some((f: any) => /hidden project variable/.test(f.message)));
    assert.ok(sign.some((f: any) => f.related?.[0]?.path === 'project.json'), 'related location inside the export');
    // Two writers: the first in path order that is not the reader itself flows in.
    assert.match(at('scripts/keys/use-key.jb').find((f: any) => f.category === 'sensitive-logging')?.message ?? '', /in a-key\.jb/);
    assert.match(at('scripts/keys/b-key.jb').find((f: any) => f.category === 'sensitive-logging')?.message ?? '', /in a-key\.jb/);
    assert.ok(at('scripts/broken.jb').some((f: any) => f.ruleId.startsWith('syntax/')));
    assert.ok(!doc.files.some((f: any) => f.path === 'package.json'), 'non-Jitterbit JSON skipped silently');
    for (const s of secrets) assert.ok(!one.stdout.includes(s), 'no secret value in the report');

    const s1 = runCli(['.', '--format', 'sarif', '--workers', '1'], dir, env);
    const s2 = runCli(['.', '--format', 'sarif', '--workers', '2'], dir, env);
    assert.equal(stripTimes(s2.stdout), stripTimes(s1.stdout));
    for (const s of secrets) assert.ok(!s2.stdout.includes(s));
  });

  it('a project is split only above the size bounds (higher when threads were not asked for), unless tests force it; never with one thread', () => {
    const { dir } = crossFileProject();
    const task = projectTask(dir);
    const total = task.files.reduce((n, f) => n + f.size, 0);
    assert.equal(shouldSplit(task, total, 2, WORKER_MIN_BYTES, false), false, 'small project: today\'s path');
    assert.equal(shouldSplit(task, total, 2, WORKER_MIN_BYTES, true), true);
    assert.equal(shouldSplit(task, total, 1, WORKER_MIN_BYTES, true), false);
    const big = (n: number): ProjectTask => ({ ...task, files: Array.from({ length: n }, (_, i) => ({ ...task.files[0], rel: `f${i}.jb`, size: 20000 })) });
    assert.equal(shouldSplit(big(300), 6_000_000, 2, WORKER_MIN_BYTES, false), true, 'one 6 MB project, threads asked for');
    assert.equal(shouldSplit(big(300), 6_000_000, 2, SPLIT_MIN_BYTES, false), false, 'one 6 MB project, unasked');
    assert.equal(shouldSplit(big(1000), 20_000_000, 2, SPLIT_MIN_BYTES, false), true, 'one 20 MB project, unasked');
    assert.equal(shouldSplit(big(300), 6_000_000 * 4, 2, WORKER_MIN_BYTES, false), false, 'one of several equal projects: the project pool balances them');
  });

  it('a slice done early takes the other slice\'s remaining files: each file analysed once, the same report', () => {
    const { dir } = crossFileProject();
    const task = projectTask(dir);
    const configs = new ConfigCache();
    const single = runProjectTask(task, configs);
    // The threads' timing, replayed in one thread: slice 1 first (it takes all of slice 2), slice 2 first, and slice 2
    // having done the first half of its files when slice 1 comes to take the rest.
    for (const scenario of ['first takes all', 'second takes all', 'halves'] as const) {
      const slices = shareSlices(planSlices(task.key, task.files, 2), task.files.length);
      let progress = 0;
      const runners = slices.map((sl) => new SliceRunner(sl, configs, (n) => (progress += n)));
      const declarations = mergeDeclarations(runners.map((r) => r.load()));
      const claims = new Int32Array((slices[0].share as { claims: SharedArrayBuffer }).claims);
      const second = slices[1].indices;
      if (scenario === 'halves') for (const x of second.slice(0, Math.ceil(second.length / 2))) Atomics.store(claims, x, 2);
      const order = scenario === 'second takes all' ? [1, 0] : [0, 1];
      const writes: SharedGlobalWrite[] = [];
      for (const k of order) writes.push(...runners[k].local(declarations));
      let outcomes: SliceOutcome[] = runners.map((r) => r.incoming(writes));
      for (let round = 1; round < PROJECT_ROUNDS; round++) {
        const learned = outcomes.flatMap((o) => o.learned);
        if (learned.length === 0) break;
        outcomes = runners.map((r) => r.again(learned));
      }
      const merged: TaskResult = { id: task.id, files: outcomes.flatMap((o) => o.files), notifications: outcomes.flatMap((o) => o.notifications), internalErrors: 0, bytes: outcomes.reduce((n, o) => n + o.bytes, 0) };
      assert.deepEqual(sorted(merged), sorted(single), scenario);
      assert.equal(progress, task.files.length, `${scenario}: each file counted once`);
      assert.ok(Array.from(claims).every((c) => c === 1 || c === 2), `${scenario}: every file claimed`);
      const counts = outcomes.map((o) => o.files.length);
      if (scenario === 'first takes all') assert.equal(counts[1], 0, 'slice 2 had nothing left');
      if (scenario === 'second takes all') assert.equal(counts[0], 0, 'slice 1 had nothing left');
      if (scenario === 'halves') {
        assert.ok(counts[0] > 0 && counts[1] > 0, counts.join(' / '));
        assert.ok(second.slice(Math.ceil(second.length / 2)).some((x) => claims[x] === 1), 'slice 1 took the end of slice 2');
      }
    }
  });

  /** Runs the cross-file project split across two threads (the worker dying at `dieAt`, if given) and checks the
   * result equals the single-thread one; returns the steps the worker saw, the progress counted and the file count. */
  async function splitAgainstSingle(dieAt: string | undefined): Promise<{ seen: string[]; progress: number; files: number }> {
    const { dir } = crossFileProject();
    const task = projectTask(dir);
    const configs = new ConfigCache();
    const single = runProjectTask(task, configs);
    const w = dyingWorker(dieAt);
    const supply = new WorkerSupply(w.script, undefined);
    let progress = 0;
    try {
      const split = await runSplitTask(task, { threads: 2, supply, configs, onFiles: (n) => (progress += n) });
      assert.deepEqual(sorted(split), sorted(single));
    } finally {
      await supply.close();
    }
    return { seen: w.seen(), progress, files: task.files.length };
  }

  it('in process: the split result equals the single-thread result, and the worker got the three steps', async () => {
    const r = await splitAgainstSingle(undefined);
    assert.deepEqual(r.seen, ['slice-load', 'slice-local', 'slice-incoming']);
    assert.equal(r.progress, r.files, 'each file counted once');
  });

  for (const step of ['slice-load', 'slice-local', 'slice-incoming']) {
    it(`a worker that dies at ${step}: the main thread analyses the project again, same result, progress counted once`, async () => {
      const r = await splitAgainstSingle(step);
      assert.equal(r.seen[r.seen.length - 1], step, 'the worker died at that step');
      assert.equal(r.progress, r.files);
    });
  }

  it('the project pool still re-runs a dead worker\'s project in the main thread', async () => {
    const { dir } = crossFileProject();
    const task = projectTask(dir);
    const configs = new ConfigCache();
    const tasks = [task, { ...task, id: 1, key: 'copy' }];
    const w = dyingWorker('project');
    const supply = new WorkerSupply(w.script, undefined);
    const results: TaskResult[] = [];
    try {
      await runTasks(tasks, { workers: 2, supply, configs, onResult: (r) => results.push(r), onFiles: () => undefined });
    } finally {
      await supply.close();
    }
    const single = runProjectTask(task, configs);
    assert.deepEqual(results.map((r) => r.id).sort(), [0, 1]);
    for (const r of results) assert.deepEqual(sorted({ ...r, id: 0 }), sorted(single));
    assert.ok(w.seen().filter((k) => k === 'project').length >= 2, 'both workers got a project and died');
  });
});

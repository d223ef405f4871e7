import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { runProjectTask } from '../../core/src/cli/analyze';
import { ConfigCache } from '../../core/src/cli/config';
import type { FileAnalysis } from '../../core/src/engine/project-api';
import { parseArgs, UsageError } from '../../core/src/cli/args';
import { applyBaseline, buildBaseline } from '../../core/src/cli/baseline';
import { Progress } from '../../core/src/cli/progress';
import { selectShard, shardOf, type ProjectGroup } from '../../core/src/cli/projects';
import { toReportFinding, type FileReport } from '../../core/src/report/model';
import { finding, tmpDir, writeTree } from './helpers';

describe('cli: arguments', () => {
  it('parses every option, = forms and defaults', () => {
    const o = parseArgs(['a', 'b/**/*.jb', '--format=sarif', '-o', 'out.sarif', '--config', 'c.json', '--baseline', 'b.json', '--update-baseline', '-q', '--max-warnings', '3', '--fail-level', 'note', '--shard', '2/5', '--workers', '4', '--no-progress']);
    assert.deepEqual(o.paths, ['a', 'b/**/*.jb']);
    assert.equal(o.format, 'sarif');
    assert.equal(o.output, 'out.sarif');
    assert.equal(o.config, 'c.json');
    assert.equal(o.baseline, 'b.json');
    assert.equal(o.updateBaseline, true);
    assert.equal(o.quiet, true);
    assert.equal(o.maxWarnings, 3);
    assert.equal(o.failLevel, 'note');
    assert.deepEqual(o.shard, { index: 2, count: 5 });
    assert.equal(o.workers, 4);
    assert.equal(o.progress, false);
    assert.deepEqual(parseArgs([]).paths, ['.']);
    assert.deepEqual(parseArgs(['--', '--odd-name.jb']).paths, ['--odd-name.jb']);
  });
  it('rejects bad values with a message naming the option', () => {
    const bad: [string[], RegExp][] = [
      [['--format', 'xml'], /--format/],
      [['--max-warnings', '-1'], /--max-warnings/],
      [['--fail-level', 'info'], /--fail-level/],
      [['--shard', '0/2'], /--shard/],
      [['--shard', '1-2'], /--shard/],
      [['--workers', '0'], /--workers/],
      [['--output'], /--output needs a value/],
      [['--quiet=yes'], /takes no value/],
      [['--frobnicate'], /unknown option --frobnicate/],
      [['--update-baseline'], /needs --baseline/],
    ];
    for (const [args, re] of bad) assert.throws(() => parseArgs(args), (e: unknown) => e instanceof UsageError && re.test(e.message), args.join(' '));
  });
});

describe('cli: shards', () => {
  const groups: ProjectGroup[] = Array.from({ length: 40 }, (_, i) => ({ key: `projects/p${i}`, files: [], bytes: 0 }));
  it('assigns every project to exactly one shard, the same way every time', () => {
    const seen = new Map<string, number>();
    for (let i = 1; i <= 4; i++) for (const g of selectShard(groups, i, 4)) {
      assert.ok(!seen.has(g.key), g.key);
      seen.set(g.key, i);
    }
    assert.equal(seen.size, 40);
    assert.equal(shardOf('projects/p7', 4), shardOf('projects/p7', 4));
    const sizes = [1, 2, 3, 4].map((i) => selectShard(groups, i, 4).length);
    assert.ok(Math.min(...sizes) >= 4, `balanced enough: ${sizes.join(',')}`);
    assert.deepEqual(selectShard(groups, 1, 1).length, 40);
  });
});

describe('cli: baseline (pure parts)', () => {
  const file = (p: string, fps: string[]): FileReport => ({ path: p, findings: fps.map((fp, i) => toReportFinding(finding('secrets/x', i, 0, { fingerprint: fp }))) });
  it('accepts up to the stored count per (rule, file, fingerprint); extra copies are new', () => {
    const bl = buildBaseline([file('a.jb', ['f1', 'f1', 'f2'])], [], 'jitterbit-guard');
    assert.deepEqual(bl.findings.map((e) => [e.path, e.fingerprint, e.count]), [['a.jb', 'f1', 2], ['a.jb', 'f2', 1]]);
    const now = applyBaseline([file('a.jb', ['f1', 'f1', 'f1', 'f3']), file('b.jb', ['f2'])], bl.findings);
    assert.equal(now.baselined, 2);
    assert.deepEqual(now.files[0].findings.map((f) => f.fingerprint), ['f1', 'f3']);
    assert.deepEqual(now.files[1].findings.map((f) => f.fingerprint), ['f2'], 'the same fingerprint in another file is new');
  });
  it('updating keeps entries of files this run did not analyse (another shard) and replaces the others', () => {
    const old = buildBaseline([file('a.jb', ['f1']), file('z.jb', ['f9'])], [], 'jitterbit-guard').findings;
    const next = buildBaseline([file('a.jb', ['f2'])], old, 'jitterbit-guard');
    assert.deepEqual(next.findings.map((e) => `${e.path}:${e.fingerprint}`), ['a.jb:f2', 'z.jb:f9']);
  });
});

describe('cli: progress bar', () => {
  function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; out: string[] } {
    const out: string[] = [];
    const stream = { isTTY, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream;
    return { stream, out };
  }
  it('draws on a terminal once the run is long, and clears itself', async () => {
    const { stream, out } = fakeStream(true);
    const p = new Progress(10, stream, true, 0);
    await new Promise((r) => setTimeout(r, 5));
    p.advance(5);
    p.finish();
    assert.match(out[0], /^\r\[#{15}\.{15}\] 5\/10 files 50%$/);
    assert.equal(out[1], '\r\x1b[2K');
  });
  it('stays silent when not enabled, for short runs, and off a terminal', () => {
    const a = fakeStream(true);
    const quick = new Progress(10, a.stream, true, 60_000);
    quick.advance(10);
    quick.finish();
    assert.deepEqual(a.out, []);
    assert.equal(Progress.wanted(fakeStream(false).stream, true), false);
    const saved = process.env.CI;
    delete process.env.CI;
    try {
      assert.equal(Progress.wanted(fakeStream(true).stream, true), true);
      assert.equal(Progress.wanted(fakeStream(true).stream, false), false);
    } finally {
      if (saved !== undefined) process.env.CI = saved;
    }
  });
});

describe('cli: project analysis isolation', () => {
  it('a failing batch falls back to file by file; a failing file costs only its own findings', () => {
    const dir = tmpDir();
    writeTree(dir, { 'a.jb': '<trans>\na = 1;\n</trans>\n', 'b.jb': '<trans>\nb = 2;\n</trans>\n' });
    const files = ['a.jb', 'b.jb'].map((rel) => ({ abs: path.join(dir, rel), rel, size: 20, top: dir, jpk: false, explicit: false }));
    const fake = {
      setFile: (): void => undefined,
      analyzeAll: (): never => {
        throw new Error('batch exploded\nwith a second line that is not shown');
      },
      analyzeFile: (p: string) => {
        if (p === 'b.jb') throw new Error('b exploded');
        return { path: p, kind: 'jitterbit-script', findings: [finding('secrets/x', 1, 0)], skipped: false } as unknown as FileAnalysis;
      },
    };
    const seen: number[] = [];
    const r = runProjectTask({ id: 0, key: 'proj', files }, new ConfigCache(), (n) => seen.push(n), () => fake);
    assert.deepEqual(r.files.map((f) => [f.path, f.findings.length]), [['a.jb', 1]]);
    assert.equal(r.internalErrors, 1);
    assert.deepEqual(r.notifications.map((n) => n.message), [
      'proj: the batch analysis failed (batch exploded); analysing file by file',
      'b.jb: internal error while analysing the file: b exploded',
    ]);
  });
});

describe('cli: time grows linearly with the number of files', () => {
  it('one project of 4× the files costs well under 16× the CPU (quadratic would be 16×)', function () {
    this.timeout(120000);
    const make = (n: number): { dir: string; files: Parameters<typeof runProjectTask>[0]['files'] } => {
      const dir = tmpDir();
      const tree: Record<string, string> = {};
      for (let i = 0; i < n; i++) {
        // Every script writes a global and reads its neighbour's, so the cross-script pass runs everywhere.
        const value = i % 5 === 4 ? '$db_password' : `"order " + ${i}`; // every fifth global carries a secret
        tree[`s${i}.jb`] = `<trans>\n$g.v${i} = ${value};\nx = Length($g.v${(i + 1) % n}) + ${i};\nWriteToOperationLog("count " + x + " " + $g.v${(i + 1) % n});\n${'y = Trim(ToUpper("abc")) + x;\n'.repeat(20)}</trans>\n`;
      }
      writeTree(dir, tree);
      return { dir, files: Object.keys(tree).map((rel) => ({ abs: path.join(dir, rel), rel, size: 0, top: dir, jpk: false, explicit: false })) };
    };
    const cpu = (n: number): number => {
      const { files } = make(n);
      const configs = new ConfigCache();
      const t = process.cpuUsage();
      const r = runProjectTask({ id: 0, key: '.', files }, configs);
      const u = process.cpuUsage(t);
      assert.equal(r.files.length, n);
      assert.ok(r.files.filter((f) => f.findings.some((x) => x.category === 'sensitive-logging')).length >= n / 5, 'cross-script flows found');
      return (u.user + u.system) / 1000;
    };
    cpu(150); // warm-up (JIT)
    const small = Math.min(cpu(150), cpu(150));
    const large = Math.min(cpu(600), cpu(600));
    assert.ok(large / small < 9, `150 files: ${small.toFixed(0)} ms, 600 files: ${large.toFixed(0)} ms (ratio ${(large / small).toFixed(1)})`);
  });
});

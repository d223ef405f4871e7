/**
 * CLI benchmark: `dist/cli.js` (all rules on) against secretlint 12.0.0 with its recommended preset, on the same
 * generated Jitterbit files. Reports wall time (median of ≥ 3 runs, process start included for both tools),
 * MB/s, files/s and peak RSS (getrusage of the child process, threads included), and the ratio.
 *
 * Corpora (generated into .bench/, gitignored) by ../shared/tools/gen-perf-corpus.mjs, or by a fallback generator
 * when ../shared is absent: 1,000 files (one project on one thread, and split across two; the same files as 10
 * projects with workers), the linearity series 250 / 500 / 1,000 files, and 10,000 files (one project on one
 * thread and split across two; as folders with worker threads).
 *
 * secretlint is measured twice: as shipped (its always-on profiler keeps every performance mark and searches the
 * list for each new one: quadratic, so only on a 100-file subset), and with the profiler switched off
 * (performance.mark/measure replaced by no-ops in a preload), which is its real scanning speed.
 *
 * Run: `node --import tsx -e "require('./bench/cli.bench').runCliBench()"`, or through bench/run.ts.
 * Environment: JG_BENCH_RUNS (default 3), JG_BENCH_FILES (default 1000), JG_BENCH_BIG (default 10000; 0 skips).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

const REPO = path.resolve(__dirname, '..');
/** Throughput target, all rules on, default settings, large generated corpus (MB here and below are MiB: 1,048,576 bytes). */
const TARGET_MB_S = 25;
const BENCH = path.join(REPO, '.bench');
const CLI = path.join(REPO, 'dist', 'cli.js');
const GEN = path.resolve(REPO, '..', 'shared', 'tools', 'gen-perf-corpus.mjs');
const SECRETLINT = path.join(REPO, 'node_modules', 'secretlint', 'bin', 'secretlint.js');

export interface BenchRow {
  tool: string;
  corpus: string;
  files: number;
  bytes: number;
  /** Wall seconds of each run. */
  seconds: number[];
  median: number;
  mbPerSec: number;
  filesPerSec: number;
  peakRssMb: number | null;
  /** Median CPU seconds (user + system, all threads) of the child: a load-independent cost. */
  cpuSeconds: number | null;
  /** MB per CPU second: throughput on an otherwise idle core. */
  mbPerCpuSec: number | null;
  exitCode: number | null;
  findings?: number;
}

export interface CliBenchResult {
  rows: BenchRow[];
  /** jitterbit-guard MB/s ÷ secretlint MB/s (profiler off) on the same 1,000 files, one thread each. */
  ratioVsSecretlint: number | null;
  /** The same ratio by CPU time (MB per CPU second), which a loaded machine distorts less. */
  ratioVsSecretlintCpu: number | null;
  ratioVsSecretlintShipped: number | null;
  /** jitterbit-guard with default settings ÷ secretlint (profiler off), 10,000 files, wall time, measured interleaved. */
  ratioVsSecretlintBig: number | null;
  /** The throughput target (issue #3) against the default-settings run on the large corpus. */
  target: { files: number; mbPerSec: number; met: boolean } | null;
  /** Seconds per MB at 250, 500, 1,000 files (flat = linear). */
  linearity: { files: number; bytes: number; median: number; secondsPerMb: number }[];
  workersSpeedup: number | null;
  /** One project split across two threads vs one thread, by wall time (1,000 and 10,000 files). */
  splitSpeedup: { files: number; wall: number; cpuRatio: number | null }[];
  cores: number;
  loadAverage: number[];
}

interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

function log(s: string): void {
  process.stdout.write(`${s}\n`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && p.endsWith('.jb')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Fallback generator (when ../shared is absent): ordinary scripts with a few injected findings, deterministic. */
function fallbackGenerate(dir: string, n: number): void {
  let seed = 12345;
  const rnd = (): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const an = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const str = (k: number): string => Array.from({ length: k }, () => an[Math.floor(rnd() * an.length)]).join('');
  for (let i = 0; i < n; i++) {
    const sub = path.join(dir, `p${String(Math.floor(i / 100)).padStart(3, '0')}`);
    mkdirSync(sub, { recursive: true });
    const lines = ['<trans>'];
    const size = 20 + Math.floor(rnd() * (i % 80 === 0 ? 6000 : 600));
    for (let l = 0; l < size; l++) {
      const k = Math.floor(rnd() * 6);
      if (k === 0) lines.push(`$app.order_${l}_count = Length($app.orders_${l % 7});`);
      else if (k === 1) lines.push(`WriteToOperationLog("processed " + $app.order_${l % 50}_count + " in " + $jitterbit.operation.name);`);
      else if (k === 2) lines.push(`status${l} = Case($app.status == "OPEN", "O", $app.status == "CLOSED", "C", true, "U");`);
      else if (k === 3) lines.push(`// keep in sync with the target schema (step ${l})`);
      else if (k === 4) lines.push(`rows = DBLookupAll("<TAG>endpoint:database/ERP</TAG>", "SELECT id FROM orders WHERE id = " + Int($app.id_${l % 9}));`);
      else lines.push(`name${l} = Trim(ToUpper(root$transaction.request$body$Orders$Order$Name$));`);
      if (rnd() < 0.004) lines.push(`$app.api_password = "${str(18)}";`);
    }
    lines.push('</trans>');
    writeFileSync(path.join(sub, `s${String(i).padStart(5, '0')}.jb`), lines.join('\n') + '\n');
  }
}

function corpus(n: number): Corpus {
  const dir = path.join(BENCH, `cli-corpus-${n}`);
  const stamp = path.join(dir, '.complete');
  if (!existsSync(stamp)) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    if (existsSync(GEN)) {
      const r = spawnSync(process.execPath, [GEN, '--out', dir, '--files', String(n), '--seed', 'cli-bench'], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`gen-perf-corpus failed: ${r.stderr}`);
    } else {
      fallbackGenerate(dir, n);
    }
    writeFileSync(stamp, '');
  }
  const files = listFiles(dir);
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  return { dir, files, bytes };
}

/** A subset corpus made of the first `n` files of `src` (same folders), for the linearity series. */
function subset(src: Corpus, n: number): Corpus {
  const dir = path.join(BENCH, `cli-subset-${n}`);
  const stamp = path.join(dir, '.complete');
  if (!existsSync(stamp)) {
    rmSync(dir, { recursive: true, force: true });
    for (const f of src.files.slice(0, n)) {
      const to = path.join(dir, path.relative(src.dir, f));
      mkdirSync(path.dirname(to), { recursive: true });
      writeFileSync(to, readFileSync(f));
    }
    writeFileSync(stamp, '');
  }
  const files = listFiles(dir);
  let bytes = 0;
  for (const f of files) bytes += statSync(f).size;
  return { dir, files, bytes };
}

/** Preload: records getrusage of the whole process at exit; optionally switches secretlint's profiler off. */
function probe(): string {
  // ESM (.mjs), so the repository's lint, which skips *.mjs, never sees this generated file.
  const p = path.join(BENCH, 'rss-probe.mjs');
  writeFileSync(
    p,
    `import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
import { writeFileSync } from 'node:fs';
if (process.env.JG_BENCH_NO_PROFILER === '1') {
  performance.mark = () => undefined;
  performance.measure = () => undefined;
}
if (isMainThread && process.env.JG_BENCH_RSS_OUT) {
  process.on('exit', () => writeFileSync(process.env.JG_BENCH_RSS_OUT, JSON.stringify(process.resourceUsage())));
}
`,
  );
  return pathToFileURL(p).href;
}

/** One row to measure: a tool's command on a corpus. */
interface Spec {
  label: string;
  tool: string;
  c: Corpus;
  args: string[];
  env?: Record<string, string>;
  countFindings?: (outFile: string) => number;
}

interface RunResult {
  seconds: number;
  rssMb: number | null;
  cpu: number | null;
  exitCode: number | null;
  findings?: number;
}

function runOnce(s: Spec, countFindings: boolean): RunResult {
  const pre = probe();
  const out = path.join(BENCH, `out-${process.pid}.json`);
  const rssOut = path.join(BENCH, `rss-${process.pid}.json`);
  rmSync(out, { force: true });
  rmSync(rssOut, { force: true });
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', pre, ...s.args.map((a) => a.replace('{out}', out))], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', JG_BENCH_RSS_OUT: rssOut, ...s.env },
    maxBuffer: 512 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${s.tool} failed (exit ${r.status}): ${r.stderr.slice(0, 2000)}`);
  const res: RunResult = { seconds, rssMb: null, cpu: null, exitCode: r.status };
  try {
    const ru = JSON.parse(readFileSync(rssOut, 'utf8')) as { maxRSS: number; userCPUTime: number; systemCPUTime: number };
    res.rssMb = ru.maxRSS / 1024;
    res.cpu = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  } catch {
    // no probe output: leave RSS unknown
  }
  if (countFindings && s.countFindings && existsSync(out)) res.findings = s.countFindings(out);
  return res;
}

/**
 * Measures the rows of a group with their runs interleaved (run 1 of each row, then run 2 of each, …), so a machine
 * that slows down or speeds up during the group weighs on every row alike and their ratios stay fair.
 */
function measureGroup(specs: Spec[], runs: number): BenchRow[] {
  const results: RunResult[][] = specs.map(() => []);
  for (let i = 0; i < runs; i++) specs.forEach((s, k) => results[k].push(runOnce(s, i === 0)));
  return specs.map((s, k) => rowOf(s, results[k]));
}

function measure(label: string, tool: string, c: Corpus, args: string[], runs: number, env: Record<string, string> = {}, countFindings?: (outFile: string) => number): BenchRow {
  return measureGroup([{ label, tool, c, args, env, countFindings }], runs)[0];
}

function rowOf(s: Spec, results: RunResult[]): BenchRow {
  const { c } = s;
  const seconds = results.map((r) => r.seconds);
  const cpu = results.flatMap((r) => (r.cpu === null ? [] : [r.cpu]));
  const rssValues = results.flatMap((r) => (r.rssMb === null ? [] : [r.rssMb]));
  const rss = rssValues.length ? Math.max(...rssValues) : null;
  const findings = results[0]?.findings;
  const m = median(seconds);
  const row: BenchRow = {
    tool: s.tool,
    corpus: s.label,
    files: c.files.length,
    bytes: c.bytes,
    seconds: seconds.map((x) => Number(x.toFixed(3))),
    median: Number(m.toFixed(3)),
    mbPerSec: Number((c.bytes / 1048576 / m).toFixed(2)),
    filesPerSec: Number((c.files.length / m).toFixed(1)),
    peakRssMb: rss === null ? null : Number(rss.toFixed(0)),
    cpuSeconds: cpu.length ? Number(median(cpu).toFixed(3)) : null,
    mbPerCpuSec: cpu.length ? Number((c.bytes / 1048576 / median(cpu)).toFixed(2)) : null,
    exitCode: results[results.length - 1]?.exitCode ?? null,
    ...(findings !== undefined ? { findings } : {}),
  };
  log(
    `  ${s.tool.padEnd(44)} ${String(row.files).padStart(6)} files ${(c.bytes / 1048576).toFixed(1).padStart(7)} MB ` +
      `${row.median.toFixed(2).padStart(8)} s ${row.mbPerSec.toFixed(2).padStart(7)} MB/s ${row.filesPerSec.toFixed(0).padStart(6)} files/s ` +
      `${row.peakRssMb === null ? '   n/a' : String(row.peakRssMb).padStart(6)} MB RSS ` +
      `${row.cpuSeconds === null ? 'n/a' : row.cpuSeconds.toFixed(2)} s CPU (${row.mbPerCpuSec ?? 'n/a'} MB/CPU-s)` + (findings !== undefined ? `  ${findings} findings` : ''),
  );
  return row;
}

const cliFindings = (f: string): number => (JSON.parse(readFileSync(f, 'utf8')) as { summary: { findings: number } }).summary.findings;
const slFindings = (f: string): number => {
  const doc = JSON.parse(readFileSync(f, 'utf8')) as { messages: unknown[] }[];
  return doc.reduce((n, r) => n + r.messages.length, 0);
};

function secretlintRc(): string {
  const rc = path.join(BENCH, 'secretlintrc.json');
  writeFileSync(rc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  return rc;
}

/** Wall speed-up of `b` over `a` on the same corpus, and the CPU time it costs (b's CPU ÷ a's). */
function speedupOf(a: BenchRow, b: BenchRow): { files: number; wall: number; cpuRatio: number | null } {
  return {
    files: a.files,
    wall: Number((a.median / b.median).toFixed(2)),
    cpuRatio: a.cpuSeconds && b.cpuSeconds ? Number((b.cpuSeconds / a.cpuSeconds).toFixed(2)) : null,
  };
}

function cli(c: Corpus, extra: string[]): string[] {
  return [CLI, ...extra, '--format', 'json', '--output', '{out}', '--no-progress'];
}

function secretlint(c: Corpus): string[] {
  return [SECRETLINT, `${path.relative(REPO, c.dir)}/**/*.jb`, '--secretlintrc', secretlintRc(), '--format', 'json', '--output', '{out}', '--no-color'];
}

export async function runCliBench(): Promise<CliBenchResult> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run node scripts/build.mjs first');
  mkdirSync(BENCH, { recursive: true });
  const runs = Math.max(3, Number(process.env.JG_BENCH_RUNS ?? 3));
  const nFiles = Number(process.env.JG_BENCH_FILES ?? 1000);
  const nBig = Number(process.env.JG_BENCH_BIG ?? 10000);
  const rows: BenchRow[] = [];
  log(`CLI benchmark (median of ${runs} runs; ${os.cpus().length} cores; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  log(`  corpus: ${existsSync(GEN) ? 'gen-perf-corpus.mjs' : 'fallback generator (../shared absent)'}`);

  // The launcher's V8 code cache (see core/src/cli/launch.ts), in a folder of the bench's own, made by one run before
  // the measured ones: every run after a user's first has it. One row shows a run without it.
  const main = corpus(nFiles);
  const rel = path.relative(REPO, main.dir);
  process.env.JITTERBIT_GUARD_CACHE_DIR = path.join(BENCH, 'v8cache');
  rmSync(process.env.JITTERBIT_GUARD_CACHE_DIR, { recursive: true, force: true });
  spawnSync(process.execPath, [CLI, path.relative(REPO, subset(main, 100).dir), '--format', 'json', '--output', path.join(BENCH, 'warm.json'), '--no-progress'], { cwd: REPO, encoding: 'utf8' });
  const [one, noCache, oneSplit, split1, split2, sl] = measureGroup(
    [
      { label: `${nFiles} files`, tool: 'jitterbit-guard (1 project, 1 thread)', c: main, args: cli(main, [rel, '--workers', '1']), countFindings: cliFindings },
      { label: `${nFiles} files`, tool: 'jitterbit-guard (same, no code cache)', c: main, args: cli(main, [rel, '--workers', '1']), env: { JITTERBIT_GUARD_NO_CACHE: '1' }, countFindings: cliFindings },
      { label: `${nFiles} files`, tool: 'jitterbit-guard (1 project, 2 thr, split)', c: main, args: cli(main, [rel, '--workers', '2']), countFindings: cliFindings },
      { label: `${nFiles} files`, tool: 'jitterbit-guard (folders as projects, 1 thr)', c: main, args: cli(main, [`${rel}/*`, '--workers', '1']), countFindings: cliFindings },
      { label: `${nFiles} files`, tool: 'jitterbit-guard (folders as projects, 2 thr)', c: main, args: cli(main, [`${rel}/*`, '--workers', '2']), countFindings: cliFindings },
      { label: `${nFiles} files`, tool: 'secretlint 12.0.0 (profiler off)', c: main, args: secretlint(main), env: { JG_BENCH_NO_PROFILER: '1' }, countFindings: slFindings },
    ],
    runs,
  );
  rows.push(one, noCache, oneSplit, split1, split2, sl);
  const splitSpeedup: CliBenchResult['splitSpeedup'] = [speedupOf(one, oneSplit)];
  const small = subset(main, 100);
  const slShipped = measure('100 files', 'secretlint 12.0.0 (as shipped)', small, secretlint(small), runs, {}, slFindings);
  rows.push(slShipped);
  const oneSmall = measure('100 files', 'jitterbit-guard (1 project, 1 thread)', small, cli(small, [path.relative(REPO, small.dir), '--workers', '1']), runs, {}, cliFindings);
  rows.push(oneSmall);

  log('  linearity (1 project, 1 thread):');
  const linearity: CliBenchResult['linearity'] = [];
  for (const n of [Math.floor(nFiles / 4), Math.floor(nFiles / 2)]) {
    const s = subset(main, n);
    const r = measure(`${n} files`, 'jitterbit-guard (1 project, 1 thread)', s, cli(s, [path.relative(REPO, s.dir), '--workers', '1']), runs);
    rows.push(r);
    linearity.push({ files: r.files, bytes: r.bytes, median: r.median, secondsPerMb: Number((r.median / (r.bytes / 1048576)).toFixed(3)) });
  }
  linearity.push({ files: one.files, bytes: one.bytes, median: one.median, secondsPerMb: Number((one.median / (one.bytes / 1048576)).toFixed(3)) });
  for (const l of linearity) log(`    ${String(l.files).padStart(6)} files: ${l.secondsPerMb.toFixed(3)} s/MB`);

  let bigRatio: number | null = null;
  let target: CliBenchResult['target'] = null;
  if (nBig > 0) {
    const big = corpus(nBig);
    const brel = path.relative(REPO, big.dir);
    const [bigOne, bigSplit, bigFolders, bigSl] = measureGroup(
      [
        { label: `${nBig} files`, tool: 'jitterbit-guard (1 project, 1 thread)', c: big, args: cli(big, [brel, '--workers', '1']), countFindings: cliFindings },
        { label: `${nBig} files`, tool: 'jitterbit-guard (1 project, auto: split)', c: big, args: cli(big, [brel]), countFindings: cliFindings },
        { label: `${nBig} files`, tool: 'jitterbit-guard (folders as projects, auto)', c: big, args: cli(big, [`${brel}/*`]), countFindings: cliFindings },
        { label: `${nBig} files`, tool: 'secretlint 12.0.0 (profiler off)', c: big, args: secretlint(big), env: { JG_BENCH_NO_PROFILER: '1' }, countFindings: slFindings },
      ],
      runs,
    );
    rows.push(bigOne, bigSplit, bigFolders, bigSl);
    splitSpeedup.push(speedupOf(bigOne, bigSplit));
    bigRatio = bigSl.mbPerSec ? Number((bigSplit.mbPerSec / bigSl.mbPerSec).toFixed(2)) : null;
    target = { files: bigSplit.files, mbPerSec: bigSplit.mbPerSec, met: bigSplit.mbPerSec >= TARGET_MB_S };
  }

  const ratio = sl.mbPerSec ? Number((one.mbPerSec / sl.mbPerSec).toFixed(2)) : null;
  const ratioCpu = sl.mbPerCpuSec && one.mbPerCpuSec ? Number((one.mbPerCpuSec / sl.mbPerCpuSec).toFixed(2)) : null;
  const ratioShipped = slShipped.mbPerSec ? Number((oneSmall.mbPerSec / slShipped.mbPerSec).toFixed(2)) : null;
  const speedup = split2.median ? Number((split1.median / split2.median).toFixed(2)) : null;
  log(`  ratio jitterbit-guard / secretlint (profiler off, ${nFiles} files, 1 thread each): ${ratio}×`);
  log(`  same, by CPU time (load-independent): ${ratioCpu}×`);
  log(`  ratio jitterbit-guard / secretlint (as shipped, 100 files): ${ratioShipped}×`);
  log(`  worker speed-up (2 threads vs 1, folders as projects): ${speedup}×`);
  for (const s of splitSpeedup) log(`  split speed-up (one project, 2 threads vs 1, ${s.files} files): ${s.wall}× wall, CPU ×${s.cpuRatio}`);
  if (bigRatio !== null) log(`  ratio jitterbit-guard (default settings) / secretlint (profiler off), ${nBig} files: ${bigRatio}×`);
  if (target) log(`  throughput target ≥ ${TARGET_MB_S} MB/s (default settings, ${target.files} files): ${target.mbPerSec} MB/s, ${target.met ? 'met' : 'NOT met'}`);
  const result: CliBenchResult = { rows, ratioVsSecretlint: ratio, ratioVsSecretlintCpu: ratioCpu, ratioVsSecretlintShipped: ratioShipped, ratioVsSecretlintBig: bigRatio, target, linearity, workersSpeedup: speedup, splitSpeedup, cores: os.cpus().length, loadAverage: os.loadavg() };
  writeFileSync(path.join(BENCH, 'cli-bench.json'), JSON.stringify(result, null, 2));
  log(JSON.stringify({ cli_bench: { ratio_vs_secretlint: ratio, ratio_vs_secretlint_shipped: ratioShipped, ratio_vs_secretlint_big: bigRatio, target, workers_speedup: speedup, split_speedup: splitSpeedup, ratio_vs_secretlint_cpu: ratioCpu, rows: rows.map((r) => ({ tool: r.tool, corpus: r.corpus, mb_s: r.mbPerSec, files_s: r.filesPerSec, rss_mb: r.peakRssMb, median_s: r.median, cpu_s: r.cpuSeconds, mb_cpu_s: r.mbPerCpuSec })) } }));
  return result;
}

if (require.main === module) void runCliBench();

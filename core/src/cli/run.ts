import { existsSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { INFORMATION_URI, TOOL_NAME, VERSION } from '../version';
import { formatJson } from '../report/json';
import { formatJunit } from '../report/junit';
import { cmp, levelRank, sarifLevel, type RunNotification, type RunReport } from '../report/model';
import { formatSarif } from '../report/sarif';
import { formatText, summaryLine } from '../report/text';
import type { ProjectTask, TaskResult, AnalysedFile } from './analyze';
import { HELP, parseArgs, UsageError, type CliOptions } from './args';
import { applyBaseline, buildBaseline, loadBaseline, writeBaseline } from './baseline';
import { ConfigCache } from './config';
import { discover, scanRoot, toPosix } from './discover';
import { createProject } from './engine';
import { Progress } from './progress';
import { ensureDir } from './read';
import { ProjectGrouper, selectShard } from './projects';
import { runScheduled, SPLIT_MIN_BYTES, threadsFor, WORKER_MIN_BYTES, worthThreads } from './schedule';
import { WorkerSupply } from './workers';

export { WORKER_MIN_BYTES, WORKER_THRESHOLD } from './schedule';

export interface CliIo {
  cwd: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** The script a worker thread runs (the CLI bundle itself). */
  script: string;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const err = (line: string): void => {
    io.stderr.write(`${TOOL_NAME}: ${line}\n`);
  };
  let opts: CliOptions;
  try {
    opts = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      err(e.message);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    io.stdout.write(HELP);
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const startTime = new Date().toISOString();
  const cwd = io.cwd;
  const root = scanRoot(cwd, opts.paths);
  const rules = safeRules();
  // A misspelt rule id (`pii/emial`) would silently do nothing: name it. Parser diagnostics (syntax/…, host/…),
  // outside rules(), are not checked. Unknown ids match no finding either way, so findings stay the ones the editor
  // and the worker threads (which do not check) get.
  const knownRuleIds = rules.length > 0 ? new Set(rules.map((r) => r.id)) : undefined;
  const configPath = opts.config ? path.resolve(cwd, opts.config) : undefined;
  if (configPath && !existsSync(configPath)) {
    err(`${opts.config}: the config file given with --config does not exist`);
    return 2;
  }
  const configs = new ConfigCache(configPath, knownRuleIds);

  // Worker threads start while the files are still being found (each loads the bundle, ≈ 0.1 s): at once when
  // threads are asked for, else as soon as the files found cross the size bounds. The main thread analyses too.
  const supply = new WorkerSupply(io.script, configPath);
  try {
    // More threads than cores are started when the work asks for them, not up front.
    if (opts.workers !== undefined) supply.warm(Math.min(opts.workers, availableCores()) - 1);
    const warmAt = opts.workers === undefined ? Math.min(2, availableCores()) - 1 : 0;
    return await analyseAndReport(opts, io, { root, configs, supply, startTime, rules, warmAt });
  } finally {
    await supply.close();
  }
}

async function analyseAndReport(
  opts: CliOptions,
  io: CliIo,
  ctx: { root: string; configs: ConfigCache; supply: WorkerSupply; startTime: string; rules: RunReport['rules']; warmAt: number },
): Promise<number> {
  const { root, configs, supply, startTime, rules } = ctx;
  const cwd = io.cwd;
  const err = (line: string): void => {
    io.stderr.write(`${TOOL_NAME}: ${line}\n`);
  };
  const found = discover(opts.paths, cwd, root, configs, ctx.warmAt > 0 ? (files, bytes) => {
    if (worthThreads(files, bytes)) supply.warm(ctx.warmAt);
  } : undefined);
  let usageProblem = false;
  for (const m of found.missing) {
    err(`${m}: no such file or folder (and no file matches it as a glob)`);
    usageProblem = true;
  }
  const notifications: RunNotification[] = [...found.notifications];

  let groups = new ProjectGrouper(root).group(found.files);
  if (opts.shard) groups = selectShard(groups, opts.shard.index, opts.shard.count);
  const tasks: ProjectTask[] = groups.map((g, id) => ({ id, key: g.key, files: g.files }));
  const fileCount = tasks.reduce((n, t) => n + t.files.length, 0);
  const byteCount = groups.reduce((n, g) => n + g.bytes, 0);
  const threads = threadsFor(opts.workers, fileCount, byteCount, availableCores());

  const progress = new Progress(fileCount, io.stderr, !opts.quiet && Progress.wanted(io.stderr, opts.progress));
  const results: TaskResult[] = [];
  let internalErrors = 0;
  try {
    await runScheduled(tasks, {
      threads,
      cores: availableCores(),
      splitMinBytes: opts.workers === undefined ? SPLIT_MIN_BYTES : WORKER_MIN_BYTES,
      supply,
      configs,
      onResult: (r) => results.push(r),
      onFiles: (n) => progress.advance(n),
    });
  } catch (e) {
    internalErrors++;
    notifications.push({ level: 'error', message: `internal error: ${e instanceof Error ? e.message : String(e)}` });
  }
  progress.finish();

  let files: AnalysedFile[] = [];
  for (const r of results) {
    files.push(...r.files);
    notifications.push(...r.notifications);
    internalErrors += r.internalErrors;
  }
  for (const p of configs.problems.values()) {
    notifications.push({ level: 'warning', path: toPosix(path.relative(root, p.path)), message: p.message });
  }
  files.sort((a, b) => cmp(a.path, b.path));
  notifications.sort((a, b) => cmp(a.path ?? '', b.path ?? '') || cmp(a.message, b.message));

  // Baseline: compare, or write and report nothing as new.
  let baselined = 0;
  if (opts.baseline) {
    const baselinePath = path.resolve(cwd, opts.baseline);
    const loaded = loadBaseline(baselinePath, !opts.updateBaseline);
    if (loaded.problem) {
      err(loaded.problem);
      if (!opts.updateBaseline) return 2;
    }
    let entries = loaded.entries;
    if (opts.updateBaseline) {
      const doc = buildBaseline(files, loaded.entries, TOOL_NAME);
      const problem = writeBaseline(baselinePath, doc);
      if (problem) {
        err(problem);
        return 2;
      }
      if (!opts.quiet) err(`baseline written to ${opts.baseline} (${doc.findings.reduce((n, e) => n + e.count, 0)} findings)`);
      entries = doc.findings;
    }
    const applied = applyBaseline(files, entries);
    files = applied.files;
    baselined = applied.baselined;
  }

  // Fail level: the flag, else each file's config.
  const failRank = (f: AnalysedFile): number => levelRank(opts.failLevel ?? f.failLevel ?? 'warning');
  // Exit status is decided on every (non-baselined) finding, before --quiet trims the report.
  let failing = false;
  let warnings = 0;
  for (const f of files) {
    for (const x of f.findings) {
      const lvl = sarifLevel(x.severity);
      if (lvl === 'warning') warnings++;
      if (levelRank(lvl) >= failRank(f)) failing = true;
    }
  }
  if (opts.quiet) files = files.map((f) => ({ ...f, findings: f.findings.filter((x) => levelRank(sarifLevel(x.severity)) >= failRank(f)) }));

  for (const n of notifications) err(n.message);

  const report: RunReport = {
    tool: { name: TOOL_NAME, version: VERSION, informationUri: INFORMATION_URI },
    root: toPosix(root),
    files: files.map((f) => ({ path: f.path, findings: f.findings, ...(f.skippedReason ? { skippedReason: f.skippedReason } : {}) })),
    rules,
    notifications,
    executionSuccessful: internalErrors === 0,
    baselined,
    startTime,
    endTime: new Date().toISOString(),
  };
  const automationId = opts.shard ? `${TOOL_NAME}/shard-${opts.shard.index}-of-${opts.shard.count}/` : undefined;
  const body =
    opts.format === 'json' ? formatJson(report)
    : opts.format === 'sarif' ? formatSarif(report, { automationId })
    : opts.format === 'junit' ? formatJunit(report)
    : formatText(report, { summary: true });
  if (opts.output) {
    try {
      const out = path.resolve(cwd, opts.output);
      ensureDir(path.dirname(out));
      writeFileSync(out, body);
    } catch (e) {
      err(`${opts.output}: cannot write the report: ${e instanceof Error ? e.message : String(e)}`);
      return 2;
    }
    if (!opts.quiet) io.stderr.write(`${summaryLine(report)}\n`);
  } else {
    io.stdout.write(body);
  }

  if (internalErrors || usageProblem) return 2;
  if (failing) return 1;
  if (opts.maxWarnings !== undefined && warnings > opts.maxWarnings) {
    if (!opts.quiet) err(`${warnings} warnings exceed --max-warnings ${opts.maxWarnings}`);
    return 1;
  }
  return 0;
}

function safeRules(): RunReport['rules'] {
  try {
    return createProject().rules();
  } catch {
    return [];
  }
}

function availableCores(): number {
  const ap = (os as { availableParallelism?: () => number }).availableParallelism;
  return Math.max(1, typeof ap === 'function' ? ap() : os.cpus().length);
}

import { bytesOf, type ProjectTask, type TaskResult } from './analyze';
import type { ConfigCache } from './config';
import { scavengeOnOwnThread } from './gc';
import { runTasks } from './pool';
import { runSplitTask } from './split';
import type { WorkerSupply } from './workers';

/**
 * How a run's projects meet its threads: a project too big for whole-project scheduling to balance is split across
 * every thread (one after the other, largest first); the others go to the project pool.
 */

/**
 * More files than this, holding more bytes than WORKER_MIN_BYTES, and the CLI uses worker threads by default (and,
 * when threads are asked for, splits one project this big). Each worker pays its own start and JIT warm-up (≈ 0.1 s +
 * 0.5 s of CPU), so small trees run faster on one thread.
 */
export const WORKER_THRESHOLD = 200;
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Unasked, one project is split from this size. Both threads start cold (JIT warm-up, a worker's start), so on 2 cores
 * the split paid off in every measurement only from here: at 4–8 MB it was slower than one thread, at 15 MB about
 * even, at 150 MB 1.3–1.6× faster.
 */
export const SPLIT_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Test hook: split every project of two files or more when more than one thread is asked for, so tests can compare
 * the split with the single thread on small fixtures. `strict` also makes a failed split an error instead of a
 * quiet re-run on the main thread, so a test sees that the workers did the work. Never set by users.
 */
export const FORCE_SPLIT_ENV = 'JITTERBIT_GUARD_TEST_FORCE_SPLIT';

export function splitForced(): { force: boolean; strict: boolean } {
  const v = process.env[FORCE_SPLIT_ENV];
  return { force: v === '1' || v === 'strict', strict: v === 'strict' };
}

/** Threads of analysis: the option, else min(2, cores) above the size bounds, else 1 (the main thread alone). */
export function threadsFor(requested: number | undefined, files: number, bytes: number, cores: number): number {
  return requested ?? (worthThreads(files, bytes) ? Math.min(2, cores) : 1);
}

export function worthThreads(files: number, bytes: number): boolean {
  return files > WORKER_THRESHOLD && bytes > WORKER_MIN_BYTES;
}

/**
 * A project is split when it is big enough to repay the exchange between threads (`minBytes`: SPLIT_MIN_BYTES by
 * default, WORKER_MIN_BYTES when threads were asked for) and bigger than its share of the run (`total / threads`):
 * whole-project scheduling would leave the other threads waiting for it.
 */
export function shouldSplit(task: ProjectTask, totalBytes: number, threads: number, minBytes: number, force = splitForced().force): boolean {
  if (threads < 2 || task.files.length < 2) return false;
  if (force) return true;
  const bytes = bytesOf(task);
  return worthThreads(task.files.length, bytes) && bytes > minBytes && bytes > totalBytes / threads;
}

export interface ScheduleOptions {
  threads: number;
  /** Smallest project that is split (see shouldSplit). */
  splitMinBytes: number;
  /** Cores available to the process. */
  cores: number;
  supply: WorkerSupply;
  configs: ConfigCache;
  onResult: (r: TaskResult) => void;
  onFiles: (n: number) => void;
}

export async function runScheduled(tasks: ProjectTask[], opts: ScheduleOptions): Promise<void> {
  const total = tasks.reduce((n, t) => n + bytesOf(t), 0);
  const split = tasks.filter((t) => shouldSplit(t, total, opts.threads, opts.splitMinBytes)).sort((a, b) => bytesOf(b) - bytesOf(a) || (a.key < b.key ? -1 : 1));
  const parallel = split.length > 0 || (opts.threads > 1 && tasks.length > 1);
  if (parallel && opts.threads >= opts.cores) scavengeOnOwnThread();
  for (const t of split) opts.onResult(await runSplitTask(t, opts));
  const rest = tasks.filter((t) => !split.includes(t));
  await runTasks(rest, { workers: opts.threads, supply: opts.supply, configs: opts.configs, onResult: opts.onResult, onFiles: opts.onFiles });
}

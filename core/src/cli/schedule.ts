import { bytesOf, type ProjectTask, type TaskResult } from './analyze';
import type { ConfigCache } from './config';
import { runTasks } from './pool';
import { runSplitTask } from './split';
import type { WorkerSupply } from './workers';

/**
 * How a run's projects meet its threads: a project too big for whole-project scheduling to balance is split across
 * every thread (one after the other, largest first); the others go to the project pool.
 */

/**
 * More files than this, holding more bytes than WORKER_MIN_BYTES, and the CLI uses worker threads by default (the
 * same bounds make one project worth splitting). Each worker pays its own start and JIT warm-up (≈ 0.1 s + 0.5 s of
 * CPU), so small trees run faster on one thread.
 */
export const WORKER_THRESHOLD = 200;
export const WORKER_MIN_BYTES = 4 * 1024 * 1024;

/**
 * Test hook: split every project of two files or more when more than one thread is asked for, so tests can compare
 * the split with the single thread on small fixtures. Never set by users.
 */
export const FORCE_SPLIT_ENV = 'JITTERBIT_GUARD_TEST_FORCE_SPLIT';

/** Threads of analysis: the option, else min(2, cores) above the size bounds, else 1 (the main thread alone). */
export function threadsFor(requested: number | undefined, files: number, bytes: number, cores: number): number {
  return requested ?? (worthThreads(files, bytes) ? Math.min(2, cores) : 1);
}

export function worthThreads(files: number, bytes: number): boolean {
  return files > WORKER_THRESHOLD && bytes > WORKER_MIN_BYTES;
}

/**
 * A project is split when it is big enough to repay the exchange between threads and bigger than its share of the
 * run (`total / threads`): whole-project scheduling would leave the other threads waiting for it.
 */
export function shouldSplit(task: ProjectTask, totalBytes: number, threads: number, force = process.env[FORCE_SPLIT_ENV] === '1'): boolean {
  if (threads < 2 || task.files.length < 2) return false;
  if (force) return true;
  const bytes = bytesOf(task);
  return worthThreads(task.files.length, bytes) && bytes > totalBytes / threads;
}

export interface ScheduleOptions {
  threads: number;
  supply: WorkerSupply;
  configs: ConfigCache;
  onResult: (r: TaskResult) => void;
  onFiles: (n: number) => void;
}

export async function runScheduled(tasks: ProjectTask[], opts: ScheduleOptions): Promise<void> {
  const total = tasks.reduce((n, t) => n + bytesOf(t), 0);
  const split = tasks.filter((t) => shouldSplit(t, total, opts.threads)).sort((a, b) => bytesOf(b) - bytesOf(a) || (a.key < b.key ? -1 : 1));
  for (const t of split) opts.onResult(await runSplitTask(t, opts));
  const rest = tasks.filter((t) => !split.includes(t));
  await runTasks(rest, { workers: opts.threads, supply: opts.supply, configs: opts.configs, onResult: opts.onResult, onFiles: opts.onFiles });
}

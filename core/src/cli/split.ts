import { PROJECT_ROUNDS, type SharedGlobalWrite } from '../engine/project';
import { runProjectTask, type ProjectTask, type TaskResult } from './analyze';
import type { ConfigCache } from './config';
import type { Reply, Request } from './messages';
import { mergeDeclarations, planSlices, shareSlices, SliceRunner, type EntryDeclarations, type SliceOutcome, type SliceTask } from './slices';
import { splitForced } from './schedule';
import type { WorkerLink, WorkerSupply } from './workers';

/**
 * One large project analysed by several threads (see slices.ts for the three steps). The main thread holds one
 * slice itself and each worker one more, so `threads` slices keep `threads` cores busy with a single extra warm-up
 * per worker. Anything going wrong (a worker dying, a step throwing) drops the split: the main thread analyses the
 * whole project again, as a single thread would, so the report is the same either way.
 */

interface SliceHost {
  load(): Promise<EntryDeclarations[]>;
  local(declarations: EntryDeclarations['variables'][]): Promise<SharedGlobalWrite[]>;
  incoming(writes: SharedGlobalWrite[]): Promise<SliceOutcome>;
  again(learned: SharedGlobalWrite[]): Promise<SliceOutcome>;
}

/** The main thread's own slice: each step runs synchronously when called (after the workers got theirs). */
class LocalHost implements SliceHost {
  private readonly runner: SliceRunner;
  constructor(slice: SliceTask, configs: ConfigCache, onFiles: (n: number) => void) {
    this.runner = new SliceRunner(slice, configs, onFiles);
  }
  load(): Promise<EntryDeclarations[]> {
    return settle(() => this.runner.load());
  }
  local(declarations: EntryDeclarations['variables'][]): Promise<SharedGlobalWrite[]> {
    return settle(() => this.runner.local(declarations));
  }
  incoming(writes: SharedGlobalWrite[]): Promise<SliceOutcome> {
    return settle(() => this.runner.incoming(writes));
  }
  again(learned: SharedGlobalWrite[]): Promise<SliceOutcome> {
    return settle(() => this.runner.again(learned));
  }
}

/** A worker's slice: one request per step, answered by one reply (progress messages aside). */
class WorkerHost implements SliceHost {
  private waiting: { resolve: (r: Reply) => void; reject: (e: Error) => void } | undefined;
  private failed: Error | undefined;

  constructor(
    readonly link: WorkerLink,
    private readonly slice: SliceTask,
    onFiles: (n: number) => void,
  ) {
    link.attach({
      message: (raw) => {
        const m = raw as Reply;
        if (m.type === 'progress') return onFiles(m.files);
        const w = this.waiting;
        this.waiting = undefined;
        if (m.type === 'slice-error') this.fail(new Error(m.message), w);
        else w?.resolve(m);
      },
      exit: () => this.fail(new Error('the worker thread stopped'), this.waiting),
    });
  }

  async load(): Promise<EntryDeclarations[]> {
    const r = await this.request({ kind: 'slice-load', slice: this.slice });
    return r.type === 'slice-declared' ? r.declared : unexpected(r);
  }
  async local(declarations: EntryDeclarations['variables'][]): Promise<SharedGlobalWrite[]> {
    const r = await this.request({ kind: 'slice-local', declarations });
    return r.type === 'slice-shared' ? r.writes : unexpected(r);
  }
  async incoming(writes: SharedGlobalWrite[]): Promise<SliceOutcome> {
    const r = await this.request({ kind: 'slice-incoming', writes });
    return r.type === 'slice-result' ? r.outcome : unexpected(r);
  }
  async again(learned: SharedGlobalWrite[]): Promise<SliceOutcome> {
    const r = await this.request({ kind: 'slice-again', writes: learned });
    return r.type === 'slice-result' ? r.outcome : unexpected(r);
  }

  private request(req: Request): Promise<Reply> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.waiting = { resolve, reject };
      this.link.post(req);
    });
  }

  private fail(e: Error, w: WorkerHost['waiting']): void {
    this.failed ??= e;
    w?.reject(this.failed);
  }
}

export interface SplitOptions {
  /** Slices (threads) to use; the main thread holds one of them. */
  threads: number;
  supply: WorkerSupply;
  configs: ConfigCache;
  onFiles: (n: number) => void;
}

export async function runSplitTask(task: ProjectTask, opts: SplitOptions): Promise<TaskResult> {
  let counted = 0;
  const onFiles = (n: number): void => {
    counted += n;
    opts.onFiles(n);
  };
  const split = await trySplit(task, opts, onFiles);
  if (split) return split;
  // Progress already shown for this project is not counted twice.
  let skip = counted;
  return runProjectTask(task, opts.configs, (n) => {
    const k = Math.min(skip, n);
    skip -= k;
    if (n > k) opts.onFiles(n - k);
  });
}

/** The split run, or undefined when it failed (its slices are dropped before the project is analysed again). */
async function trySplit(task: ProjectTask, opts: SplitOptions, onFiles: (n: number) => void): Promise<TaskResult | undefined> {
  const slices = shareSlices(planSlices(task.key, task.files, opts.threads), task.files.length);
  // Workers first, the main thread's slice last: each step is posted to the workers before the main thread starts
  // its own share synchronously.
  const workers = slices.slice(1).map((s) => new WorkerHost(opts.supply.take(), s, onFiles));
  const hosts: SliceHost[] = [...workers, new LocalHost(slices[0], opts.configs, onFiles)];
  let failed = false;
  try {
    const declared = await Promise.all(hosts.map((h) => h.load()));
    const declarations = mergeDeclarations(declared);
    const shared = await Promise.all(hosts.map((h) => h.local(declarations)));
    const writes = shared.flat();
    let outcomes = await Promise.all(hosts.map((h) => h.incoming(writes)));
    // The rounds of Project.analyzeAll's second pass (as many at most), across the slices: while some slice learned a
    // global. The same rounds give the same report either way.
    for (let round = 1; round < PROJECT_ROUNDS; round++) {
      const learned = outcomes.flatMap((o) => o.learned);
      if (learned.length === 0) break;
      outcomes = await Promise.all(hosts.map((h) => h.again(learned)));
    }
    const out: TaskResult = { id: task.id, files: [], notifications: [], internalErrors: 0, bytes: 0 };
    for (const o of outcomes) {
      out.files.push(...o.files);
      out.notifications.push(...o.notifications);
      out.bytes += o.bytes;
    }
    return out;
  } catch (e) {
    failed = true;
    if (splitForced().strict) throw e;
    return undefined;
  } finally {
    // A worker that failed a step may still be busy with it: end it rather than reuse it.
    for (const w of workers) {
      if (failed) opts.supply.discard(w.link);
      else opts.supply.release(w.link);
    }
  }
}

function settle<T>(f: () => T): Promise<T> {
  try {
    return Promise.resolve(f());
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
}

function unexpected(r: Reply): never {
  throw new Error(`unexpected reply from a worker thread: ${r.type}`);
}

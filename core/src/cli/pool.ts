import { Worker, parentPort, workerData } from 'node:worker_threads';
import { ConfigCache } from './config';
import { runProjectTask, type ProjectTask, type TaskResult } from './analyze';

/**
 * Projects are the unit of work: a worker takes the next one from the queue (largest first, so the tail is short),
 * analyses it whole and posts the result. A worker that dies has its project re-run in the main thread.
 */

export interface WorkerInit {
  jitterbitGuardWorker: true;
  config?: string;
}

interface Request {
  task: ProjectTask;
}

type Reply = { type: 'progress'; files: number } | { type: 'result'; result: TaskResult };

export function isWorkerData(d: unknown): d is WorkerInit {
  return !!d && typeof d === 'object' && (d as WorkerInit).jitterbitGuardWorker === true;
}

/** Worker side: answer each task with its result. */
export function workerMain(): void {
  const init = workerData as WorkerInit;
  const configs = new ConfigCache(init.config);
  parentPort?.on('message', (msg: Request) => {
    let result: TaskResult;
    let pending = 0;
    let last = Date.now();
    const onFile = (n: number): void => {
      pending += n;
      const now = Date.now();
      if (now - last >= 100) {
        parentPort?.postMessage({ type: 'progress', files: pending } satisfies Reply);
        pending = 0;
        last = now;
      }
    };
    try {
      result = runProjectTask(msg.task, configs, onFile);
    } catch (e) {
      result = { id: msg.task.id, files: [], notifications: [{ level: 'error', message: `internal error in project ${msg.task.key}: ${e instanceof Error ? e.message : String(e)}` }], internalErrors: 1, bytes: 0 };
    }
    if (pending) parentPort?.postMessage({ type: 'progress', files: pending } satisfies Reply);
    parentPort?.postMessage({ type: 'result', result } satisfies Reply);
  });
}

export async function runTasks(
  tasks: ProjectTask[],
  opts: { workers: number; config?: string; configs: ConfigCache; script: string; onResult: (r: TaskResult) => void; onFiles: (n: number) => void },
): Promise<void> {
  const queue = [...tasks].sort((a, b) => size(b) - size(a) || (a.key < b.key ? -1 : 1));
  const local = opts.configs;
  const runLocal = (t: ProjectTask): void => opts.onResult(runProjectTask(t, local, opts.onFiles));
  const n = Math.min(opts.workers, queue.length);
  if (n <= 1) {
    for (const t of queue) runLocal(t);
    return;
  }
  await new Promise<void>((resolve) => {
    let active = 0;
    const start = (): void => {
      const w = new Worker(opts.script, { workerData: { jitterbitGuardWorker: true, config: opts.config } satisfies WorkerInit });
      active++;
      let current: ProjectTask | undefined;
      let finished = false;
      const next = (): void => {
        current = queue.shift();
        if (current) w.postMessage({ task: current } satisfies Request);
        else {
          finished = true;
          void w.terminate();
        }
      };
      const done = (): void => {
        if (current) {
          // The worker died mid-project: analyse it here so nothing is lost.
          const t = current;
          current = undefined;
          runLocal(t);
        }
        if (!finished) {
          finished = true;
          while (queue.length && active === 1) runLocal(queue.shift() as ProjectTask);
        }
        active--;
        if (active === 0) resolve();
      };
      w.on('message', (m: Reply) => {
        if (m.type === 'progress') {
          opts.onFiles(m.files);
          return;
        }
        current = undefined;
        opts.onResult(m.result);
        next();
      });
      w.on('error', () => undefined);
      w.on('exit', done);
      next();
    };
    for (let i = 0; i < n; i++) start();
  });
}

function size(t: ProjectTask): number {
  let s = 0;
  for (const f of t.files) s += f.size;
  return s;
}

import { bytesOf, runProjectTask, type ProjectTask, type TaskResult } from './analyze';
import type { ConfigCache } from './config';
import type { Reply, Request } from './messages';
import type { WorkerSupply } from './workers';

/**
 * Projects are the unit of work: a worker takes the next one from the queue (largest first, so the tail is short),
 * analyses it whole and posts the result. A worker that dies has its project re-run in the main thread.
 */
export async function runTasks(
  tasks: ProjectTask[],
  opts: { workers: number; supply: WorkerSupply; configs: ConfigCache; onResult: (r: TaskResult) => void; onFiles: (n: number) => void },
): Promise<void> {
  const queue = [...tasks].sort((a, b) => bytesOf(b) - bytesOf(a) || (a.key < b.key ? -1 : 1));
  const runLocal = (t: ProjectTask): void => opts.onResult(runProjectTask(t, opts.configs, opts.onFiles));
  const n = Math.min(opts.workers, queue.length);
  if (n <= 1) {
    for (const t of queue) runLocal(t);
    return;
  }
  await new Promise<void>((resolve) => {
    let active = 0;
    const start = (): void => {
      const link = opts.supply.take();
      active++;
      let current: ProjectTask | undefined;
      let finished = false;
      const finish = (): void => {
        finished = true;
        active--;
        if (active === 0) resolve();
      };
      const next = (): void => {
        current = queue.shift();
        if (current) {
          link.post({ kind: 'project', task: current } satisfies Request);
        } else {
          opts.supply.release(link);
          finish();
        }
      };
      link.attach({
        message: (raw) => {
          const m = raw as Reply;
          if (m.type === 'progress') {
            opts.onFiles(m.files);
          } else if (m.type === 'result') {
            current = undefined;
            opts.onResult(m.result);
            next();
          }
        },
        exit: () => {
          if (finished) return;
          if (current) {
            // The worker died mid-project: analyse it here so nothing is lost.
            const t = current;
            current = undefined;
            runLocal(t);
          }
          // The last worker gone: the main thread takes what is left.
          while (queue.length && active === 1) runLocal(queue.shift() as ProjectTask);
          finish();
        },
      });
      next();
    };
    for (let i = 0; i < n; i++) start();
  });
}

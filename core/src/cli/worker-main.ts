import { parentPort, workerData } from 'node:worker_threads';
import { runProjectTask, type TaskResult } from './analyze';
import { ConfigCache } from './config';
import type { Reply, Request } from './messages';
import { errorMessage } from './project-files';
import { SliceRunner } from './slices';
import type { WorkerInit } from './workers';

/** A worker thread: answers whole projects (the pool) and the steps of a split project's slice, one at a time. */
export function workerMain(): void {
  const init = workerData as WorkerInit;
  const configs = new ConfigCache(init.config);
  const post = (r: Reply): void => parentPort?.postMessage(r);
  // Progress goes out at most every 100 ms; the rest is flushed with the answer.
  let pending = 0;
  let last = Date.now();
  const onFile = (n: number): void => {
    pending += n;
    const now = Date.now();
    if (now - last >= 100) {
      post({ type: 'progress', files: pending });
      pending = 0;
      last = now;
    }
  };
  const flush = (): void => {
    if (pending) post({ type: 'progress', files: pending });
    pending = 0;
  };
  let slice: SliceRunner | undefined;
  parentPort?.on('message', (msg: Request) => {
    if (msg.kind === 'project') {
      slice = undefined; // a split project's slice is done once the pool hands this worker a project again
      let result: TaskResult;
      try {
        result = runProjectTask(msg.task, configs, onFile);
      } catch (e) {
        result = { id: msg.task.id, files: [], notifications: [{ level: 'error', message: `internal error in project ${msg.task.key}: ${errorMessage(e)}` }], internalErrors: 1, bytes: 0 };
      }
      flush();
      post({ type: 'result', result });
      return;
    }
    let reply: Reply;
    try {
      if (msg.kind === 'slice-load') {
        slice = new SliceRunner(msg.slice, configs, onFile);
        reply = { type: 'slice-declared', declared: slice.load() };
      } else if (msg.kind === 'slice-local') {
        reply = { type: 'slice-shared', writes: need(slice).local(msg.declarations) };
      } else if (msg.kind === 'slice-incoming') {
        // Kept: more rounds (`slice-again`) may follow while some slice learns something.
        reply = { type: 'slice-result', outcome: need(slice).incoming(msg.writes) };
      } else {
        reply = { type: 'slice-result', outcome: need(slice).again(msg.writes) };
      }
    } catch (e) {
      // The main thread analyses the whole project again; this slice is dropped.
      slice = undefined;
      reply = { type: 'slice-error', message: errorMessage(e) };
    }
    flush();
    post(reply);
  });
}

function need(s: SliceRunner | undefined): SliceRunner {
  if (!s) throw new Error('no slice loaded');
  return s;
}

import { Worker } from 'node:worker_threads';

/**
 * Worker threads of one CLI run: started early (a thread loads the bundle, ≈ 0.1 s, while the main thread is still
 * finding files), reused from one job to the next (whole projects, slices of a split project), ended once at the end.
 */

export interface WorkerInit {
  jitterbitGuardWorker: true;
  config?: string;
}

export function isWorkerData(d: unknown): d is WorkerInit {
  return !!d && typeof d === 'object' && (d as WorkerInit).jitterbitGuardWorker === true;
}

/** What a job does with its worker's messages; `exit` means the thread is gone (crashed or ended). */
export interface LinkHandler {
  message(m: unknown): void;
  exit(): void;
}

/** One worker thread, handed from job to job: each job attaches its handler while it uses the thread. */
export class WorkerLink {
  private handler: LinkHandler | undefined;
  private gone = false;

  constructor(readonly worker: Worker) {
    worker.on('message', (m: unknown) => this.handler?.message(m));
    // The exit that follows says what matters (the job falls back); the error itself carries nothing to report.
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      this.gone = true;
      this.handler?.exit();
    });
  }

  get dead(): boolean {
    return this.gone;
  }

  attach(h: LinkHandler): void {
    this.handler = h;
    if (this.gone) h.exit();
  }

  detach(): void {
    this.handler = undefined;
  }

  post(m: unknown): void {
    this.worker.postMessage(m);
  }
}

export class WorkerSupply {
  private readonly idle: WorkerLink[] = [];
  private readonly all: WorkerLink[] = [];

  constructor(
    private readonly script: string,
    private readonly config: string | undefined,
  ) {}

  /** Starts threads now, up to `n` in all, so they are ready when the work is. */
  warm(n: number): void {
    while (this.all.length < n) this.idle.push(this.spawn());
  }

  /** A started idle thread, or a new one. */
  take(): WorkerLink {
    let l = this.idle.shift();
    while (l?.dead) l = this.idle.shift();
    return l ?? this.spawn();
  }

  /** Back to the idle list once a job is done with it. */
  release(l: WorkerLink): void {
    l.detach();
    if (!l.dead) this.idle.push(l);
  }

  /** Ends a thread now (a job that gave up on it). */
  discard(l: WorkerLink): void {
    l.detach();
    void l.worker.terminate();
  }

  /** Ends every thread (idle ones would keep the process alive). */
  async close(): Promise<void> {
    this.idle.length = 0;
    await Promise.all(this.all.map((l) => l.worker.terminate()));
  }

  private spawn(): WorkerLink {
    const l = new WorkerLink(new Worker(this.script, { workerData: { jitterbitGuardWorker: true, config: this.config } satisfies WorkerInit }));
    this.all.push(l);
    return l;
  }
}

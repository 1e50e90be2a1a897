// The page's side of every worker-trained demo: one worker, started on the first job and reused for the
// next, runs named jobs (worker-jobs.ts on the worker's side). A job takes plain-data arguments and an
// AbortSignal, reports progress through a callback and resolves with its result. Stopping sends 'stop'
// and waits for the worker to end the job (its last progress still arrives), then rejects with an
// AbortError; a worker that does not end it within `stopGraceMs` is terminated (a fresh one serves the
// next job). A worker that fails (an uncaught error, a message that cannot be read) rejects every job it
// had with an Error saying so, and is replaced on the next job. Messages of a job that has settled are
// ignored.
//
// Example:
//   const host = new WorkerHost<DiffusionJobs>(() => new Worker(new URL('./x.worker.ts', import.meta.url),
//     { type: 'module' }));
//   const result = await host.run('train', args, { signal, onProgress: (p) => draw(p) });
import { abortError } from './abort';
import type { JobMap, WorkerLike, WorkerMessage } from './worker-protocol';

export type { JobMap, WorkerLike } from './worker-protocol';

export interface JobOptions<P> {
  signal?: AbortSignal;
  onProgress?: (data: P) => void;
}

export interface WorkerHostOptions {
  /** How long a stopped job may take to end before its worker is terminated, ms (default 5000). */
  stopGraceMs?: number;
}

interface Pending {
  worker: WorkerLike;
  progress(data: unknown): void;
  done(result: unknown): void;
  failed(error: Error): void;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class WorkerHost<J extends JobMap> {
  private worker: WorkerLike | null = null;
  private nextId = 1;
  private readonly jobs = new Map<number, Pending>();
  private readonly stopGraceMs: number;
  /** How many workers this host has started (a new one after a failure or a forced stop). */
  workersStarted = 0;

  constructor(
    private readonly create: () => WorkerLike,
    options: WorkerHostOptions = {},
  ) {
    this.stopGraceMs = options.stopGraceMs ?? 5000;
  }

  /** Jobs started and not yet settled. */
  get running(): number {
    return this.jobs.size;
  }

  run<K extends keyof J & string>(
    job: K,
    args: J[K]['args'],
    options: JobOptions<J[K]['progress']> = {},
  ): Promise<J[K]['result']> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(abortError());
    let worker: WorkerLike;
    try {
      worker = this.ensureWorker();
    } catch (e) {
      return Promise.reject(new Error(`The worker could not be started: ${message(e)}`));
    }
    const id = this.nextId++;
    return new Promise<J[K]['result']>((resolve, reject) => {
      let grace: ReturnType<typeof setTimeout> | undefined;
      const stop = () => {
        if (!this.jobs.has(id)) return;
        worker.postMessage({ kind: 'stop', id });
        grace ??= setTimeout(() => {
          if (!this.jobs.has(id)) return;
          this.discard(worker, `job ${job} did not stop within ${this.stopGraceMs} ms`);
        }, this.stopGraceMs);
      };
      const settle = () => {
        this.jobs.delete(id);
        signal?.removeEventListener('abort', stop);
        clearTimeout(grace);
      };
      this.jobs.set(id, {
        worker,
        progress: (data) => {
          try {
            onProgress?.(data as J[K]['progress']);
          } catch (e) {
            // The page cannot take this job's reports: stop it and fail with the page's error.
            stop();
            settle();
            reject(e instanceof Error ? e : new Error(message(e)));
          }
        },
        done: (result) => {
          settle();
          if (signal?.aborted) reject(abortError());
          else resolve(result as J[K]['result']);
        },
        failed: (error) => {
          settle();
          reject(signal?.aborted ? abortError() : error);
        },
      });
      signal?.addEventListener('abort', stop, { once: true });
      worker.postMessage({ kind: 'start', id, job, args });
    });
  }

  /** Ends the worker; its unsettled jobs reject with an AbortError. The next job starts a fresh worker. */
  terminate(): void {
    if (this.worker) this.discard(this.worker, null);
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.create();
    this.workersStarted++;
    worker.onmessage = (e) => this.receive(worker, e.data);
    worker.onerror = (e) => {
      e.preventDefault?.();
      this.discard(worker, `The worker failed: ${e.message || 'an error without a message'}`);
    };
    worker.onmessageerror = () => this.discard(worker, 'The worker sent a message that could not be read.');
    this.worker = worker;
    return worker;
  }

  private receive(worker: WorkerLike, m: WorkerMessage): void {
    const job = this.jobs.get(m.id);
    if (!job || job.worker !== worker) return; // a settled (stale) job, or a discarded worker
    if (m.kind === 'progress') job.progress(m.data);
    else if (m.kind === 'done') job.done(m.result);
    else job.failed(m.aborted ? abortError() : new Error(m.message));
  }

  /** Terminates `worker` and settles its jobs: with an Error saying `why`, or (why = null) an AbortError. */
  private discard(worker: WorkerLike, why: string | null): void {
    worker.terminate();
    worker.onmessage = null;
    worker.onerror = null;
    if (this.worker === worker) this.worker = null;
    for (const job of [...this.jobs.values()])
      if (job.worker === worker) job.failed(why === null ? abortError() : new Error(why));
  }
}

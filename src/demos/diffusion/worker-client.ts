// The page's side of the diffusion worker: each run is an async generator of the worker's reports that
// ends when the worker is done, rejects with the worker's error, or — when `signal` fires — tells the worker
// to stop, waits for its last report (the weights it reached) and rejects with an AbortError.
//
// Example: for await (const r of client.train(request, signal)) net.params.set(r.params);
import { abortError } from '../../runtime/abort';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

type Report = Extract<WorkerReply, { type: 'train-progress' | 'sample-frames' }>;
type RunRequest<K extends 'train' | 'sample'> = Omit<Extract<WorkerRequest, { type: K }>, 'id' | 'type'>;

export class DiffusionWorkerClient {
  private nextId = 1;
  private readonly queues = new Map<number, { push: (r: WorkerReply) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<WorkerReply>) => this.queues.get(e.data.id)?.push(e.data);
    worker.onerror = (e) => {
      for (const q of this.queues.values())
        q.push({ type: 'failed', id: 0, aborted: false, message: e.message || 'the worker failed' });
    };
  }

  /** A worker of this folder's worker.ts, or null where workers are unavailable (Node, old browsers). */
  static create(): DiffusionWorkerClient | null {
    if (typeof Worker === 'undefined') return null;
    try {
      return new DiffusionWorkerClient(
        new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
      );
    } catch {
      return null;
    }
  }

  train(request: RunRequest<'train'>, signal?: AbortSignal) {
    return this.run({ ...request, type: 'train' } as WorkerRequest, signal) as AsyncGenerator<
      Extract<Report, { type: 'train-progress' }>
    >;
  }

  sample(request: RunRequest<'sample'>, signal?: AbortSignal) {
    return this.run({ ...request, type: 'sample' } as WorkerRequest, signal) as AsyncGenerator<
      Extract<Report, { type: 'sample-frames' }>
    >;
  }

  terminate(): void {
    this.worker.terminate();
  }

  private async *run(request: WorkerRequest, signal?: AbortSignal): AsyncGenerator<Report> {
    const id = this.nextId++;
    const pending: WorkerReply[] = [];
    let wake: (() => void) | null = null;
    this.queues.set(id, {
      push: (r) => {
        pending.push(r);
        wake?.();
      },
    });
    const stop = () => this.worker.postMessage({ type: 'stop', id } satisfies WorkerRequest);
    signal?.addEventListener('abort', stop, { once: true });
    let finished = false;
    try {
      if (signal?.aborted) throw abortError();
      this.worker.postMessage({ ...request, id });
      for (;;) {
        while (pending.length === 0) await new Promise<void>((r) => (wake = r));
        wake = null;
        const reply = pending.shift()!;
        if (reply.type === 'done' || reply.type === 'failed') finished = true;
        if (reply.type === 'done') return;
        if (reply.type === 'failed') throw reply.aborted ? abortError() : new Error(reply.message);
        yield reply;
      }
    } finally {
      // A consumer that leaves early (break, or an error of its own) stops the worker's run too.
      if (!finished) stop();
      signal?.removeEventListener('abort', stop);
      this.queues.delete(id);
    }
  }
}

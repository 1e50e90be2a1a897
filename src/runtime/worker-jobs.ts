// The worker's side of a WorkerHost (worker-host.ts): a table of named jobs, each an async function of its
// plain-data arguments and a context with an AbortSignal (fired by the page's 'stop') and a progress
// function. A job's result, its AbortError or its Error goes back to the page as one message.
//
// Example (in a worker module):
//   serveJobs<DiffusionJobs>({ train: async (args, { signal, progress }) => { …; return result; } });
import { isAbortError } from './abort';
import type { HostMessage, JobMap, WorkerMessage, WorkerScope } from './worker-protocol';

export interface JobContext<P> {
  /** Fires when the page stops this job; the job should end promptly with an AbortError. */
  signal: AbortSignal;
  progress(data: P): void;
}

export type JobHandlers<J extends JobMap> = {
  [K in keyof J]: (args: J[K]['args'], ctx: JobContext<J[K]['progress']>) => Promise<J[K]['result']>;
};

const text = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Answers the page's jobs on `scope` (the worker's global scope by default). */
export function serveJobs<J extends JobMap>(
  handlers: JobHandlers<J>,
  scope: WorkerScope = self as unknown as WorkerScope,
): void {
  const running = new Map<number, AbortController>();
  const post = (m: WorkerMessage) => scope.postMessage(m);
  scope.onmessage = async (event: MessageEvent<HostMessage>) => {
    const m = event.data;
    if (m.kind === 'stop') {
      running.get(m.id)?.abort();
      return;
    }
    const { id } = m;
    const controller = new AbortController();
    running.set(id, controller);
    try {
      const handler = Object.hasOwn(handlers, m.job) ? handlers[m.job as keyof J] : undefined;
      if (!handler) throw new Error(`This worker has no job named "${m.job}".`);
      const result = await handler(m.args as never, {
        signal: controller.signal,
        progress: (data) => post({ kind: 'progress', id, data }),
      });
      post({ kind: 'done', id, result });
    } catch (e) {
      post({ kind: 'failed', id, aborted: isAbortError(e), message: text(e) });
    } finally {
      running.delete(id);
    }
  };
}

// The fair-comparison cell's compute in the page: its job in the cell's worker (worker.ts, on the shared
// WorkerHost), made on the first Run, or in this thread where there are no workers (compute.ts' loop).
//
// Example: new FairEvalSession(store, { compute: workerCompute() });
import { LazyWorker } from '../../runtime/lazy-worker';
import { WorkerHost } from '../../runtime/worker-host';
import { inlineCompute, type FairCompute } from './compute';
import type { FairJobs } from './worker-protocol';

function fairWorker(): WorkerHost<FairJobs> | null {
  if (typeof Worker === 'undefined') return null;
  return new WorkerHost<FairJobs>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  );
}

/** The job in the cell's worker; in this thread where workers are unavailable. */
export function workerCompute(): FairCompute {
  const lazy = new LazyWorker(fairWorker);
  const inline = inlineCompute();
  return {
    get inWorker() {
      return lazy.started;
    },
    async train(values, signal, report) {
      const w = lazy.get();
      if (!w) return inline.train(values, signal, report);
      await w.run('train', values, { signal, onProgress: report });
    },
    dispose() {
      lazy.dispose();
    },
  };
}

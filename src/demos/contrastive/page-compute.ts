// The contrastive cell's compute in the page: its jobs in the cell's worker (worker-client.ts, on the shared
// WorkerHost), made on the first job, or in this thread where there are no workers (compute.ts' loops).
//
// Example: new ContrastiveSession(store, { compute: workerCompute() });
import { inlineCompute, type ContrastiveCompute } from './compute';
import { LazyWorker } from '../../runtime/lazy-worker';
import { contrastiveWorker } from './worker-client';

/** Jobs in the cell's worker, on the shared WorkerHost; in this thread where workers are unavailable. */
export function workerCompute(): ContrastiveCompute {
  const lazy = new LazyWorker(contrastiveWorker);
  const inline = inlineCompute();
  return {
    get inWorker() {
      return lazy.started;
    },
    async train(job, signal, report) {
      const w = lazy.get();
      if (!w) return inline.train(job, signal, report);
      await w.run('train', job, { signal, onProgress: report });
    },
    async trainPairs(job, signal, report) {
      const w = lazy.get();
      if (!w) return inline.trainPairs(job, signal, report);
      await w.run('trainPairs', job, { signal, onProgress: report });
    },
    dispose() {
      lazy.dispose();
    },
  };
}

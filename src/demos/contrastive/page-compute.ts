// The contrastive cell's compute in the page: its jobs in the cell's worker (worker-client.ts, on the shared
// WorkerHost), made on the first job, or in this thread where there are no workers (compute.ts' loops).
//
// Example: new ContrastiveSession(store, { compute: workerCompute() });
import { inlineCompute, type ContrastiveCompute } from './compute';
import { contrastiveWorker, type ContrastiveWorker } from './worker-client';

/** Jobs in the cell's worker, on the shared WorkerHost; in this thread where workers are unavailable. */
export function workerCompute(): ContrastiveCompute {
  /** undefined: not made yet; null: no workers here. */
  let host: ContrastiveWorker | null | undefined;
  const inline = inlineCompute();
  const worker = () => {
    if (host === undefined) host = contrastiveWorker();
    return host;
  };
  return {
    get inWorker() {
      return host != null;
    },
    async train(job, signal, report) {
      const w = worker();
      if (!w) return inline.train(job, signal, report);
      await w.run('train', job, { signal, onProgress: report });
    },
    async trainPairs(job, signal, report) {
      const w = worker();
      if (!w) return inline.trainPairs(job, signal, report);
      await w.run('trainPairs', job, { signal, onProgress: report });
    },
    dispose() {
      host?.terminate();
      host = undefined;
    },
  };
}

// The ablation cell's compute in the page: its job in the cell's worker (worker.ts, on the shared WorkerHost),
// made on the first Run, or in this thread where there are no workers (compute.ts' runner, with the page's
// tfjs runtime for the transformer).
//
// Example: new AblationSession(store, { compute: workerCompute() });
import { LazyWorker } from '../../runtime/lazy-worker';
import { computeRuntime } from '../../runtime/compute';
import { WorkerHost } from '../../runtime/worker-host';
import { inlineCompute, type AblationCompute } from './compute';
import type { AblationJobs } from './worker-protocol';

function ablationWorker(): WorkerHost<AblationJobs> | null {
  if (typeof Worker === 'undefined') return null;
  return new WorkerHost<AblationJobs>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  );
}

export function workerCompute(): AblationCompute {
  const lazy = new LazyWorker(ablationWorker);
  const inline = inlineCompute({
    ensureTf: async () => (await computeRuntime().ensure()).getBackend(),
  });
  return {
    get inWorker() {
      return lazy.started;
    },
    async run(job, signal, report) {
      const w = lazy.get();
      if (!w) return inline.run(job, signal, report);
      await w.run('ablate', job, { signal, onProgress: report });
    },
    dispose() {
      lazy.dispose();
    },
  };
}

// The page's handle on the contrastive worker (worker.ts): the shared WorkerHost with this cell's jobs.
//
// Example: await contrastiveWorker()?.run('train', job, { signal, onProgress: (r) => keep(r) });
import { WorkerHost } from '../../runtime/worker-host';
import type { ContrastiveJobs } from './worker-protocol';

export type ContrastiveWorker = WorkerHost<ContrastiveJobs>;

/** A host for this folder's worker.ts (started on its first job), or null where there are no workers (Node). */
export function contrastiveWorker(): ContrastiveWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new WorkerHost<ContrastiveJobs>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  );
}

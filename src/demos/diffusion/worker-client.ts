// The page's handle on the diffusion worker (worker.ts): the shared WorkerHost with this cell's jobs.
//
// Example: await diffusionWorker()?.run('train', args, { signal, onProgress: (r) => net.params.set(r.params) });
import { WorkerHost } from '../../runtime/worker-host';
import type { DiffusionJobs } from './worker-protocol';

export type DiffusionWorker = WorkerHost<DiffusionJobs>;

/** A host for this folder's worker.ts (started on its first job), or null where there are no workers (Node). */
export function diffusionWorker(): DiffusionWorker | null {
  if (typeof Worker === 'undefined') return null;
  return new WorkerHost<DiffusionJobs>(
    () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }),
  );
}

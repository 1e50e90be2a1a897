// The page's handle on the patching panel's worker (heads.worker.ts): a WorkerHost with its one job, or null
// where there are no workers (Node), where the session trains in its own thread instead.
import { WorkerHost } from '../../runtime/worker-host';
import type { HeadsJobs } from './heads-jobs';

export function headsWorker(): WorkerHost<HeadsJobs> | null {
  if (typeof Worker === 'undefined') return null;
  return new WorkerHost<HeadsJobs>(
    () => new Worker(new URL('./heads.worker.ts', import.meta.url), { type: 'module' }),
  );
}

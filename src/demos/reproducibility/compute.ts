// Where the reproducibility cell's model trains: in the cell's worker (repro.worker.ts, on the shared
// WorkerHost), made on the first job, on the backend asked for; where there are no workers (Node tests),
// in this thread on tfjs' active backend (the CPU backend in tests), saying so in the result.
import type { ReproModelSettings } from '../../../kernels/repro-train';
import { trainReproModel } from '../../../kernels/repro-train';
import { LazyWorker } from '../../runtime/lazy-worker';
import { loadTf } from '../../runtime/tf-host';
import type { BackendRequest } from '../../runtime/worker-backend';
import { WorkerHost } from '../../runtime/worker-host';
import type { ReproJobs, TrainedRun } from './jobs';

export const CPU: BackendRequest = { backend: 'cpu', strict: true };
/** The page's order (WebGPU, WebGL, WASM, CPU); a software GPU gives way to WASM. */
export const BEST: BackendRequest = { backend: null, strict: false };

export interface ReproCompute {
  train(
    settings: ReproModelSettings,
    backend: BackendRequest,
    signal: AbortSignal,
    onStep?: (step: number, loss: number) => void,
  ): Promise<TrainedRun>;
  dispose(): void;
}

function reproWorker(): WorkerHost<ReproJobs> | null {
  if (typeof Worker === 'undefined') return null;
  return new WorkerHost<ReproJobs>(
    () => new Worker(new URL('./repro.worker.ts', import.meta.url), { type: 'module' }),
  );
}

/** Runs in this thread on the active tfjs backend (no switching: other cells share it). */
async function inlineTrain(
  settings: ReproModelSettings,
  backend: BackendRequest,
  signal: AbortSignal,
  onStep?: (step: number, loss: number) => void,
): Promise<TrainedRun> {
  const tf = await loadTf();
  const run = await trainReproModel(tf, settings, { signal, onStep });
  return {
    ...run,
    renderer: null,
    tfjsVersion: tf.version_core,
    requested: backend.backend,
    attempts: [`${run.backend}: this thread (no workers here)`],
  };
}

export function reproCompute(): ReproCompute {
  const lazy = new LazyWorker(reproWorker);
  return {
    async train(settings, backend, signal, onStep) {
      const w = lazy.get();
      if (!w) return inlineTrain(settings, backend, signal, onStep);
      return w.run('train', { settings, backend }, { signal, onProgress: (p) => onStep?.(p.step, p.loss) });
    },
    dispose() {
      lazy.dispose();
    },
  };
}

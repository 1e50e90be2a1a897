// The Vision Transformer cell's worker: trains the tiny ViT or the small CNN off the page's main thread on
// the best verified tfjs backend it has (WebGPU, WebGL, WASM, CPU; a software GPU gives way to WASM), and
// posts snapshots and evaluations as plain data (train-job.ts).
import { useWorkerBackend } from '../../runtime/worker-backend';
import { serveJobs } from '../../runtime/worker-jobs';
import type { VitJobs } from './jobs';
import { runTrainingJob } from './train-job';

serveJobs<VitJobs>({
  async train(args, ctx) {
    const { info } = await useWorkerBackend({ backend: null, strict: false });
    return runTrainingJob(args, ctx, info.backend);
  },
});

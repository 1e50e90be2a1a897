// The Vision Transformer cell's worker: trains the tiny ViT or the small CNN off the page's main thread on
// the best verified tfjs backend it has (WebGPU, WebGL, WASM, CPU; a software GPU gives way to WASM), and
// posts snapshots and evaluations as plain data (train-job.ts). Each result says how many tensors the worker
// holds beyond its count before its first model, so a leak from a stopped run shows in the next result.
import * as tf from '@tensorflow/tfjs-core';
import { useWorkerBackend } from '../../runtime/worker-backend';
import { serveJobs } from '../../runtime/worker-jobs';
import type { VitJobs } from './jobs';
import { runTrainingJob } from './train-job';

let baseline: number | null = null;

serveJobs<VitJobs>({
  async train(args, ctx) {
    const { info } = await useWorkerBackend({ backend: null, strict: false });
    baseline ??= tf.memory().numTensors;
    const result = await runTrainingJob(args, ctx, info.backend);
    return { ...result, leaked: tf.memory().numTensors - baseline };
  },
});

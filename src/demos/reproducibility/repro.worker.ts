// The reproducibility cell's worker: trains the cell's small model (kernels/repro-train.ts) on the tfjs
// backend the page asks for — the CPU backend for runs and bit-for-bit replays, the best GPU backend for
// the comparison — in its own tfjs, so the page's backend is never switched under another cell. tfjs has one
// active backend per thread, so jobs run one at a time, in the order they came: a comparison on WASM never
// switches the backend under a run on the CPU backend.
import * as tf from '@tensorflow/tfjs-core';
import { trainReproModel } from '../../../kernels/repro-train';
import { yieldFrame } from '../../runtime/loop';
import { useWorkerBackend } from '../../runtime/worker-backend';
import { serveJobs, type JobContext } from '../../runtime/worker-jobs';
import type { ReproJobs, TrainedRun } from './jobs';

type TrainJob = ReproJobs['train'];

async function train(
  args: TrainJob['args'],
  { signal, progress }: JobContext<TrainJob['progress']>,
): Promise<TrainedRun> {
  const { info } = await useWorkerBackend(args.backend);
  let last = 0;
  const run = await trainReproModel(tf, args.settings, {
    signal,
    yieldFn: yieldFrame,
    budgetMs: 50,
    onStep: (step, loss) => {
      const now = performance.now();
      if (now - last < 100 && step < args.settings.steps) return;
      last = now;
      progress({ step, loss });
    },
  });
  return {
    ...run,
    renderer: info.renderer,
    tfjsVersion: tf.version_core,
    requested: info.requested,
    attempts: info.attempts.map((a) => `${a.name}: ${a.ok ? 'ok' : a.reason}`),
  };
}

/** The end of the last job queued (settled either way). */
let queue: Promise<unknown> = Promise.resolve();

serveJobs<ReproJobs>({
  train(args, ctx) {
    const job = queue.then(() => train(args, ctx));
    queue = job.catch(() => undefined);
    return job;
  },
});

// The reproducibility cell's worker: trains the cell's small model (kernels/repro-train.ts) on the tfjs
// backend the page asks for — the CPU backend for runs and bit-for-bit replays, the best GPU backend for
// the comparison — in its own tfjs, so the page's backend is never switched under another cell. tfjs has one
// active backend per thread, so jobs run one at a time, in the order they came: a comparison on WASM never
// switches the backend under a run on the CPU backend.
import * as tf from '@tensorflow/tfjs-core';
import { trainReproModel } from '../../../kernels/repro-train';
import { abortError } from '../../runtime/abort';
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

/** Rejects with an AbortError once the signal fires (never resolves); the rejection is handled here too. */
function whenAborted(signal: AbortSignal): Promise<never> {
  const p = new Promise<never>((_, reject) => {
    if (signal.aborted) reject(abortError());
    else signal.addEventListener('abort', () => reject(abortError()), { once: true });
  });
  p.catch(() => undefined);
  return p;
}

/** Settles once every job queued so far has settled. */
let queue: Promise<unknown> = Promise.resolve();

serveJobs<ReproJobs>({
  train(args, ctx) {
    const turn = queue;
    // A job stopped while it waits for its turn ends at once (its worker is not held past the stop's grace).
    const job = Promise.race([turn, whenAborted(ctx.signal)]).then(() => train(args, ctx));
    queue = Promise.allSettled([turn, job]);
    return job;
  },
});

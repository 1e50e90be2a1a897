// The diffusion session's compute in the page: typed-array jobs in the cell's worker (worker-client.ts, on the
// shared WorkerHost), made on the first job, or in this thread where there are no workers; and the tfjs engine, which trains on the
// page's tfjs backend (tfjs and kernels/diffusion/tf-trainer.ts load on its first use).
import { noiseSchedule } from '../../../kernels/diffusion/index';
import { yieldFrame } from '../../runtime/loop';
import { computeRuntime } from '../../runtime/compute';
import { inlineCompute, networkOf, reportTraining, type DiffusionCompute } from './compute';
import { LazyWorker } from '../../runtime/lazy-worker';
import { diffusionWorker } from './worker-client';

/** Jobs in the cell's worker, on the shared WorkerHost; in this thread where workers are unavailable. */
export function workerCompute(): DiffusionCompute {
  const lazy = new LazyWorker(diffusionWorker);
  const inline = inlineCompute();
  return {
    get inWorker() {
      return lazy.started;
    },
    async train(job, signal, report) {
      const w = lazy.get();
      if (!w) return inline.train(job, signal, report);
      // Reports are handled one after another (a report may measure the per-timestep loss), and all of them,
      // the last one (the weights reached) included, before the job's end is passed on.
      let chain: Promise<void> = Promise.resolve();
      try {
        await w.run('train', job, { signal, onProgress: (r) => void (chain = chain.then(() => report(r))) });
      } finally {
        await chain;
      }
    },
    async sample(job, signal, frames) {
      const w = lazy.get();
      if (!w) return inline.sample(job, signal, frames);
      return w.run('sample', job, { signal, onProgress: frames });
    },
    dispose() {
      lazy.dispose();
    },
  };
}

/** Training on the page's tfjs backend (the same batches, loss and Adam, in float32); it does not sample. */
export function tfjsCompute(): DiffusionCompute {
  return {
    inWorker: false,
    async train(job, signal, report) {
      const tf = await computeRuntime().ensure();
      const { trainDenoiserTf } = await import('../../../kernels/diffusion/tf-trainer');
      const net = networkOf(job.config, job.params);
      const schedule = noiseSchedule(job.config.T, job.schedule);
      // trainDenoiserTf copies the weights back every 50 steps and as it ends, however it ends.
      const run = trainDenoiserTf(
        tf,
        net,
        job.data,
        schedule,
        { ...job.options, yieldFn: yieldFrame },
        signal,
      );
      await reportTraining(net, run, report);
    },
    sample() {
      return Promise.reject(new Error('the tfjs engine only trains; sampling runs on typed arrays'));
    },
    dispose() {},
  };
}

// The diffusion session's compute in the page: typed-array jobs in the cell's worker (worker-client.ts), made
// on the first job, or in this thread where there are no workers; and the tfjs engine, which trains on the
// page's tfjs backend (tfjs and kernels/diffusion/tf-trainer.ts load on its first use).
import { noiseSchedule } from '../../../kernels/diffusion/index';
import { yieldFrame } from '../../runtime/loop';
import { computeRuntime } from '../../runtime/compute';
import { inlineCompute, networkOf, reportTraining, type DiffusionCompute } from './compute';
import { DiffusionWorkerClient } from './worker-client';

/** Jobs in a worker; in this thread where workers are unavailable. */
export function workerCompute(): DiffusionCompute {
  /** undefined: not made yet; null: no workers here. */
  let client: DiffusionWorkerClient | null | undefined;
  const inline = inlineCompute();
  const worker = () => {
    if (client === undefined) client = DiffusionWorkerClient.create();
    return client;
  };
  return {
    get inWorker() {
      return client != null;
    },
    async train(job, signal, report) {
      const c = worker();
      if (!c) return inline.train(job, signal, report);
      for await (const r of c.train(job, signal)) await report(r);
    },
    async sample(job, signal, frames) {
      const c = worker();
      if (!c) return inline.sample(job, signal, frames);
      for await (const r of c.sample(job, signal)) frames(r.frames);
    },
    dispose() {
      client?.terminate();
      client = undefined;
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

// The diffusion cell's worker: trains the denoiser and runs the sampler off the page's main thread, so the
// page paints and answers input while the cores compute. Its jobs are served by serveJobs
// (src/runtime/worker-jobs.ts) for the page's WorkerHost; a run stops at the next slice (≤ 50 ms) after
// the page stops it and reports the weights it had reached.
import {
  Denoiser,
  energyDistance,
  noiseSchedule,
  sampleDiffusion,
  trainDenoiser,
  type SampleFrame,
} from '../../../kernels/diffusion/index';
import { serveJobs } from '../../runtime/worker-jobs';
import type { DiffusionJobs, SampleArgs, TrainArgs, TrainProgress } from './worker-protocol';
import { yieldFrame } from '../../runtime/loop';

const REPORT_EVERY_MS = 250;

async function train(
  request: TrainArgs,
  signal: AbortSignal,
  progress: (p: TrainProgress) => void,
): Promise<null> {
  const net = new Denoiser(request.config);
  net.params.set(request.params);
  const schedule = noiseSchedule(request.config.T, request.schedule);
  const options = { ...request.options, budgetMs: 50, yieldFn: yieldFrame };
  let losses: number[] = [];
  let last = performance.now();
  const started = last;
  let done = 0;
  const report = () => {
    const msPerStep = (performance.now() - started) / Math.max(1, done);
    progress({ losses, params: net.params.slice(), msPerStep });
    losses = [];
  };
  try {
    for await (const s of trainDenoiser(net, request.data, schedule, options, signal)) {
      losses.push(s.loss);
      done = s.step;
      const now = performance.now();
      if (now - last > REPORT_EVERY_MS) {
        last = now;
        report();
      }
    }
  } finally {
    report(); // whatever was learned, also when stopped or failed
  }
  return null;
}

async function sample(
  request: SampleArgs,
  signal: AbortSignal,
  progress: (frames: SampleFrame[]) => void,
): Promise<{ distance: number | null }> {
  const net = new Denoiser(request.config);
  net.params.set(request.params);
  const schedule = noiseSchedule(request.config.T, request.schedule);
  const predict = (x: Float64Array, t: number, out: Float64Array) => void net.predict(x, t, out);
  let frames: SampleFrame[] = [];
  let last = performance.now();
  const options = { ...request.options, budgetMs: 50, yieldFn: yieldFrame };
  let final: SampleFrame | null = null;
  for await (const frame of sampleDiffusion(predict, schedule, options, signal)) {
    final = frame;
    frames.push(frame);
    const now = performance.now();
    if (now - last > 60 || frame.step === frame.steps) {
      last = now;
      progress(frames);
      frames = [];
    }
  }
  const { heldOut } = request;
  return { distance: final && heldOut ? energyDistance(final.x, heldOut) : null };
}

serveJobs<DiffusionJobs>({
  train: (args, { signal, progress }) => train(args, signal, progress),
  sample: (args, { signal, progress }) => sample(args, signal, progress),
});

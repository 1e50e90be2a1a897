// The diffusion cell's worker: trains the denoiser and runs the sampler off the page's main thread, so the
// page paints and answers input while the 2 cores compute. Plain messages in and out (worker-protocol.ts);
// a run stops at the next slice (≤ 50 ms) after a 'stop' message and reports the weights it had reached.
import {
  Denoiser,
  noiseSchedule,
  sampleDiffusion,
  trainDenoiser,
  type SampleFrame,
} from '../../../kernels/diffusion/index';
import { isAbortError } from '../../runtime/abort';
import type { WorkerReply, WorkerRequest } from './worker-protocol';
import { macrotask } from './yield-task';

const REPORT_EVERY_MS = 250;
const runs = new Map<number, AbortController>();

function post(reply: WorkerReply): void {
  (self as unknown as Worker).postMessage(reply);
}

async function train(request: Extract<WorkerRequest, { type: 'train' }>, signal: AbortSignal): Promise<void> {
  const net = new Denoiser(request.config);
  net.params.set(request.params);
  const schedule = noiseSchedule(request.config.T, request.schedule);
  const options = { ...request.options, budgetMs: 50, yieldFn: macrotask };
  let losses: number[] = [];
  let last = performance.now();
  const started = last;
  let done = 0;
  const report = () => {
    post({
      type: 'train-progress',
      id: request.id,
      losses,
      params: net.params.slice(),
      msPerStep: (performance.now() - started) / Math.max(1, done),
    });
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
}

async function sample(
  request: Extract<WorkerRequest, { type: 'sample' }>,
  signal: AbortSignal,
): Promise<void> {
  const net = new Denoiser(request.config);
  net.params.set(request.params);
  const schedule = noiseSchedule(request.config.T, request.schedule);
  const predict = (x: Float64Array, t: number, out: Float64Array) => void net.predict(x, t, out);
  let frames: SampleFrame[] = [];
  let last = performance.now();
  const options = { ...request.options, budgetMs: 50, yieldFn: macrotask };
  for await (const frame of sampleDiffusion(predict, schedule, options, signal)) {
    frames.push(frame);
    const now = performance.now();
    if (now - last > 60 || frame.step === frame.steps) {
      last = now;
      post({ type: 'sample-frames', id: request.id, frames });
      frames = [];
    }
  }
}

self.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  if (request.type === 'stop') {
    runs.get(request.id)?.abort();
    return;
  }
  const controller = new AbortController();
  runs.set(request.id, controller);
  try {
    if (request.type === 'train') await train(request, controller.signal);
    else await sample(request, controller.signal);
    post({ type: 'done', id: request.id });
  } catch (e) {
    post({
      type: 'failed',
      id: request.id,
      aborted: isAbortError(e),
      message: e instanceof Error ? e.message : String(e),
    });
  } finally {
    runs.delete(request.id);
  }
};

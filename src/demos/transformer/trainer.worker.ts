// The transformer cell's worker: holds the model (its tensors live here, on the worker's own tfjs backend)
// and trains it off the page's main thread, posting each step's snapshot as plain data. It answers the
// test box too. A stopped run ends after the step in progress; then tfjs' tensor count is checked against
// the count the model should hold, and reported with the run's last message.
import * as tf from '@tensorflow/tfjs-core';
import { TransformerTrainer, type TransformerSnapshot } from '../../../kernels/transformer/trainer';
import { useWorkerBackend, type WorkerBackendInfo } from '../../runtime/worker-backend';
import { serveJobs } from '../../runtime/worker-jobs';
import type { ModelSpec, TensorReport, TransformerJobs } from './trainer-jobs';

interface Held {
  modelId: number;
  trainer: TransformerTrainer;
  backend: WorkerBackendInfo;
  /** Tensors before the model was built. */
  before: number;
  /** Tensors after its first step: its weights and the optimizer's moments. */
  steady: number | null;
  /** The run in progress (or the last one), which a new run or a dispose waits for. */
  training: Promise<void>;
}

/** How often the steps' snapshots go to the page (and at every evaluation), ms. */
const POST_EVERY_MS = 200;

let held: { modelId: number; ready: Promise<Held> } | null = null;
/** Models being disposed: a new model is built (and its tensors counted) after them. */
let releasing: Promise<unknown> = Promise.resolve();

/** The model of `spec`, built (after disposing another) on the backend it asks for. */
function model(spec: ModelSpec): Promise<Held> {
  if (held?.modelId === spec.modelId) return held.ready;
  const previous = held?.ready;
  const ready = (async (): Promise<Held> => {
    if (previous) releasing = release(previous);
    await releasing;
    const { info } = await useWorkerBackend(spec.backend);
    const before = tf.memory().numTensors;
    const trainer = new TransformerTrainer(spec.options);
    if (spec.probe) trainer.setProbe(spec.probe);
    return {
      modelId: spec.modelId,
      trainer,
      backend: info,
      before,
      steady: null,
      training: Promise.resolve(),
    };
  })();
  held = { modelId: spec.modelId, ready };
  ready.catch(() => {
    if (held?.ready === ready) held = null;
  });
  return ready;
}

/** Disposes a model once its run has ended; the tensors it leaves behind. */
async function release(ready: Promise<Held>): Promise<TensorReport | null> {
  await releasing.catch(() => undefined);
  const h = await ready.catch(() => null);
  if (!h) return null;
  await h.training;
  h.trainer.dispose();
  return { expected: h.before, now: tf.memory().numTensors };
}

const runReport = (h: Held): TensorReport => ({ expected: h.steady, now: tf.memory().numTensors });

serveJobs<TransformerJobs>({
  async train(args, { signal, progress }) {
    const h = await model(args.model);
    const previous = h.training;
    let finish = () => {};
    h.training = new Promise<void>((r) => (finish = r));
    let steps = 0;
    let batch: TransformerSnapshot[] = [];
    let posted = performance.now();
    const post = () => {
      if (batch.length) progress({ type: 'snapshots', snapshots: batch });
      batch = [];
      posted = performance.now();
    };
    try {
      await previous; // a run the page stopped without waiting (it normally waits)
      const { backend, trainer } = h;
      progress({ type: 'model', backend, parameterCount: trainer.parameterCount(), step: trainer.stepCount });
      const run = h.trainer.train({
        steps: args.steps,
        signal,
        evalEvery: args.evalEvery,
        stopAtAccuracy: args.stopAtAccuracy,
      });
      for await (const snapshot of run) {
        h.steady ??= tf.memory().numTensors; // between steps nothing else is held
        steps++;
        batch.push(snapshot);
        if (snapshot.evaluation || performance.now() - posted >= POST_EVERY_MS) post();
      }
    } finally {
      post();
      progress({ type: 'tensors', tensors: runReport(h) });
      finish();
    }
    return { steps, tensors: runReport(h) };
  },

  async predict({ model: spec, digits }) {
    const { trainer } = await model(spec);
    trainer.setProbe(digits);
    return trainer.predict(digits);
  },

  async discard({ modelId }) {
    if (held?.modelId !== modelId) return null;
    const done = release(held.ready);
    held = null;
    releasing = done;
    return done;
  },
});

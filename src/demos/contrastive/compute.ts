// Where the contrastive cell's training runs (question 10): the encoder's run (ContrastiveTrainer steps and
// evaluations) and the image–text toy's (PairTrainer) as jobs of plain data (the trainer's options, the step
// count), with batched reports of plain data back (losses, evaluations, the weights reached, typed arrays).
// The sessions take one of these: in the page, the cell's worker (page-compute.ts); in Node, and wherever
// there are no workers, `inlineCompute()` here, which runs the same loops in this thread, time-sliced. Both
// build the trainers from the same options and seeds, so their numbers are the same, bit for bit. No DOM.
//
// Example: await inlineCompute().train({ options, steps: 400, evalEvery: 20 }, signal, (r) => keep(r));
import {
  ContrastiveTrainer,
  TEST_POINTS,
  type ContrastiveOptions,
  type Evaluation,
} from '../../../kernels/contrastive-train';
import { PairTrainer, type PairOptions } from '../../../kernels/contrastive-pairs';
import { TimeSlicer, yieldFrame, type YieldFn } from '../../runtime/loop';

export interface EncoderJob {
  options: ContrastiveOptions;
  steps: number;
  /** Steps between two evaluations (and one at step 0 and at the end). */
  evalEvery: number;
}

export interface HistoryPoint extends Evaluation {
  step: number;
}

/** What happened since the last report, and the state after it. */
export interface EncoderReport {
  losses: number[];
  evaluations: HistoryPoint[];
  /** Steps taken so far. */
  steps: number;
  /** The encoder's weights reached. */
  params: Float64Array;
  /** The test set's unit embeddings (TEST_POINTS × dim) as of the last evaluation. */
  embedding: Float64Array;
}

export interface PairJob {
  options: PairOptions;
  steps: number;
  evalEvery: number;
}

export interface PairReport {
  losses: number[];
  zeroShot: { step: number; accuracy: number }[];
  steps: number;
  /** The display batch's image × caption cosines as of the last evaluation. */
  similarity: number[][];
  imageParams: Float64Array;
  textParams: Float64Array;
}

export type Report<R> = (r: R) => void;

export interface ContrastiveCompute {
  /** True once jobs run off the main thread. */
  readonly inWorker: boolean;
  /**
   * Trains a fresh encoder for `job.steps`, reporting about every REPORT_EVERY_MS and after each evaluation;
   * when stopped it measures what was learned and reports it, then rejects with an AbortError.
   */
  train(job: EncoderJob, signal: AbortSignal, report: Report<EncoderReport>): Promise<void>;
  /** The same for the image–text toy. */
  trainPairs(job: PairJob, signal: AbortSignal, report: Report<PairReport>): Promise<void>;
  /** Lets go of what it holds (a worker); a later job starts afresh. */
  dispose(): void;
}

/** How often a job reports between evaluations, ms. */
export const REPORT_EVERY_MS = 150;

interface Loop {
  yieldFn: YieldFn;
  budgetMs: number | undefined;
}

async function trainEncoder(job: EncoderJob, signal: AbortSignal, report: Report<EncoderReport>, loop: Loop) {
  const t = new ContrastiveTrainer(job.options);
  const slicer = new TimeSlicer({ signal, yieldFn: loop.yieldFn, budgetMs: loop.budgetMs });
  let losses: number[] = [];
  let evaluations: HistoryPoint[] = [];
  let embedding = t.embed(t.test.x, TEST_POINTS);
  let evaluated = -1;
  let last = performance.now();
  const flush = () => {
    last = performance.now();
    report({ losses, evaluations, steps: t.steps, params: t.encoder.params.slice(), embedding });
    losses = [];
    evaluations = [];
  };
  const measured = (e: Evaluation) => {
    evaluations.push({ step: t.steps, ...e });
    embedding = t.embed(t.test.x, TEST_POINTS);
    evaluated = t.steps;
  };
  // An evaluation in two tasks (the measures, then the probe), each after a yield: ~10 ms each, not ~25.
  const evaluateSliced = async () => {
    await loop.yieldFn();
    const measures = t.measures();
    await loop.yieldFn();
    measured({ ...measures, probe: t.probe() });
    flush();
  };
  await evaluateSliced();
  try {
    for (let s = 1; s <= job.steps; s++) {
      losses.push(t.step());
      if (s % job.evalEvery === 0 || s === job.steps) await evaluateSliced();
      else if (performance.now() - last > REPORT_EVERY_MS) flush();
      await slicer.tick();
    }
  } finally {
    // Stopped (or failed): measure what was learned and report it.
    if (evaluated !== t.steps) {
      measured(t.evaluate());
      flush();
    } else if (losses.length > 0) flush();
  }
}

async function trainPairs(job: PairJob, signal: AbortSignal, report: Report<PairReport>, loop: Loop) {
  const p = new PairTrainer(job.options);
  const slicer = new TimeSlicer({ signal, yieldFn: loop.yieldFn, budgetMs: loop.budgetMs });
  let losses: number[] = [];
  let zeroShot: PairReport['zeroShot'] = [];
  let similarity = p.similarity();
  let evaluated = -1;
  let last = performance.now();
  const flush = () => {
    last = performance.now();
    const [imageParams, textParams] = [p.imageEncoder.params.slice(), p.textEncoder.params.slice()];
    report({ losses, zeroShot, steps: p.steps, similarity, imageParams, textParams });
    losses = [];
    zeroShot = [];
  };
  const evaluate = () => {
    zeroShot.push({ step: p.steps, accuracy: p.zeroShot() });
    similarity = p.similarity();
    evaluated = p.steps;
    flush();
  };
  evaluate();
  try {
    for (let s = 1; s <= job.steps; s++) {
      losses.push(p.step());
      if (s % job.evalEvery === 0 || s === job.steps) evaluate();
      else if (performance.now() - last > REPORT_EVERY_MS) flush();
      await slicer.tick();
    }
  } finally {
    if (evaluated !== p.steps) evaluate();
    else if (losses.length > 0) flush();
  }
}

/**
 * The trainers' loops in this thread, yielding by `yieldFn` (default: loop.ts' yieldFrame) every `budgetMs`
 * (default 10 ms). The worker (worker.ts) runs these same loops, with 50 ms slices.
 */
export function inlineCompute(options: { yieldFn?: YieldFn; budgetMs?: number } = {}): ContrastiveCompute {
  const loop: Loop = { yieldFn: options.yieldFn ?? yieldFrame, budgetMs: options.budgetMs };
  return {
    inWorker: false,
    train: (job, signal, report) => trainEncoder(job, signal, report, loop),
    trainPairs: (job, signal, report) => trainPairs(job, signal, report, loop),
    dispose() {},
  };
}

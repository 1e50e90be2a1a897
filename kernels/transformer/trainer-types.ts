// The shapes the transformer trainer (trainer.ts) takes and gives: its options and defaults, a training
// snapshot, an evaluation, a prediction with its attention maps. Plain data.
import type { YieldFn } from '../../src/runtime/loop';
import type { TaskKind } from './task';

export interface TransformerOptions {
  task: TaskKind;
  /** Digits per question (2–8). */
  length: number;
  dModel?: number;
  heads?: number;
  layers?: number;
  ffMultiplier?: number;
  learningRate?: number;
  batchSize?: number;
  /** Sequences in the fixed evaluation set. */
  evalSize?: number;
  seed: number;
  /** Ablations (question 7), all off by default: see TransformerConfig. */
  positional?: boolean;
  residual?: boolean;
  maskedHeads?: readonly number[];
}

export const TRANSFORMER_DEFAULTS = {
  dModel: 32,
  heads: 2,
  layers: 2,
  ffMultiplier: 2,
  learningRate: 0.003,
  batchSize: 64,
  evalSize: 256,
} as const;

export interface Evaluation {
  /** Fraction of evaluation questions whose whole answer is right. */
  sequenceAccuracy: number;
  /** Fraction of answer digits that are right. */
  tokenAccuracy: number;
}

export interface TransformerSnapshot {
  step: number;
  /** Mean cross-entropy over the answer positions of this step's batch (before the update). */
  loss: number;
  /** Set every `evalEvery` steps and on the last step; null otherwise. */
  evaluation: Evaluation | null;
  /** With an evaluation: the model's answer to the probe question, with its attention maps. */
  probe: Prediction | null;
  elapsedMs: number;
}

export interface TrainOptions {
  steps: number;
  signal?: AbortSignal;
  /** Evaluate (and capture attention maps) every this many steps. */
  evalEvery?: number;
  /** End early once the sequence accuracy reaches this (0–1); by default train all the steps. */
  stopAtAccuracy?: number;
  /** Longest stretch of work between two yields, in ms. */
  budgetMs?: number;
  yieldFn?: YieldFn;
}

export interface Prediction {
  input: number[];
  /** The model's answer, decoded greedily one digit at a time. */
  output: number[];
  expected: number[];
  correct: boolean;
  /** The attention while producing the last digit: [layer][head][query][key]. */
  attention: number[][][][];
}

// Binary classification losses built from Value ops, and the checks on the points and labels a training
// step reads. Both training paths build from the same pieces (pointLoss, l2Penalty), so they run the same
// ops in the same order: the object graph as one batch graph, the tape one point at a time.

import { Value } from './value';

export type LossKind = 'hinge' | 'logistic';

export interface LossOptions {
  /** 'hinge': mean(relu(1 − y·s)) (micrograd's demo); 'logistic': mean(log(1 + exp(−y·s))). Default hinge. */
  loss?: LossKind;
  /** Weight of the L2 penalty l2 · Σ p² over all parameters. Default 0 (no penalty term in the graph). */
  l2?: number;
}

/** Points as rows (`[[x, y], …]`) or interleaved in one array (`[x0, y0, x1, y1, …]`). */
export type Points = Float64Array | readonly (readonly number[])[];

/** One point's loss for score s and label y = ±1: `pointLoss(s, Value.constant(-1), 'hinge')`. */
export function pointLoss(score: Value, label: Value, loss: LossKind): Value {
  const negMargin = score.mul(label).neg();
  // log(1 + exp(−m)) overflows only for margins below about −700, far outside what these nets produce.
  return loss === 'hinge' ? negMargin.add(1).relu() : negMargin.exp().add(1).log();
}

/** l2 · Σ p²: `l2Penalty(mlp.parameters(), 1e-4)`. */
export function l2Penalty(params: readonly Value[], l2: number): Value {
  if (params.length === 0) throw new Error('l2Penalty: no parameters');
  let sumSquares = params[0].mul(params[0]);
  for (let i = 1; i < params.length; i++) sumSquares = sumSquares.add(params[i].mul(params[i]));
  return sumSquares.mul(l2);
}

/**
 * The mean loss of scores s_i against labels y_i = ±1, plus the L2 penalty when l2 > 0.
 *
 * Example: classificationLoss([s], [Value.constant(1)], mlp.parameters(), { loss: 'logistic', l2: 1e-4 })
 */
export function classificationLoss(
  scores: readonly Value[],
  labels: readonly Value[],
  params: readonly Value[],
  options: LossOptions = {},
): Value {
  const { loss, l2 } = checkLossOptions(options);
  if (scores.length === 0) throw new Error('classificationLoss: no scores');
  let total = pointLoss(scores[0], labels[0], loss);
  for (let i = 1; i < scores.length; i++) total = total.add(pointLoss(scores[i], labels[i], loss));
  const mean = total.mul(1 / scores.length);
  return l2 > 0 ? mean.add(l2Penalty(params, l2)) : mean;
}

/** Validates loss options: `checkLossOptions({ loss: 'hinge', l2: 1e-4 })`. */
export function checkLossOptions(options: LossOptions): Required<LossOptions> {
  const { loss = 'hinge', l2 = 0 } = options;
  if (loss !== 'hinge' && loss !== 'logistic') {
    throw new Error(`loss must be 'hinge' or 'logistic', got ${JSON.stringify(loss)}`);
  }
  if (!Number.isFinite(l2) || l2 < 0) throw new Error(`l2 must be a finite number ≥ 0, got ${l2}`);
  return { loss, l2 };
}

/** Number of points in `xs` (each with `nin` coordinates); throws if the shape is wrong: `countPoints(xs, 2)`. */
export function countPoints(xs: Points, nin: number): number {
  if (xs instanceof Float64Array) {
    if (xs.length === 0 || xs.length % nin !== 0) {
      throw new Error(`xs must hold n × ${nin} numbers (n ≥ 1), got ${xs.length}`);
    }
    return xs.length / nin;
  }
  if (xs.length === 0) throw new Error('xs must hold at least one point');
  for (let i = 0; i < xs.length; i++) {
    if (xs[i].length !== nin) throw new Error(`xs[${i}] must have ${nin} coordinates, got ${xs[i].length}`);
  }
  return xs.length;
}

/**
 * Copies n points then n labels into `dst` from `offset` on, checking that coordinates are finite and labels
 * are ±1. Allocates nothing, so a training step can call it every time.
 *
 * Example: copyPointsAndLabels([[0.5, 1]], [-1], 2, tape.values, firstDataSlot)
 */
export function copyPointsAndLabels(
  xs: Points,
  ys: ArrayLike<number>,
  nin: number,
  dst: Float64Array,
  offset: number,
): void {
  const n = countPoints(xs, nin);
  if (ys.length !== n) throw new Error(`ys must have one label per point (${n}), got ${ys.length}`);
  let at = offset;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < nin; j++) {
      const v = xs instanceof Float64Array ? xs[i * nin + j] : xs[i][j];
      if (!Number.isFinite(v)) throw new Error(`xs: coordinate ${j} of point ${i} must be finite, got ${v}`);
      dst[at++] = v;
    }
  }
  for (let i = 0; i < n; i++) {
    const y = ys[i];
    if (y !== 1 && y !== -1) throw new Error(`ys[${i}] must be 1 or -1, got ${y}`);
    dst[at++] = y;
  }
}

/**
 * Fraction of the n points whose score has the label's sign (a score of exactly 0 counts as class −1).
 *
 * Example: accuracyOf(scores.length, (i) => scores[i].data, (i) => ys[i])
 */
export function accuracyOf(
  n: number,
  scoreOf: (i: number) => number,
  labelOf: (i: number) => number,
): number {
  let correct = 0;
  for (let i = 0; i < n; i++) if ((scoreOf(i) > 0 ? 1 : -1) === labelOf(i)) correct++;
  return correct / n;
}

// The 'tape' engine of MLP training: the graph of one point's loss is recorded once onto a Tape and
// replayed for every point of the batch, summing the gradients into the weights. Nothing is allocated per
// step once the buffers have grown to the batch size, and any batch size uses the same small tape.
//
// Example (what MLP.step does): new TapeTrainer(params, 2, (p) => mlp.call(p)[0]).gradients(xs, ys, opts)

import { Value } from './value';
import { Tape } from './tape';
import {
  accuracyOf,
  copyPointsAndLabels,
  countPoints,
  l2Penalty,
  pointLoss,
  type LossKind,
  type Points,
} from './loss';

export interface StepResult {
  /** The loss before the update. */
  loss: number;
  /** Fraction of points classified correctly before the update. */
  accuracy: number;
}

export class TapeTrainer {
  private readonly params: readonly Value[];
  private readonly nin: number;
  private readonly score: (point: readonly Value[]) => Value;
  /** One point's loss (leaves: parameters, coordinates, label; watched: the score), per loss kind. */
  private readonly lossTapes = new Map<LossKind, Tape>();
  /** l2 · Σ p² (leaves: parameters), recorded again only when l2 changes. */
  private penalty: { tape: Tape; l2: number } | null = null;
  /** Reused per-step buffers: validated points then labels; each point's loss and score. */
  private batch = new Float64Array(0);
  private pointLosses = new Float64Array(0);
  private scores = new Float64Array(0);

  /** `score` builds the network's output for one point as a Value graph over `params`. */
  constructor(params: readonly Value[], nin: number, score: (point: readonly Value[]) => Value) {
    this.params = params;
    this.nin = nin;
    this.score = score;
  }

  /** Fills every p.grad with ∂loss/∂p and returns the loss and accuracy at the current weights. */
  gradients(xs: Points, ys: ArrayLike<number>, options: { loss: LossKind; l2: number }): StepResult {
    const { loss, l2 } = options;
    const { nin, params } = this;
    const n = countPoints(xs, nin);
    this.reserve(n);
    const { batch, pointLosses, scores } = this;
    copyPointsAndLabels(xs, ys, nin, batch, 0);
    const P = params.length;
    const tape = this.lossTape(loss);
    const { values, grads } = tape;
    for (let i = 0; i < P; i++) values[i] = params[i].data;
    // The same accumulation order as Value.backward on the batch graph: the penalty's share first, then the
    // points from last to first. So both engines give the same numbers, not merely close ones.
    let penalty = 0;
    if (l2 > 0) {
      const penaltyTape = this.penaltyTape(l2);
      for (let i = 0; i < P; i++) penaltyTape.values[i] = params[i].data;
      penalty = penaltyTape.forward();
      penaltyTape.backward();
      for (let i = 0; i < P; i++) grads[i] = penaltyTape.grads[i];
    } else {
      grads.fill(0, 0, P);
    }
    const labelsAt = n * nin;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = 0; j < nin; j++) values[P + j] = batch[i * nin + j];
      values[P + nin] = batch[labelsAt + i];
      pointLosses[i] = tape.forward();
      scores[i] = values[tape.watched[0]];
      tape.backward(1 / n, true);
    }
    let total = pointLosses[0];
    for (let i = 1; i < n; i++) total += pointLosses[i];
    for (let i = 0; i < P; i++) params[i].grad = grads[i];
    const accuracy = accuracyOf(
      n,
      (i) => scores[i],
      (i) => batch[labelsAt + i],
    );
    return { loss: l2 > 0 ? total * (1 / n) + penalty : total * (1 / n), accuracy };
  }

  /** Grows the per-step buffers to hold n points (they only ever grow, so steady state allocates nothing). */
  private reserve(n: number): void {
    if (this.scores.length >= n) return;
    this.batch = new Float64Array(n * (this.nin + 1));
    this.pointLosses = new Float64Array(n);
    this.scores = new Float64Array(n);
  }

  /** The tape of one point's loss; recorded on first use of each loss kind. */
  private lossTape(loss: LossKind): Tape {
    const cached = this.lossTapes.get(loss);
    if (cached) return cached;
    // Coordinates and label are leaves, not constants, so one recording serves every point.
    const point = Array.from({ length: this.nin }, () => new Value(0));
    const label = new Value(1);
    const score = this.score(point);
    const tape = Tape.record(pointLoss(score, label, loss), [...this.params, ...point, label], [score]);
    this.lossTapes.set(loss, tape);
    return tape;
  }

  /** The tape of the L2 penalty. */
  private penaltyTape(l2: number): Tape {
    if (this.penalty?.l2 !== l2) {
      this.penalty = { tape: Tape.record(l2Penalty(this.params, l2), this.params), l2 };
    }
    return this.penalty.tape;
  }
}

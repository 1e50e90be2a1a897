// How close the diffusion cell's samples come to the data, and what a run card keeps of a run: the energy
// distance of the samples to held-out data, beside the floor (fresh data) and the untrained network's. No
// timings, so a replay from the card's settings gives the same numbers. No DOM.
import type { QualityReference, SamplerMethod } from '../../../kernels/diffusion/index';
import type { Metrics } from '../../ui/kit/run-card';

export interface Quality {
  /** Energy distance of the samples to the held-out data. */
  distance: number;
  /** Training steps the network had when they were drawn. */
  atStep: number;
  method: SamplerMethod;
  steps: number;
}

export interface RunOutcome {
  latest: Quality | null;
  untrained: Quality | null;
  reference: QualityReference | null;
  /** Training steps so far. */
  steps: number;
  /** The mean loss of the last steps. */
  recentLoss: number;
}

/** The run's final metrics, in the order a run card lists them (its first four are shown). */
export function runMetrics(run: RunOutcome): Metrics {
  const { latest, untrained, reference } = run;
  const m: Metrics = {};
  if (latest) m.distance = latest.distance;
  if (latest && reference) m.timesFloor = latest.distance / reference.floor;
  if (run.steps) m.loss = run.recentLoss;
  m.steps = run.steps;
  if (untrained) m.untrainedDistance = untrained.distance;
  if (reference) m.floor = reference.floor;
  if (latest) {
    m.sampler = latest.method;
    m.sampleSteps = latest.steps;
  }
  return m;
}

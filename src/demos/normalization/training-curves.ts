// The normalization cell's training curves: the held-out snapshots of a trainNormComparison run, and the
// traces drawn from them (pure, so they are tested without a browser).
import type { HeldOutScores, NormTrainSnapshot } from '../../../kernels/normalization-train';
import type { LineTrace } from '../../ui/plot-spec';

export const VARIANT_COLORS = { none: '#7f7f7f', batch: '#d6604d', layer: '#2b83ba' } as const;

export class TrainingCurves {
  steps: number[] = [];
  scores: HeldOutScores[] = [];
  batchSize: number | null = null;
  latest: (HeldOutScores & { step: number }) | null = null;

  start(batchSize: number): void {
    this.clear();
    this.batchSize = batchSize;
  }

  add(snap: NormTrainSnapshot): void {
    if (!snap.heldOut) return;
    this.steps.push(snap.step);
    this.scores.push(snap.heldOut);
    this.latest = { ...snap.heldOut, step: snap.step };
  }

  clear(): void {
    this.steps = [];
    this.scores = [];
    this.batchSize = null;
    this.latest = null;
  }
}

export function curveTraces(c: TrainingCurves): LineTrace[] {
  const line = (name: string, y: number[], color: string, dash: 'solid' | 'dot' = 'solid'): LineTrace => ({
    type: 'line',
    x: c.steps,
    y,
    name,
    color,
    dash,
  });
  return [
    line(
      'no norm',
      c.scores.map((s) => s.loss.none),
      VARIANT_COLORS.none,
    ),
    line(
      'batch norm (eval mode)',
      c.scores.map((s) => s.loss.batch),
      VARIANT_COLORS.batch,
    ),
    line(
      'batch norm (train mode)',
      c.scores.map((s) => s.bnTrainModeLoss),
      VARIANT_COLORS.batch,
      'dot',
    ),
    line(
      'layer norm',
      c.scores.map((s) => s.loss.layer),
      VARIANT_COLORS.layer,
    ),
  ];
}

export function gapTraces(c: TrainingCurves): LineTrace[] {
  return [
    {
      type: 'line',
      x: c.steps,
      y: c.scores.map((s) => s.bnModeGap),
      name: 'mean |x̂ train − x̂ eval| (first BN layer)',
      color: VARIANT_COLORS.batch,
    },
  ];
}

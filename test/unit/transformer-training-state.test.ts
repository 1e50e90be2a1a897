// The transformer cell's view of a run, fed with the worker's batches of snapshots: every step's loss on the
// curves, accuracy at the evaluations, the probe's answer, and one new curves object per batch.
import { describe, expect, it } from 'vitest';
import type { TransformerSnapshot } from '../../kernels/transformer/trainer';
import {
  absorbSnapshots,
  emptyTraining,
  modelConfig,
  modelOptions,
} from '../../src/demos/transformer/training-state';
import { DEFAULT_SETTINGS } from '../../src/demos/transformer/transformer-controls';

const snap = (step: number, extra: Partial<TransformerSnapshot> = {}): TransformerSnapshot => ({
  step,
  loss: 1 / step,
  evaluation: null,
  probe: null,
  elapsedMs: 10 * step,
  ...extra,
});

describe('the transformer training view', () => {
  it('takes a batch of steps, with the evaluation and probe at its end', () => {
    const view = emptyTraining();
    const before = view.curves;
    const probe = { input: [1, 2], output: [2, 1], expected: [2, 1], correct: true, attention: [] };
    const evaluation = { sequenceAccuracy: 0.5, tokenAccuracy: 0.75 };
    absorbSnapshots(view, [snap(1), snap(2), snap(3, { evaluation, probe })], 0, 0);
    expect(view.curves).not.toBe(before);
    expect(view.curves.steps).toEqual([1, 2, 3]);
    expect(view.curves.losses).toEqual([1, 1 / 2, 1 / 3]);
    expect(view.curves.evalSteps).toEqual([3]);
    expect(view.curves.sequenceAccuracy).toEqual([0.5]);
    expect(view).toMatchObject({ step: 3, sequenceAccuracy: 0.5, tokenAccuracy: 0.75, prediction: probe });
    expect(view.msPerStep).toBe(10);
  });

  it('continues a model: time adds to the earlier runs’, ms per step counts this run’s steps only', () => {
    const view = emptyTraining();
    absorbSnapshots(view, [snap(1), snap(2)], 0, 0);
    // A second run from step 2: its snapshots' elapsed time starts again from 0.
    absorbSnapshots(
      view,
      [
        { ...snap(3), elapsedMs: 40 },
        { ...snap(4), elapsedMs: 80 },
      ],
      view.trainedMs,
      2,
    );
    expect(view.curves.steps).toEqual([1, 2, 3, 4]);
    expect(view.trainedMs).toBe(20 + 80);
    expect(view.msPerStep).toBe(40);
  });

  it('describes the model of the default settings', () => {
    expect(modelConfig(DEFAULT_SETTINGS)).toMatchObject({ vocabSize: 11, maxLength: 10, dModel: 32 });
    expect(modelOptions(DEFAULT_SETTINGS)).toMatchObject({ task: 'reverse', length: 5, batchSize: 32 });
  });
});

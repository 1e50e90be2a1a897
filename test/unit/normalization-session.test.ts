// The normalization cell's sessions in Node (tfjs CPU backend), against independent references:
// - the grid session: batch norm / layer norm outputs against the formulas computed here in float64 (1e-4),
//   running statistics against the closed form μ̂ₙ = (1 − 0.9ⁿ) μ for n feeds of one batch (1e-5), edits;
// - the training session: the cloud's spread of batch means against σ/√B (within 15%; 400 draws give a
//   standard error of ~4%), the run's held-out points at the hand-worked evalEvery steps, its final scores
//   equal to the kernel's own for the same settings, Stop keeping what was scored, and no tensor left behind.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { trainNormComparison, type NormTrainSnapshot } from '../../kernels/normalization';
import { randomGrid } from '../../src/demos/normalization/grid-model';
import { NormGridSession } from '../../src/demos/normalization/grid-session';
import {
  NormalizationSession,
  evalEvery,
  spreadSummary,
  type TrainSettings,
} from '../../src/demos/normalization/session';
import { isAbortError } from '../../src/runtime/abort';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const EPS = 1e-5;
const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
const variance = (v: number[]) => mean(v.map((x) => (x - mean(v)) ** 2));
const column = (x: number[][], j: number) => x.map((r) => r[j]!);

describe('the grid session', () => {
  it('batch norm in train mode: each column standardized with its own mean and biased variance', async () => {
    const g = new NormGridSession();
    const r = await g.normalize('batch', 'train');
    g.x[0]!.forEach((_, j) => {
      const col = column(g.x, j);
      expect(r.mean[j]).toBeCloseTo(mean(col), 4);
      expect(Math.abs(r.variance[j]! - variance(col)) / variance(col)).toBeLessThan(1e-4);
      g.x.forEach((row, i) => {
        const want = (row[j]! - mean(col)) / Math.sqrt(variance(col) + EPS);
        expect(Math.abs(r.output[i]![j]! - want)).toBeLessThan(1e-4);
      });
    });
  });

  it('layer norm: each row standardized with its own statistics', async () => {
    const g = new NormGridSession();
    const r = await g.normalize('layer', 'train');
    g.x.forEach((row, i) => {
      expect(r.mean[i]).toBeCloseTo(mean(row), 4);
      row.forEach((v, j) => {
        const want = (v - mean(row)) / Math.sqrt(variance(row) + EPS);
        expect(Math.abs(r.output[i]![j]! - want)).toBeLessThan(1e-4);
      });
    });
  });

  it('eval mode uses the running statistics: fresh ones (0, 1) leave x as it is, up to √(1 + ε)', async () => {
    const g = new NormGridSession();
    const r = await g.normalize('batch', 'eval');
    g.x.forEach((row, i) =>
      row.forEach((v, j) => expect(Math.abs(r.output[i]![j]! - v / Math.sqrt(1 + EPS))).toBeLessThan(1e-4)),
    );
  });

  it('feeding one batch n times moves the running mean to (1 − 0.9ⁿ) μ and the variance to 0.9ⁿ + (1 − 0.9ⁿ) σ², even when the feeds overlap', async () => {
    const g = new NormGridSession();
    await Promise.all([g.feed(), g.feed(), g.feed(), g.feed(), g.feed()]); // five quick clicks
    expect(g.fed).toBe(5);
    const keep = 0.9 ** 5;
    g.x[0]!.forEach((_, j) => {
      const col = column(g.x, j);
      expect(Math.abs(g.running.mean[j]! - (1 - keep) * mean(col))).toBeLessThan(1e-4);
      expect(Math.abs(g.running.variance[j]! - (keep + (1 - keep) * variance(col)))).toBeLessThan(1e-4);
    });
    g.clearRunning();
    expect(g.fed).toBe(0);
    expect(g.running.mean.every((m) => m === 0) && g.running.variance.every((v) => v === 1)).toBe(true);
  });

  it('takes a typed number, keeps the old value with a message for anything else, and randomizes by seed', () => {
    const g = new NormGridSession();
    const before = g.x[1]![2]!;
    expect(g.edit(1, 2, 'abc')).toBe(false);
    expect(g.message).toBe(`Row 2, feature 3: "abc" is not a number; kept ${before}.`);
    expect(g.x[1]![2]).toBe(before);
    expect(g.edit(1, 2, '1001')).toBe(false);
    expect(g.edit(1, 2, ' 25 ')).toBe(true);
    expect(g.message).toBe('');
    expect(g.x[1]![2]).toBe(25);
    g.randomize();
    expect(g.x).toEqual(randomGrid(2));
    g.randomize();
    expect(g.x).toEqual(randomGrid(3));
    g.reset();
    expect(g.x).toEqual(randomGrid(1));
    expect([g.fed, g.result, g.message, g.selected]).toEqual([0, null, '', { row: 0, col: 0 }]);
  });
});

describe('the training session', () => {
  it('scores about 40 times a run, at least every 2 steps (hand-worked)', () => {
    expect([20, 30, 100, 200, 2000].map(evalEvery)).toEqual([2, 2, 3, 5, 50]);
  });

  it('the cloud’s batch means spread as σ/√B, four times wider at B = 2 than at B = 32', async () => {
    const s = new NormalizationSession();
    const at32 = await s.drawSpread(32, 1);
    const at2 = await s.drawSpread(2, 1);
    expect(s.spread).toBe(at2);
    for (const spread of [at2, at32]) {
      const { meanStd, expected } = spreadSummary(spread);
      expect(Math.abs(meanStd / expected - 1)).toBeLessThan(0.15);
    }
    const ratio = spreadSummary(at2).meanStd / spreadSummary(at32).meanStd;
    expect(ratio).toBeGreaterThan(4 / 1.3);
    expect(ratio).toBeLessThan(4 * 1.3);
    // A draw that is no longer wanted is not kept.
    await s.drawSpread(8, 1, () => false);
    expect(s.spread).toBe(at2);
  });

  it('a run scores at the evalEvery steps and ends with the kernel’s own final scores as its metrics', async () => {
    const settings: TrainSettings = { batch: 16, steps: 20, lr: 0.05, seed: 3 };
    const s = new NormalizationSession();
    let steps = 0;
    const last = await expectNoTensorLeak(tf, () =>
      s.train(settings, new AbortController().signal, () => steps++),
    );
    expect(steps).toBe(20);
    expect(s.curves.steps).toEqual([2, 4, 6, 8, 10, 12, 14, 16, 18, 20]);
    expect(s.curves.batchSize).toBe(16);
    let reference: NormTrainSnapshot | undefined;
    for await (const snap of trainNormComparison({
      batchSize: 16,
      steps: 20,
      lr: 0.05,
      seed: 3,
      evalEvery: 2,
    }))
      reference = snap;
    const want = reference!.heldOut!;
    expect(last).toEqual({ ...want, step: 20 });
    expect(s.metrics()).toEqual({
      batchSize: 16,
      steps: 20,
      lossNone: want.loss.none,
      lossBatch: want.loss.batch,
      lossLayer: want.loss.layer,
      accuracyNone: want.accuracy.none,
      accuracyBatch: want.accuracy.batch,
      accuracyLayer: want.accuracy.layer,
      bnTrainModeLoss: want.bnTrainModeLoss,
      bnModeGap: want.bnModeGap,
    });
  });

  it('Stop ends the run with an AbortError, keeps the points scored so far and leaks no tensor', async () => {
    const s = new NormalizationSession();
    const stop = new AbortController();
    const before = tf.memory().numTensors;
    const run = s.train({ batch: 8, steps: 200, lr: 0.05, seed: 1 }, stop.signal, (snap) => {
      if (snap.step === 12) stop.abort();
    });
    const error = await run.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAbortError(error)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    expect(s.curves.steps).toEqual([5, 10]);
    expect(s.metrics()['steps']).toBe(10);
    s.clear();
    expect(s.metrics()).toEqual({});
  });
});

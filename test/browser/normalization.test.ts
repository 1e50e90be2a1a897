// In headless Chromium: batch norm, layer norm, the batch-statistics spread and the none/BN/LN training
// comparison on WebGL (SwiftShader) agree with the CPU backend, and leak nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  batchNorm,
  batchStatisticsSpread,
  layerNorm,
  trainNormComparison,
} from '../../kernels/normalization';
import { createRng } from '../../src/runtime/rng';
import { onBoth, startWebgl } from './webgl-vs-cpu';

beforeAll(startWebgl);

function maxAbsDiff(a: number[], b: number[]): number {
  expect(a).toHaveLength(b.length);
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

const rng = createRng(5);
const x = Array.from({ length: 24 }, () =>
  Array.from({ length: 7 }, (_, j) => j - 3 + (1 + j / 2) * rng.normal()),
);
const gamma = Array.from({ length: 7 }, (_, j) => 0.5 + j / 7);
const beta = Array.from({ length: 7 }, (_, j) => j / 10 - 0.3);

describe('normalization kernels on WebGL vs CPU', () => {
  it('batchNorm in train mode: output, statistics and running statistics within 1e-5', async () => {
    const { gpu, cpu } = await onBoth(() => batchNorm(x, { gamma, beta, momentum: 0.2 }));
    expect(maxAbsDiff(gpu.output.flat(), cpu.output.flat())).toBeLessThan(1e-5);
    expect(maxAbsDiff(gpu.mean, cpu.mean)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gpu.variance, cpu.variance)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gpu.running.variance, cpu.running.variance)).toBeLessThan(1e-5);
  });

  it('batchNorm in eval mode within 1e-5', async () => {
    const running = { mean: [0, 1, -1, 2, 0.5, 0, 3], variance: [1, 2, 0.5, 4, 1, 0.1, 9] };
    const { gpu, cpu } = await onBoth(() => batchNorm(x, { mode: 'eval', running, eps: 1e-3 }));
    expect(maxAbsDiff(gpu.output.flat(), cpu.output.flat())).toBeLessThan(1e-5);
  });

  it('layerNorm: output and per-example statistics within 1e-5', async () => {
    const { gpu, cpu } = await onBoth(() => layerNorm(x, { gamma, beta }));
    expect(maxAbsDiff(gpu.output.flat(), cpu.output.flat())).toBeLessThan(1e-5);
    expect(maxAbsDiff(gpu.mean, cpu.mean)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gpu.variance, cpu.variance)).toBeLessThan(1e-5);
  });

  it('batchStatisticsSpread within 1e-5', async () => {
    const { gpu, cpu } = await onBoth(() => batchStatisticsSpread({ batchSize: 16, draws: 200, seed: 2 }));
    expect(maxAbsDiff(gpu.means, cpu.means)).toBeLessThan(1e-5);
    expect(maxAbsDiff(gpu.variances, cpu.variances)).toBeLessThan(1e-5);
  });

  it('ten training steps of none, BN and LN agree within 1e-3 relative, held-out scores too', async () => {
    const run = async () => {
      const out: number[] = [];
      for await (const s of trainNormComparison({
        batchSize: 16,
        steps: 10,
        lr: 0.05,
        seed: 1,
        evalEvery: 5,
      })) {
        out.push(s.trainLoss.none, s.trainLoss.batch, s.trainLoss.layer);
        if (s.heldOut) out.push(s.heldOut.loss.batch, s.heldOut.bnTrainModeLoss, s.heldOut.bnModeGap);
      }
      return out;
    };
    const { gpu, cpu } = await onBoth(run);
    expect(gpu).toHaveLength(36);
    gpu.forEach((v, i) => expect(Math.abs(v - cpu[i]!) / Math.abs(cpu[i]!), `value ${i}`).toBeLessThan(1e-3));
  });
});

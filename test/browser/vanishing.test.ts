// In headless Chromium: the vanishing-gradient kernels on WebGL (a GPU backend, here SwiftShader) agree
// with the CPU backend — per-layer gradient norms, the forward signal and side-by-side training — and leak
// nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../kernels/activations';
import {
  gradientReport,
  layerGradientNorms,
  trainSideBySide,
  type VanishingConfig,
} from '../../kernels/vanishing';
import { onBoth, startWebgl } from './webgl-vs-cpu';

beforeAll(startWebgl);

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-30);

const base: VanishingConfig = {
  depth: 8,
  width: 16,
  activation: 'tanh',
  init: 'xavier',
  residual: false,
  norm: 'none',
  seed: 3,
  batch: 32,
};

describe('vanishing-gradient kernels on WebGL vs CPU', () => {
  const cases: Partial<VanishingConfig>[] = [
    ...ACTIVATION_NAMES.map((activation) => ({ activation })),
    { activation: 'relu', init: 'he', residual: true },
    { activation: 'gelu', init: 'he', residual: true, norm: 'layer' },
    { activation: 'relu', init: 'naive', norm: 'batch' },
    { activation: 'sigmoid', init: 'naive' },
  ];
  for (const c of cases) {
    it(`layerGradientNorms ${JSON.stringify(c)} agree per layer within 1e-3 relative`, async () => {
      const cfg = { ...base, ...c };
      const { gpu, cpu } = await onBoth(() => layerGradientNorms(cfg));
      expect(gpu).toHaveLength(cfg.depth);
      gpu.forEach((g, l) =>
        expect(relErr(g, cpu[l]!), `layer ${l + 1}: ${g} vs ${cpu[l]}`).toBeLessThan(1e-3),
      );
    });
  }

  it('the classic depth-20 cases keep their verdicts on WebGL (sigmoid vanishes, ReLU+He+residual does not)', async () => {
    const deep = { ...base, depth: 20, width: 32, batch: 64 };
    const { gpu: sig, cpu: sigCpu } = await onBoth(() =>
      layerGradientNorms({ ...deep, activation: 'sigmoid', init: 'xavier' }),
    );
    expect(sig[0]! / sig[19]!).toBeLessThan(1e-3);
    expect(relErr(sig[0]!, sigCpu[0]!)).toBeLessThan(1e-2);
    const { gpu: ok } = await onBoth(() =>
      layerGradientNorms({ ...deep, activation: 'relu', init: 'he', residual: true }),
    );
    expect(Math.max(...ok) / Math.min(...ok)).toBeLessThan(100);
  });

  it('gradientReport: loss and activation RMS agree within 1e-4 relative', async () => {
    const cfg = { ...base, activation: 'relu' as const, init: 'he' as const };
    const { gpu, cpu } = await onBoth(() => gradientReport(cfg));
    expect(relErr(gpu.loss, cpu.loss)).toBeLessThan(1e-4);
    gpu.activationRms.forEach((v, l) => expect(relErr(v, cpu.activationRms[l]!)).toBeLessThan(1e-4));
  });

  it('five side-by-side training steps agree within 1e-3 relative and leak nothing', async () => {
    const run = async () => {
      const losses: number[] = [];
      const a = { ...base, activation: 'sigmoid' as const };
      const b = {
        ...base,
        activation: 'relu' as const,
        init: 'he' as const,
        residual: true,
        norm: 'batch' as const,
      };
      for await (const s of trainSideBySide([a, b], { steps: 5, lr: 0.05, clip: 1 })) {
        losses.push(s.runs[0].loss, s.runs[1].loss);
      }
      return losses;
    };
    const { gpu, cpu } = await onBoth(run);
    expect(gpu).toHaveLength(10);
    gpu.forEach((v, i) => expect(relErr(v, cpu[i]!), `loss ${i}`).toBeLessThan(1e-3));
  });
});

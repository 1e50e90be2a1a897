// What the vanishing-gradient cell says and draws, from plain kernel results: verdicts on hand-made reports
// and on real ones, log-axis hygiene, presets matching the issue's classic cases, and the memo that keeps
// Plotly from redrawing unchanged plots.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { gradientReport, type GradientReport } from '../../kernels/vanishing';
import {
  activationTraces,
  fmt,
  forLogAxis,
  gradientTraces,
  gradientVerdict,
  lossTraces,
} from '../../src/demos/vanishing/gradient-view';
import { Memo } from '../../src/ui/memo';
import { DEFAULTS, NET_PRESETS, matchingPreset, presetNet } from '../../src/demos/vanishing/presets';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const report = (norms: number[], extra: Partial<GradientReport> = {}): GradientReport => ({
  norms,
  activationRms: norms.slice(1).map(() => 1),
  loss: 1,
  ...extra,
});

describe('gradientVerdict', () => {
  it('names each case from the norms, with the ratio in the text', () => {
    expect(gradientVerdict(report([1e-9, 1e-5, 1]))).toMatchObject({ kind: 'vanishing' });
    expect(gradientVerdict(report([1e-9, 1e-5, 1])).text).toContain('1.0e-9 of the last');
    expect(gradientVerdict(report([5e3, 1, 1])).kind).toBe('exploding');
    expect(gradientVerdict(report([1e8, 2e8, 3e8])).text).toMatch(
      /^Exploding: every layer's gradient is huge/,
    );
    expect(gradientVerdict(report([0.5, 1, 2])).kind).toBe('healthy');
    expect(gradientVerdict(report([0, 0, 2])).text).toContain('2 layers get a gradient of exactly 0');
    expect(gradientVerdict(report([3])).text).toBe('One layer: gradient norm 3.0.');
  });

  it('reports float32 overflow in the forward or the backward pass instead of plotting NaN', () => {
    const forward = gradientVerdict(
      report([NaN, NaN, NaN], { activationRms: [1e30, Infinity], loss: Infinity }),
    );
    expect(forward.kind).toBe('overflow');
    expect(forward.text).toContain('at hidden layer 2');
    const backward = gradientVerdict(report([Infinity, 1, 1]));
    expect(backward.text).toContain("layer 1's gradient is Infinity");
  });

  it('agrees with the kernel on the three presets (depth 20, width 32, batch 32)', async () => {
    const kinds = await Promise.all(
      ['deep-sigmoid', 'naive', 'healthy', 'naive-bn'].map(
        async (id) => gradientVerdict(await gradientReport({ ...presetNet(id), batch: 32, seed: 1 })).kind,
      ),
    );
    expect(kinds).toEqual(['vanishing', 'exploding', 'healthy', 'healthy']);
  });
});

describe('traces', () => {
  it('turns values a log axis cannot show into gaps', () => {
    expect(forLogAxis([1, 0, -1, NaN, Infinity, 1e-40])).toEqual([1, NaN, NaN, NaN, NaN, 1e-40]);
    const [t] = gradientTraces([{ label: 'A', color: '#000', norms: [1, 0, 2] }]);
    expect(t).toMatchObject({ type: 'line', x: [1, 2, 3], y: [1, NaN, 2], dash: 'solid' });
    const [l] = lossTraces([{ label: 'A', color: '#000', steps: [1, 2], losses: [0.5, Infinity] }]);
    expect(l).toMatchObject({ x: [1, 2], y: [0.5, NaN] });
  });

  it('draws each distinct activation once, with its derivative and largest slope', () => {
    const same = activationTraces([
      { name: 'relu', color: 'a' },
      { name: 'relu', color: 'b' },
    ]);
    expect(same.map((t) => t.name)).toEqual(['relu', 'relu′ (max 1)']);
    const two = activationTraces([
      { name: 'sigmoid', color: 'a' },
      { name: 'gelu', color: 'b' },
    ]);
    expect(two).toHaveLength(4);
    expect(two[1]!.name).toBe('sigmoid′ (max 0.25)');
  });

  it('formats numbers for the verdicts', () => {
    expect(fmt(0.25)).toBe('0.25');
    expect(fmt(2.1e-13)).toBe('2.1e-13');
    expect(fmt(0)).toBe('0');
    expect(fmt(NaN)).toBe('NaN');
  });
});

describe('presets and memo', () => {
  it('ships the issue’s classic cases, and the defaults compare deep sigmoid with the healthy net', () => {
    expect(presetNet('deep-sigmoid')).toMatchObject({
      activation: 'sigmoid',
      init: 'xavier',
      residual: false,
    });
    expect(presetNet('naive')).toMatchObject({ init: 'naive', norm: 'none' });
    expect(presetNet('healthy')).toMatchObject({ activation: 'relu', init: 'he', residual: true });
    expect(matchingPreset(DEFAULTS.a)).toBe('deep-sigmoid');
    expect(matchingPreset(DEFAULTS.b)).toBe('healthy');
    expect(matchingPreset({ ...DEFAULTS.b, depth: 7 })).toBe('custom');
    expect(() => presetNet('nope')).toThrow(/unknown preset nope; known: deep-sigmoid/);
    expect(new Set(NET_PRESETS.map((p) => p.id)).size).toBe(NET_PRESETS.length);
  });

  it('Memo recomputes only when an input changes identity', () => {
    const memo = new Memo<number[]>();
    const a = {};
    let calls = 0;
    const first = memo.get([a, 1], () => (calls++, [1]));
    expect(memo.get([a, 1], () => (calls++, [2]))).toBe(first);
    expect(memo.get([{}, 1], () => (calls++, [3]))).toEqual([3]);
    expect(calls).toBe(2);
  });
});

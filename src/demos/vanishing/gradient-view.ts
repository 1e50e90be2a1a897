// What the vanishing-gradient cell draws and says, as pure functions of the kernels' plain results: the
// verdict on a configuration's gradient norms, the traces of the three plots, and log-axis hygiene (a log
// axis cannot show 0, Infinity or NaN, so those become gaps and the verdict says why).
import { ACTIVATIONS, activationCurve, type ActivationName } from '../../../kernels/activations';
import type { GradientReport } from '../../../kernels/vanishing';
import type { LineTrace } from '../../ui/plot-spec';

export const COLORS = { a: '#d6604d', b: '#2b83ba' } as const;

export type VerdictKind = 'healthy' | 'vanishing' | 'exploding' | 'overflow';

export interface Verdict {
  kind: VerdictKind;
  text: string;
}

/** Ratios beyond which a configuration is called vanishing or exploding (first layer vs read-out). */
export const VANISHING_RATIO = 1e-3;
export const EXPLODING_RATIO = 1e3;
/** A gradient norm above this anywhere is called exploding even when the layers agree with each other. */
export const EXPLODING_NORM = 1e6;

export const fmt = (x: number): string =>
  Number.isFinite(x)
    ? x === 0
      ? '0'
      : Math.abs(x) >= 0.01 && Math.abs(x) < 1000
        ? x.toPrecision(2)
        : x.toExponential(1)
    : String(x);

/** The verdict on one configuration's gradient norms at initialization. */
export function gradientVerdict(r: GradientReport): Verdict {
  const n = r.norms;
  const badRms = r.activationRms.findIndex((v) => !Number.isFinite(v));
  if (badRms >= 0 || !Number.isFinite(r.loss))
    return {
      kind: 'overflow',
      text:
        `Overflow: the forward pass exceeds float32 ${badRms >= 0 ? `at hidden layer ${badRms + 1}` : 'at the output'} ` +
        '(activations reach Infinity), so the loss and every gradient are Infinity or NaN: exploding.',
    };
  const badGrad = n.findIndex((v) => !Number.isFinite(v));
  if (badGrad >= 0)
    return {
      kind: 'overflow',
      text: `Overflow: the backward pass exceeds float32 (layer ${badGrad + 1}'s gradient is ${n[badGrad]}): exploding.`,
    };
  const first = n[0]!;
  const last = n[n.length - 1]!;
  const zeros = n.filter((v) => v === 0).length;
  if (zeros > 0)
    return {
      kind: 'vanishing',
      text: `Vanishing: ${zeros} layer${zeros > 1 ? 's get' : ' gets'} a gradient of exactly 0 (below float32's range); the last layer gets ${fmt(last)}.`,
    };
  const ratio = first / last;
  if (n.length > 1 && ratio < VANISHING_RATIO)
    return {
      kind: 'vanishing',
      text: `Vanishing: the first layer's gradient is ${fmt(ratio)} of the last layer's (${fmt(first)} vs ${fmt(last)}); the early layers barely learn.`,
    };
  if (n.length > 1 && ratio > EXPLODING_RATIO)
    return {
      kind: 'exploding',
      text: `Exploding towards the input: the first layer's gradient is ${fmt(ratio)}× the last layer's (${fmt(first)} vs ${fmt(last)}).`,
    };
  const largest = Math.max(...n);
  if (largest > EXPLODING_NORM)
    return {
      kind: 'exploding',
      text: `Exploding: every layer's gradient is huge (up to ${fmt(largest)}); one plain SGD step throws the weights far away.`,
    };
  return {
    kind: 'healthy',
    text:
      n.length > 1
        ? `Healthy: the first layer's gradient is ${fmt(ratio)}× the last layer's; every layer learns at a comparable rate.`
        : `One layer: gradient norm ${fmt(first)}.`,
  };
}

/** Values for a log axis: anything not positive and finite becomes NaN (a gap). */
export function forLogAxis(values: readonly number[]): number[] {
  return values.map((v) => (Number.isFinite(v) && v > 0 ? v : NaN));
}

const layers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

export interface GradientSeries {
  label: string;
  color: string;
  norms: readonly number[];
  dash?: 'solid' | 'dot';
}

export function gradientTraces(series: readonly GradientSeries[]): LineTrace[] {
  return series.map((s) => ({
    type: 'line',
    x: layers(s.norms.length),
    y: forLogAxis(s.norms),
    name: s.label,
    color: s.color,
    dash: s.dash ?? 'solid',
  }));
}

/** φ (solid) and φ′ (dashed) for each distinct activation, with its largest slope in the legend. */
export function activationTraces(choices: readonly { name: ActivationName; color: string }[]): LineTrace[] {
  const seen = new Set<ActivationName>();
  const traces: LineTrace[] = [];
  for (const { name, color } of choices) {
    if (seen.has(name)) continue;
    seen.add(name);
    const { z, f, df } = activationCurve(name, -5, 5, 201);
    traces.push(
      { type: 'line', x: z, y: f, name, color },
      { type: 'line', x: z, y: df, name: `${name}′ (max ${ACTIVATIONS[name].maxSlope})`, color, dash: 'dot' },
    );
  }
  return traces;
}

export interface LossSeries {
  label: string;
  color: string;
  steps: readonly number[];
  losses: readonly number[];
}

export function lossTraces(series: readonly LossSeries[]): LineTrace[] {
  return series.map((s) => ({
    type: 'line',
    x: s.steps.slice(),
    y: forLogAxis(s.losses),
    name: s.label,
    color: s.color,
  }));
}

// kernels/nn dense layers: a hand-worked 2 → 2 ReLU layer, the forward pass against a plain triple loop,
// and the backward pass (weights, biases and inputs, through one to three layers) against central finite
// differences of a scalar loss, at batch sizes that exercise the eight-row blocks and the leftover rows.
import { describe, expect, test } from 'vitest';
import {
  LAYER_ACTIVATIONS,
  RELU,
  backwardScratch,
  denseBackward,
  denseForward,
  denseLayout,
  type Activation,
  type Dense,
} from '../../../kernels/nn/index';
import { createRng } from '../../../src/runtime/rng';

const rng = createRng(5);
const random = (n: number, scale = 1) => Float64Array.from({ length: n }, () => scale * rng.normal());

describe('a hand-worked layer: W = [[1, 2], [3, −1]], b = [0.5, −1], ReLU', () => {
  const { layers, size } = denseLayout([2, 2]);
  const d = layers[0]!;
  const p = Float64Array.from([1, 2, 3, -1, 0.5, -1]);
  test('layout: W at 0 (row-major, nout × nin), b at 4, 6 parameters', () => {
    expect(d).toEqual({ nin: 2, nout: 2, w: 0, b: 4 });
    expect(size).toBe(6);
  });
  test('x = [1, −2]: z = [1 − 4 + 0.5, 3 + 2 − 1] = [−2.5, 4], out = [0, 4], ReLU′ = [0, 1]', () => {
    const out = new Float64Array(2);
    const deriv = new Float64Array(2);
    denseForward(p, d, Float64Array.from([1, -2]), out, 1, RELU, deriv);
    expect(Array.from(out)).toEqual([0, 4]);
    expect(Array.from(deriv)).toEqual([0, 1]);
  });
  test('∂out = [1, 1]: ∂z = [0, 1], ∂W = [[0, 0], [1, −2]], ∂b = [0, 1], ∂x = Wᵀ∂z = [3, −1]', () => {
    const x = Float64Array.from([1, -2]);
    const deriv = new Float64Array(2);
    denseForward(p, d, x, new Float64Array(2), 1, RELU, deriv);
    const g = new Float64Array(6);
    const dx = new Float64Array(2);
    denseBackward(p, g, d, x, [1, 1], dx, 1, deriv, backwardScratch(layers, 1));
    expect(Array.from(g)).toEqual([0, 0, 1, -2, 0, 1]);
    expect(Array.from(dx)).toEqual([3, -1]);
  });
  test('backward adds into g and dx (a second call doubles them)', () => {
    const x = Float64Array.from([1, -2]);
    const deriv = new Float64Array(2);
    denseForward(p, d, x, new Float64Array(2), 1, RELU, deriv);
    const g = new Float64Array(6);
    const dx = new Float64Array(2);
    const scratch = backwardScratch(layers, 1);
    denseBackward(p, g, d, x, [1, 1], dx, 1, deriv, scratch);
    denseBackward(p, g, d, x, [1, 1], dx, 1, deriv, scratch);
    expect(Array.from(g)).toEqual([0, 0, 2, -4, 0, 2]);
    expect(Array.from(dx)).toEqual([6, -2]);
  });
});

test('ReLU lets NaN through (a diverged net must show it)', () => {
  const { layers } = denseLayout([1, 1]);
  const out = new Float64Array(1);
  denseForward(Float64Array.from([1, 0]), layers[0]!, Float64Array.from([NaN]), out, 1, RELU);
  expect(out[0]).toBeNaN();
});

test('denseLayout places layers back to back from an offset and rejects bad widths', () => {
  const { layers, size } = denseLayout([3, 4, 2], 10);
  expect(layers).toEqual([
    { nin: 3, nout: 4, w: 10, b: 22 },
    { nin: 4, nout: 2, w: 26, b: 34 },
  ]);
  expect(size).toBe(36);
  expect(() => denseLayout([3])).toThrow('widths must list at least 2 sizes, got [3]');
  expect(() => denseLayout([3, 0])).toThrow('widths[1] must be an integer from 1 to 65536, got 0');
});

type Named = [string, Activation | null];
const activations: Named[] = [
  ['linear', null],
  ['relu', LAYER_ACTIVATIONS.relu],
  ['silu', LAYER_ACTIVATIONS.silu],
  ['tanh', LAYER_ACTIVATIONS.tanh],
  ['sigmoid', LAYER_ACTIVATIONS.sigmoid],
  // GELU is left out here: its f uses an erf approximation (error 1.5e-7) while df is the exact derivative,
  // so finite differences of f differ from df by more than this file's tolerance.
];

describe.each(activations)('%s hidden layers', (_name, act) => {
  test.each([1, 8, 11, 19])('forward matches a triple loop (tol 1e-12), batch %i', (batch) => {
    const { layers, size } = denseLayout([5, 9]);
    const d = layers[0]!;
    const p = random(size);
    const x = random(batch * 5);
    const out = new Float64Array(batch * 9);
    denseForward(p, d, x, out, batch, act);
    for (let r = 0; r < batch; r++) {
      for (let j = 0; j < 9; j++) {
        let z = p[d.b + j]!;
        for (let i = 0; i < 5; i++) z += p[d.w + j * 5 + i]! * x[r * 5 + i]!;
        const want = act ? act.f(z) : z;
        expect(Math.abs(out[r * 9 + j]! - want)).toBeLessThan(1e-12);
      }
    }
  });

  test.each([
    [[4, 3], 3],
    [[3, 7, 2], 8],
    [[6, 5, 4, 3], 13],
  ])(
    'backward of widths %j at batch %i matches central differences (h = 1e-6, tol 1e-6·(1 + |g|))',
    (widths, batch) => {
      const { layers, size } = denseLayout(widths);
      const p = random(size, 0.7);
      const x = random(batch * widths[0]!);
      const L = layers.length;
      const last = widths[L]!;
      const weights = random(batch * last); // loss = Σ weights ⊙ output
      const acts = widths.map((w) => new Float64Array(batch * w));
      const derivs = widths.map((w) => new Float64Array(batch * w));
      const run = (params: Float64Array, input: Float64Array, keep: boolean): number => {
        acts[0]!.set(input);
        for (let l = 0; l < L; l++) {
          const hidden = l < L - 1;
          const deriv = keep && hidden ? derivs[l + 1]! : null;
          denseForward(params, layers[l]!, acts[l]!, acts[l + 1]!, batch, hidden ? act : null, deriv);
        }
        let s = 0;
        for (let k = 0; k < batch * last; k++) s += weights[k]! * acts[L]![k]!;
        return s;
      };
      run(p, x, true);
      const g = new Float64Array(size);
      const dIn = widths.map((w) => new Float64Array(batch * w));
      const scratch = backwardScratch(layers, batch);
      let dOut: Float64Array = weights;
      for (let l = L - 1; l >= 0; l--) {
        const deriv = l < L - 1 ? derivs[l + 1]! : null;
        denseBackward(p, g, layers[l]!, acts[l]!, dOut, dIn[l]!, batch, deriv, scratch);
        dOut = dIn[l]!;
      }
      const h = 1e-6;
      const fd = (v: Float64Array, k: number, params: Float64Array, input: Float64Array) => {
        const keep = v[k]!;
        v[k] = keep + h;
        const up = run(params, input, false);
        v[k] = keep - h;
        const down = run(params, input, false);
        v[k] = keep;
        return (up - down) / (2 * h);
      };
      for (let k = 0; k < size; k++) {
        const want = fd(p, k, p, x);
        expect(Math.abs(g[k]! - want)).toBeLessThan(1e-6 * (1 + Math.abs(want)));
      }
      for (let k = 0; k < x.length; k++) {
        const want = fd(x, k, p, x);
        expect(Math.abs(dIn[0]![k]! - want)).toBeLessThan(1e-6 * (1 + Math.abs(want)));
      }
      expect(g.some((v) => v !== 0)).toBe(true);
    },
  );
});

test('a layer without dx leaves the input gradient alone and still fills g', () => {
  const { layers, size } = denseLayout([3, 2]);
  const d: Dense = layers[0]!;
  const p = random(size);
  const x = random(9 * 3);
  const g = new Float64Array(size);
  denseBackward(p, g, d, x, random(9 * 2), null, 9, null, backwardScratch(layers, 9));
  expect(g.every((v) => Number.isFinite(v) && v !== 0)).toBe(true);
});

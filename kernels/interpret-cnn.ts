// A tiny convolutional net on typed arrays for question 16's image panel, written so every quantity an
// explanation needs is at hand: the gradient of a class score with respect to the input pixels (saliency,
// SmoothGrad, integrated gradients) and with respect to the last convolution's activations (Grad-CAM), and
// copies with chosen layers re-drawn at random (the sanity check of Adebayo et al. 2018). Grey images
// size × size; conv 3×3 (1 → c1) + ReLU + 2×2 max pool, conv 3×3 (c1 → c2) + ReLU + 2×2 max pool, dense to
// the classes. Channel-last, row-major; filters [3, 3, in, out] like tf.conv2d. Forward and backward side by
// side; trained with kernels/nn's Adam on softmax cross-entropy.
import { createRng } from '../src/runtime/rng';

export const CNN_LAYERS = ['dense', 'conv2', 'conv1'] as const;
export type CnnLayer = (typeof CNN_LAYERS)[number];

export interface CnnShape {
  size: number;
  c1: number;
  c2: number;
  classes: number;
}

interface Cache {
  x: Float64Array;
  z1: Float64Array;
  p1: Float64Array;
  i1: Int32Array;
  z2: Float64Array;
  a2: Float64Array;
  p2: Float64Array;
  i2: Int32Array;
  logits: Float64Array;
}

/** 3×3 zero-padded convolution of x [H, W, cin] with filter p[w …] [3, 3, cin, cout] and bias p[b …]. */
function conv(
  x: Float64Array,
  H: number,
  W: number,
  cin: number,
  p: Float64Array,
  w: number,
  b: number,
  cout: number,
) {
  const out = new Float64Array(H * W * cout);
  for (let y = 0; y < H; y++)
    for (let xx = 0; xx < W; xx++) {
      const o = (y * W + xx) * cout;
      for (let k = 0; k < cout; k++) out[o + k] = p[b + k]!;
      for (let dy = 0; dy < 3; dy++) {
        const sy = y + dy - 1;
        if (sy < 0 || sy >= H) continue;
        for (let dx = 0; dx < 3; dx++) {
          const sx = xx + dx - 1;
          if (sx < 0 || sx >= W) continue;
          const xi = (sy * W + sx) * cin;
          const wi = w + (dy * 3 + dx) * cin * cout;
          for (let c = 0; c < cin; c++) {
            const v = x[xi + c]!;
            if (v === 0) continue;
            const wc = wi + c * cout;
            for (let k = 0; k < cout; k++) out[o + k]! += v * p[wc + k]!;
          }
        }
      }
    }
  return out;
}

/** The transpose of conv: adds ∂W, ∂b into g (when given) and returns ∂x, from ∂out (dz). */
function convBack(
  x: Float64Array,
  H: number,
  W: number,
  cin: number,
  p: Float64Array,
  w: number,
  b: number,
  cout: number,
  dz: Float64Array,
  g: Float64Array | null,
): Float64Array {
  const dx = new Float64Array(H * W * cin);
  for (let y = 0; y < H; y++)
    for (let xx = 0; xx < W; xx++) {
      const o = (y * W + xx) * cout;
      if (g) for (let k = 0; k < cout; k++) g[b + k]! += dz[o + k]!;
      for (let dy = 0; dy < 3; dy++) {
        const sy = y + dy - 1;
        if (sy < 0 || sy >= H) continue;
        for (let dx_ = 0; dx_ < 3; dx_++) {
          const sx = xx + dx_ - 1;
          if (sx < 0 || sx >= W) continue;
          const xi = (sy * W + sx) * cin;
          const wi = w + (dy * 3 + dx_) * cin * cout;
          for (let c = 0; c < cin; c++) {
            const wc = wi + c * cout;
            const v = x[xi + c]!;
            let s = 0;
            for (let k = 0; k < cout; k++) {
              const d = dz[o + k]!;
              s += d * p[wc + k]!;
              if (g) g[wc + k]! += d * v;
            }
            dx[xi + c]! += s;
          }
        }
      }
    }
  return dx;
}

/** ReLU then 2×2 max pooling of z [H, W, C]; idx[k] is the index in z each output came from. */
function reluPool(z: Float64Array, H: number, W: number, C: number) {
  const out = new Float64Array((H / 2) * (W / 2) * C);
  const idx = new Int32Array(out.length);
  for (let y = 0; y < H / 2; y++)
    for (let x = 0; x < W / 2; x++)
      for (let c = 0; c < C; c++) {
        let best = -Infinity;
        let at = 0;
        for (let d = 0; d < 4; d++) {
          const i = ((2 * y + (d >> 1)) * W + 2 * x + (d & 1)) * C + c;
          if (z[i]! > best) [best, at] = [z[i]!, i];
        }
        const o = (y * (W / 2) + x) * C + c;
        out[o] = Math.max(0, best);
        idx[o] = at;
      }
  return { out, idx };
}

export class TinyCnn {
  readonly params: Float64Array;
  /** Offsets of each layer's weights and biases in params. */
  readonly at: Record<CnnLayer, { w: number; b: number; fanIn: number; count: number; biases: number }>;

  constructor(
    readonly shape: CnnShape,
    seed: number,
    params?: Float64Array,
  ) {
    const { size, c1, c2, classes } = shape;
    if (!Number.isInteger(size) || size < 4 || size % 4 !== 0 || size > 64)
      throw new Error(`size must be a multiple of 4 from 4 to 64, got ${size}`);
    const flat = (size / 4) ** 2 * c2;
    const w1 = 0;
    const w2 = w1 + 9 * c1 + c1;
    const w3 = w2 + 9 * c1 * c2 + c2;
    this.at = {
      conv1: { w: w1, b: w1 + 9 * c1, fanIn: 9, count: 9 * c1, biases: c1 },
      conv2: { w: w2, b: w2 + 9 * c1 * c2, fanIn: 9 * c1, count: 9 * c1 * c2, biases: c2 },
      dense: { w: w3, b: w3 + flat * classes, fanIn: flat, count: flat * classes, biases: classes },
    };
    const total = w3 + flat * classes + classes;
    if (params && params.length !== total)
      throw new Error(`params must hold ${total} values, got ${params.length}`);
    this.params = params ? params.slice() : new Float64Array(total);
    if (!params) for (const layer of CNN_LAYERS) this.draw(layer, seed);
  }

  /** Re-draws one layer's weights (He normal) and zeroes its biases. */
  private draw(layer: CnnLayer, seed: number): void {
    const rng = createRng(seed + CNN_LAYERS.indexOf(layer) * 7919);
    const { w, b, fanIn, count, biases } = this.at[layer];
    const std = Math.sqrt(2 / fanIn);
    for (let k = 0; k < count; k++) this.params[w + k] = rng.normal() * std;
    this.params.fill(0, b, b + biases);
  }

  /** A copy with the named layers re-drawn at random (the rest as trained). */
  randomized(layers: readonly CnnLayer[], seed: number): TinyCnn {
    const copy = new TinyCnn(this.shape, seed, this.params);
    for (const l of layers) copy.draw(l, seed + 1);
    return copy;
  }

  forward(x: Float64Array): Cache {
    const { size: S, c1, c2, classes } = this.shape;
    if (x.length !== S * S)
      throw new Error(`an image must hold ${S}×${S} = ${S * S} values, got ${x.length}`);
    const p = this.params;
    const z1 = conv(x, S, S, 1, p, this.at.conv1.w, this.at.conv1.b, c1);
    const { out: p1, idx: i1 } = reluPool(z1, S, S, c1);
    const z2 = conv(p1, S / 2, S / 2, c1, p, this.at.conv2.w, this.at.conv2.b, c2);
    const a2 = z2.map((v) => Math.max(0, v));
    const { out: p2, idx: i2 } = reluPool(z2, S / 2, S / 2, c2);
    const { w, b } = this.at.dense;
    const logits = new Float64Array(classes);
    for (let k = 0; k < classes; k++) {
      let s = p[b + k]!;
      for (let f = 0; f < p2.length; f++) s += p2[f]! * p[w + f * classes + k]!;
      logits[k] = s;
    }
    return { x, z1, p1, i1, z2, a2, p2, i2, logits };
  }

  /**
   * From ∂loss/∂logits: ∂/∂input (S × S), ∂/∂(conv2's ReLU output) (the Grad-CAM gradient, [S/2, S/2, c2]),
   * and, when g is given, the parameter gradients added into g.
   */
  backward(c: Cache, dLogits: ArrayLike<number>, g: Float64Array | null = null) {
    const { size: S, c1, c2, classes } = this.shape;
    const p = this.params;
    const { w, b } = this.at.dense;
    const dp2 = new Float64Array(c.p2.length);
    for (let f = 0; f < c.p2.length; f++) {
      let s = 0;
      for (let k = 0; k < classes; k++) {
        s += dLogits[k]! * p[w + f * classes + k]!;
        if (g) g[w + f * classes + k]! += c.p2[f]! * dLogits[k]!;
      }
      dp2[f] = s;
    }
    if (g) for (let k = 0; k < classes; k++) g[b + k]! += dLogits[k]!;
    const dA2 = new Float64Array(c.z2.length);
    for (let f = 0; f < dp2.length; f++) if (c.p2[f]! > 0) dA2[c.i2[f]!]! += dp2[f]!;
    const dz2 = dA2.map((v, i) => (c.z2[i]! > 0 ? v : 0));
    const dp1 = convBack(c.p1, S / 2, S / 2, c1, p, this.at.conv2.w, this.at.conv2.b, c2, dz2, g);
    const dz1 = new Float64Array(c.z1.length);
    for (let f = 0; f < dp1.length; f++) if (c.p1[f]! > 0) dz1[c.i1[f]!]! += dp1[f]!;
    const dx = convBack(c.x, S, S, 1, p, this.at.conv1.w, this.at.conv1.b, c1, dz1, g);
    return { dx, dA2 };
  }

  /** ∂(logit of `cls`)/∂input at x. */
  inputGradient(x: Float64Array, cls: number): Float64Array {
    const d = new Float64Array(this.shape.classes);
    d[cls] = 1;
    return this.backward(this.forward(x), d).dx;
  }

  /** Softmax cross-entropy of one image; adds its parameter gradient (scaled by `scale`) into g. */
  lossAndGrad(x: Float64Array, label: number, g: Float64Array, scale: number): number {
    const cache = this.forward(x);
    const m = Math.max(...cache.logits);
    const e = cache.logits.map((v) => Math.exp(v - m));
    const z = e.reduce((s, v) => s + v, 0);
    const d = e.map((v, k) => (scale * v) / z - (k === label ? scale : 0));
    this.backward(cache, d, g);
    return -Math.log(e[label]! / z);
  }

  predict(x: Float64Array): number {
    const l = this.forward(x).logits;
    return l.indexOf(Math.max(...l));
  }
}

// An independent float64 reference for the vanishing-gradient network: the same architecture written in
// plain JavaScript (no tfjs), and per-layer weight-gradient norms by central finite differences of it.
// Only the initial weights and the data come from the kernel (they are plain data); the forward pass, the
// normalizations and the derivatives are computed here from the definitions.
import { ACTIVATIONS } from '../../kernels/activations';
import {
  INPUT_DIM,
  initialParameters,
  isResidualLayer,
  residualScale,
  syntheticBatch,
  type VanishingConfig,
} from '../../kernels/vanishing-net';

type Matrix = number[][];

function matMul(a: Matrix, w: Float64Array, fanIn: number, fanOut: number): Matrix {
  return a.map((row) =>
    Array.from({ length: fanOut }, (_, j) => {
      let s = 0;
      for (let i = 0; i < fanIn; i++) s += row[i]! * w[i * fanOut + j]!;
      return s;
    }),
  );
}

/** γ = 1, β = 0 standardization over the batch (per column) or the features (per row), eps 1e-5. */
export function normalizeRef(z: Matrix, over: 'batch' | 'layer', eps = 1e-5): Matrix {
  const rows = z.length;
  const cols = z[0]!.length;
  if (over === 'layer') {
    return z.map((row) => {
      const mean = row.reduce((a, b) => a + b, 0) / cols;
      const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / cols;
      return row.map((v) => (v - mean) / Math.sqrt(variance + eps));
    });
  }
  const out = z.map((row) => row.slice());
  for (let j = 0; j < cols; j++) {
    let mean = 0;
    for (let i = 0; i < rows; i++) mean += z[i]![j]!;
    mean /= rows;
    let variance = 0;
    for (let i = 0; i < rows; i++) variance += (z[i]![j]! - mean) ** 2;
    variance /= rows;
    for (let i = 0; i < rows; i++) out[i]![j] = (z[i]![j]! - mean) / Math.sqrt(variance + eps);
  }
  return out;
}

/** The network's loss in float64, at the given weights. */
export function referenceLoss(cfg: VanishingConfig, weights: Float64Array[], x: Matrix, t: number[]): number {
  const dims = [INPUT_DIM, ...Array.from({ length: cfg.depth - 1 }, () => cfg.width), 1];
  const phi = ACTIVATIONS[cfg.activation].f;
  const norm = (z: Matrix) => (cfg.norm === 'none' ? z : normalizeRef(z, cfg.norm));
  let h = x;
  for (let l = 0; l < cfg.depth - 1; l++) {
    if (isResidualLayer(cfg, l)) {
      const branch = matMul(
        norm(h).map((r) => r.map(phi)),
        weights[l]!,
        dims[l]!,
        dims[l + 1]!,
      );
      const s = residualScale(cfg);
      h = h.map((r, i) => r.map((v, j) => v + s * branch[i]![j]!));
    } else {
      h = norm(matMul(h, weights[l]!, dims[l]!, dims[l + 1]!)).map((r) => r.map(phi));
    }
  }
  const y = matMul(h, weights[cfg.depth - 1]!, dims[cfg.depth - 1]!, 1);
  return y.reduce((a, r, i) => a + (r[0]! - t[i]!) ** 2, 0) / t.length;
}

/** ‖∂L/∂W_l‖₂ per layer by central differences (step h) on the float64 reference. */
export function referenceGradientNorms(cfg: VanishingConfig, h = 1e-6): number[] {
  const init = initialParameters(cfg);
  const weights = init.weights.map((w) => Float64Array.from(w));
  const { x: xf, t: tf32 } = syntheticBatch(cfg.seed, cfg.batch);
  const x = Array.from({ length: cfg.batch }, (_, i) =>
    Array.from(xf.subarray(i * INPUT_DIM, (i + 1) * INPUT_DIM)),
  );
  const t = Array.from(tf32);
  return weights.map((w) => {
    let sq = 0;
    for (let k = 0; k < w.length; k++) {
      const keep = w[k]!;
      w[k] = keep + h;
      const up = referenceLoss(cfg, weights, x, t);
      w[k] = keep - h;
      const down = referenceLoss(cfg, weights, x, t);
      w[k] = keep;
      sq += ((up - down) / (2 * h)) ** 2;
    }
    return Math.sqrt(sq);
  });
}

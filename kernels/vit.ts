// The Vision Transformer's plain-number pieces (question 11): cutting an image into patch tokens, 1-D and 2-D
// sinusoidal position embeddings, the cosine-similarity map of positions, and attention rollout. No tfjs here:
// vit-model.ts builds the tensors; the cell draws these arrays directly.
//
// Example: patchify({ data, height: 16, width: 16, channels: 3 }, 4) → 16 rows of 48 numbers;
//   sinusoidalPositionEmbedding2d(4, 4, 32) → 16 rows of 32; cosineSimilarityMap(rows) → 16 × 16.

export interface ImageData3 {
  /** Row-major, channel-last: index (y·width + x)·channels + c. */
  data: ArrayLike<number>;
  height: number;
  width: number;
  channels: number;
}

function checkPositiveInteger(name: string, v: number, max = 1 << 16): void {
  if (!Number.isInteger(v) || v < 1 || v > max)
    throw new Error(`${name} must be an integer from 1 to ${max}, got ${v}`);
}

/**
 * Patches in row-major order over the grid, each flattened row-major, channel-last:
 * result[(gy·(W/p) + gx)][(py·p + px)·C + c] = data[((gy·p + py)·W + gx·p + px)·C + c].
 */
export function patchify(image: ImageData3, patchSize: number): number[][] {
  const { data, height: H, width: W, channels: C } = image;
  checkPositiveInteger('height', H);
  checkPositiveInteger('width', W);
  checkPositiveInteger('channels', C);
  if (!Number.isInteger(patchSize) || patchSize < 1)
    throw new Error(`patchSize must be an integer ≥ 1, got ${patchSize}`);
  if (H % patchSize !== 0 || W % patchSize !== 0)
    throw new Error(`patchSize ${patchSize} must divide the image size ${H}×${W}`);
  if (data.length !== H * W * C)
    throw new Error(`data has ${data.length} values; a ${H}×${W}×${C} image needs ${H * W * C}`);
  const p = patchSize;
  const rows: number[][] = [];
  for (let gy = 0; gy < H / p; gy++) {
    for (let gx = 0; gx < W / p; gx++) {
      const patch = new Array<number>(p * p * C);
      let k = 0;
      for (let py = 0; py < p; py++) {
        const base = ((gy * p + py) * W + gx * p) * C;
        for (let i = 0; i < p * C; i++) patch[k++] = data[base + i]!;
      }
      rows.push(patch);
    }
  }
  return rows;
}

/** PE[pos][2i] = sin(pos / 10000^(2i/dim)), PE[pos][2i+1] = cos(pos / 10000^(2i/dim)); dim even. */
export function sinusoidalPositionEmbedding1d(length: number, dim: number): number[][] {
  checkPositiveInteger('length', length, 4096);
  if (!Number.isInteger(dim) || dim < 2 || dim > 4096 || dim % 2 !== 0)
    throw new Error(`dim must be an even integer from 2 to 4096, got ${dim}`);
  return Array.from({ length }, (_, pos) => {
    const row = new Array<number>(dim);
    for (let i = 0; i < dim / 2; i++) {
      const angle = pos / Math.pow(10000, (2 * i) / dim);
      row[2 * i] = Math.sin(angle);
      row[2 * i + 1] = Math.cos(angle);
    }
    return row;
  });
}

/**
 * The 2-D form (as in MAE): the first dim/2 columns are the 1-D embedding of the row index, the last dim/2
 * that of the column index. Rows are grid positions in row-major order; dim must be a multiple of 4.
 */
export function sinusoidalPositionEmbedding2d(
  gridHeight: number,
  gridWidth: number,
  dim: number,
): number[][] {
  checkPositiveInteger('gridHeight', gridHeight, 4096);
  checkPositiveInteger('gridWidth', gridWidth, 4096);
  if (!Number.isInteger(dim) || dim < 4 || dim > 4096 || dim % 4 !== 0)
    throw new Error(`dim must be a multiple of 4 from 4 to 4096, got ${dim}`);
  const ys = sinusoidalPositionEmbedding1d(gridHeight, dim / 2);
  const xs = sinusoidalPositionEmbedding1d(gridWidth, dim / 2);
  const rows: number[][] = [];
  for (let gy = 0; gy < gridHeight; gy++)
    for (let gx = 0; gx < gridWidth; gx++) rows.push([...ys[gy]!, ...xs[gx]!]);
  return rows;
}

/** S[i][j] = cos(rows[i], rows[j]); a zero row has similarity 0 with everything (1 with itself). */
export function cosineSimilarityMap(rows: readonly (readonly number[])[]): number[][] {
  if (rows.length === 0) throw new Error('rows must not be empty');
  const d = rows[0]!.length;
  rows.forEach((r, i) => {
    if (r.length !== d) throw new Error(`row ${i} has ${r.length} values; row 0 has ${d}`);
  });
  const norms = rows.map((r) => Math.sqrt(r.reduce((s, v) => s + v * v, 0)));
  return rows.map((a, i) =>
    rows.map((b, j) => {
      if (i === j) return 1;
      if (norms[i] === 0 || norms[j] === 0) return 0;
      let dot = 0;
      for (let k = 0; k < d; k++) dot += a[k]! * b[k]!;
      return dot / (norms[i]! * norms[j]!);
    }),
  );
}

/**
 * Attention rollout (Abnar and Zuidema 2020): per layer, average the heads, add the residual path
 * (0.5·A + 0.5·I), renormalise rows, and multiply the layers in order: R = Â_L ⋯ Â_1. `layers[l][h]` is a
 * T × T row-stochastic matrix. Returns R (T × T); row 0 is what the class token reads from each input token.
 */
export function attentionRollout(
  layers: readonly (readonly (readonly (readonly number[])[])[])[],
): number[][] {
  if (layers.length === 0) throw new Error('layers must not be empty');
  const T = layers[0]![0]?.length ?? 0;
  if (T === 0) throw new Error('each layer needs at least one head of size ≥ 1');
  let rollout: number[][] = Array.from({ length: T }, (_, i) =>
    Array.from({ length: T }, (_, j) => (i === j ? 1 : 0)),
  );
  layers.forEach((heads, l) => {
    if (heads.length === 0) throw new Error(`layer ${l} has no heads`);
    const mixed = Array.from({ length: T }, (_, i) =>
      Array.from({ length: T }, (_, j) => {
        let s = 0;
        for (const h of heads) {
          if (h.length !== T || h[i]!.length !== T)
            throw new Error(`layer ${l}: every head must be ${T}×${T}`);
          s += h[i]![j]!;
        }
        return 0.5 * (s / heads.length) + (i === j ? 0.5 : 0);
      }),
    );
    for (const row of mixed) {
      const total = row.reduce((a, b) => a + b, 0);
      for (let j = 0; j < T; j++) row[j] = row[j]! / total;
    }
    rollout = mixed.map((row) =>
      Array.from({ length: T }, (_, j) => row.reduce((s, v, k) => s + v * rollout[k]![j]!, 0)),
    );
  });
  return rollout;
}

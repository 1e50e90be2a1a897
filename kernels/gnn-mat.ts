// Dense row-major float64 matrices for the GNN layers: a node-feature matrix is `rows` nodes × `cols`
// features in one Float64Array. The three products the layers' forward and backward passes need, and
// conversions to and from number[][].
//
// Example: const c = matmul(toMat([[1, 2]]), toMat([[3], [4]]));  // c.data = [11]

export interface Mat {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function zeros(rows: number, cols: number): Mat {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A matrix from rows of equal length (throws naming the row that differs). */
export function toMat(rows: readonly (readonly number[])[]): Mat {
  const cols = rows[0]?.length ?? 0;
  const m = zeros(rows.length, cols);
  rows.forEach((r, i) => {
    if (r.length !== cols) throw new Error(`row ${i} has ${r.length} entries, row 0 has ${cols}`);
    m.data.set(r, i * cols);
  });
  return m;
}

export function fromMat(m: Mat): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** The identity (one-hot node features). */
export function identity(n: number): Mat {
  const m = zeros(n, n);
  for (let i = 0; i < n; i++) m.data[i * n + i] = 1;
  return m;
}

/** A·B with B given as a flat (a.cols × cols) array. */
export function matmul(a: Mat, b: Float64Array, cols: number): Mat {
  if (b.length !== a.cols * cols)
    throw new Error(`matmul: ${a.rows}×${a.cols} by ${b.length / cols}×${cols}`);
  const out = zeros(a.rows, cols);
  const A = a.data;
  const O = out.data;
  for (let i = 0; i < a.rows; i++)
    for (let k = 0; k < a.cols; k++) {
      const v = A[i * a.cols + k]!;
      if (v === 0) continue;
      for (let j = 0; j < cols; j++) O[i * cols + j]! += v * b[k * cols + j]!;
    }
  return out;
}

/** into += Aᵀ·B (A rows × p, B rows × q, into p × q flat): a weight gradient. */
export function addMatmulTA(into: Float64Array, a: Mat, b: Mat): void {
  if (a.rows !== b.rows || into.length !== a.cols * b.cols)
    throw new Error(`matmulTA: ${a.rows}×${a.cols} and ${b.rows}×${b.cols} into ${into.length}`);
  const q = b.cols;
  for (let i = 0; i < a.rows; i++)
    for (let k = 0; k < a.cols; k++) {
      const v = a.data[i * a.cols + k]!;
      if (v === 0) continue;
      for (let j = 0; j < q; j++) into[k * q + j]! += v * b.data[i * q + j]!;
    }
}

/** A·Bᵀ with B given as a flat (cols × a.cols) array: a gradient sent back through a weight matrix. */
export function matmulTB(a: Mat, b: Float64Array, cols: number): Mat {
  if (b.length !== a.cols * cols) throw new Error(`matmulTB: ${a.rows}×${a.cols} by (${cols}×${a.cols})ᵀ`);
  const out = zeros(a.rows, cols);
  for (let i = 0; i < a.rows; i++)
    for (let j = 0; j < cols; j++) {
      let s = 0;
      for (let k = 0; k < a.cols; k++) s += a.data[i * a.cols + k]! * b[j * a.cols + k]!;
      out.data[i * cols + j] = s;
    }
  return out;
}

/** into += the column sums of m (a bias gradient). */
export function addColumnSums(into: Float64Array, m: Mat): void {
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) into[j]! += m.data[i * m.cols + j]!;
}

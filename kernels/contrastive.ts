// Contrastive losses and the two Wang–Isola measures (question 10), in plain numbers: rows are embeddings,
// every function L2-normalises the rows first, so similarities are cosines. These are the readable forms the
// tests check by hand; kernels/contrastive-grad.ts is the training form (loss and gradient on Float64Arrays)
// and is tested against these.
//
// Example:
//   infoNCE([[1, 0], [0, 1]], [[1, 0], [0, 1]], 0.1)  // log(1 + e^−10) ≈ 4.5e-5: each query finds its key
//   uniformity([[1, 0], [-1, 0]])                       // log e^−8 = −8: two antipodal points

/** The checks every loss shares: a non-empty batch of rows of one width, and a temperature above 0. */
function checkRows(name: string, rows: readonly (readonly number[])[]): number {
  if (rows.length === 0) throw new Error(`${name} is an empty batch: it needs at least 1 row`);
  const d = rows[0]!.length;
  if (d === 0) throw new Error(`${name} has rows of width 0: embeddings need at least 1 dimension`);
  rows.forEach((r, i) => {
    if (r.length !== d) throw new Error(`${name}[${i}] has ${r.length} entries, but ${name}[0] has ${d}`);
  });
  return d;
}

function checkPair(
  na: string,
  a: readonly (readonly number[])[],
  nb: string,
  b: readonly (readonly number[])[],
): void {
  const da = checkRows(na, a);
  const db = checkRows(nb, b);
  if (a.length !== b.length) throw new Error(`${na} has ${a.length} rows but ${nb} has ${b.length}`);
  if (da !== db) throw new Error(`${na} rows have ${da} entries but ${nb} rows have ${db}`);
}

export function checkTemperature(temperature: number): void {
  if (!(Number.isFinite(temperature) && temperature > 0))
    throw new Error(`temperature must be a finite number > 0, got ${temperature}`);
}

/** Each row divided by its Euclidean norm (a zero row stays zero: it has no direction). */
export function normalizeRows(rows: readonly (readonly number[])[]): number[][] {
  return rows.map((r) => {
    const n = Math.hypot(...r);
    return n > 0 ? r.map((v) => v / n) : r.map(() => 0);
  });
}

function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < a.length; k++) s += a[k]! * b[k]!;
  return s;
}

/** log Σ exp(v) over the entries of v whose mask is true, computed stably. */
function logSumExp(v: readonly number[], keep: (j: number) => boolean = () => true): number {
  let m = -Infinity;
  v.forEach((x, j) => {
    if (keep(j) && x > m) m = x;
  });
  let s = 0;
  v.forEach((x, j) => {
    if (keep(j)) s += Math.exp(x - m);
  });
  return m + Math.log(s);
}

/** The N × M matrix of cosines between the rows of a and of b, divided by the temperature. */
function logits(a: readonly (readonly number[])[], b: readonly (readonly number[])[], t: number): number[][] {
  const na = normalizeRows(a);
  const nb = normalizeRows(b);
  return na.map((r) => nb.map((c) => dot(r, c) / t));
}

/**
 * InfoNCE (van den Oord et al. 2018): row i of `keys` is the positive of query i, the other rows its
 * negatives; the mean over queries of −log softmax_i(cos(q_i, k_·) / temperature).
 */
export function infoNCE(queries: number[][], keys: number[][], temperature: number): number {
  checkPair('queries', queries, 'keys', keys);
  checkTemperature(temperature);
  const s = logits(queries, keys, temperature);
  return s.reduce((acc, row, i) => acc + logSumExp(row) - row[i]!, 0) / s.length;
}

/**
 * SimCLR's NT-Xent (Chen et al. 2020) over the 2N views [z1; z2]: view i's positive is its pair (i ± N), its
 * negatives the other 2N − 2 views (itself excluded); the mean over all 2N views.
 */
export function ntXent(z1: number[][], z2: number[][], temperature: number): number {
  checkPair('z1', z1, 'z2', z2);
  checkTemperature(temperature);
  const z = [...z1, ...z2];
  const n = z1.length;
  const s = logits(z, z, temperature);
  return (
    s.reduce((acc, row, i) => acc + logSumExp(row, (j) => j !== i) - row[(i + n) % (2 * n)]!, 0) / (2 * n)
  );
}

/**
 * CLIP's symmetric loss (Radford et al. 2021): the mean of the cross-entropy over the rows (a → b) and over
 * the columns (b → a) of the N × N matrix cos(a_i, b_j) / temperature, the diagonal being the matches.
 */
export function clipLoss(a: number[][], b: number[][], temperature: number): number {
  checkPair('a', a, 'b', b);
  checkTemperature(temperature);
  const s = logits(a, b, temperature);
  const n = s.length;
  let rows = 0;
  let cols = 0;
  for (let i = 0; i < n; i++) {
    rows += logSumExp(s[i]!) - s[i]![i]!;
    cols += logSumExp(s.map((r) => r[i]!)) - s[i]![i]!;
  }
  return (rows / n + cols / n) / 2;
}

/**
 * SigLIP's sigmoid loss (Zhai et al. 2023): logits cos(a_i, b_j) / temperature + bias, label +1 on the
 * diagonal and −1 elsewhere, −(1/N)·Σᵢ Σⱼ log σ(label·logit).
 */
export function sigmoidLoss(a: number[][], b: number[][], temperature: number, bias: number): number {
  checkPair('a', a, 'b', b);
  checkTemperature(temperature);
  if (!Number.isFinite(bias)) throw new Error(`bias must be a finite number, got ${bias}`);
  const s = logits(a, b, temperature);
  let sum = 0;
  s.forEach((row, i) =>
    row.forEach((l, j) => {
      const y = i === j ? 1 : -1;
      sum += softplus(-y * (l + bias)); // −log σ(x) = softplus(−x)
    }),
  );
  return sum / s.length;
}

/** log(1 + eˣ) without overflow. */
export function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Wang & Isola's alignment: the mean over positive pairs of ‖ẑ1_i − ẑ2_i‖², on L2-normalised rows. */
export function alignment(z1: number[][], z2: number[][]): number {
  checkPair('z1', z1, 'z2', z2);
  const a = normalizeRows(z1);
  const b = normalizeRows(z2);
  return a.reduce((acc, r, i) => acc + r.reduce((s, v, k) => s + (v - b[i]![k]!) ** 2, 0), 0) / a.length;
}

/**
 * Wang & Isola's uniformity: log of the mean over distinct pairs i < j of exp(−t‖ẑ_i − ẑ_j‖²), on
 * L2-normalised rows. Lower is more uniform; needs at least 2 rows.
 */
export function uniformity(z: number[][], t = 2): number {
  checkRows('z', z);
  if (z.length < 2) throw new Error(`z has ${z.length} row: uniformity needs at least 2 rows (one pair)`);
  if (!(Number.isFinite(t) && t > 0)) throw new Error(`t must be a finite number > 0, got ${t}`);
  const u = normalizeRows(z);
  const e: number[] = [];
  for (let i = 0; i < u.length; i++)
    for (let j = i + 1; j < u.length; j++)
      e.push(-t * u[i]!.reduce((s, v, k) => s + (v - u[j]![k]!) ** 2, 0));
  return logSumExp(e) - Math.log(e.length);
}

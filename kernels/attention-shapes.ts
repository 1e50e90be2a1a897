// Input checks shared by the tfjs attention kernel and its plain-JavaScript twin, so both reject the same
// inputs with the same messages, and the visibility pattern (causal mask AND user mask) is built once.
//
// Example: const plan = planAttention(q, k, v, { causal: true }); plan.visible[i][j] → may query i see key j?

export interface AttentionOptions {
  /** Query i sees only keys j ≤ i. */
  causal?: boolean;
  /** Divide the scores by √d_k (default true). */
  scale?: boolean;
  /** Divide the scores by this too (default 1); > 0. Small → sharper (argmax), large → flatter (uniform). */
  temperature?: number;
  /** mask[i][j] = false hides key j from query i (true = may attend, as in PyTorch's boolean attn_mask). */
  mask?: boolean[][];
}

export interface AttentionResult {
  /** QKᵀ / √d_k (when scale) / temperature: nQ × nK, before any mask. */
  scores: number[][];
  /** Softmax of the visible scores per row: hidden entries are exactly 0, each row sums to 1. */
  weights: number[][];
  /** weights · V: nQ × d_v. */
  output: number[][];
}

export interface HeadResult extends AttentionResult {
  /** This head's projected queries, keys and values. */
  q: number[][];
  k: number[][];
  v: number[][];
}

export interface MultiHeadResult {
  heads: HeadResult[];
  /** The heads' outputs side by side: nQ × (heads · d_v). */
  concat: number[][];
  /** concat · wo, or concat when there is no wo. */
  output: number[][];
}

export interface AttentionPlan {
  nQ: number;
  nK: number;
  dK: number;
  dV: number;
  /** What the raw dot products are divided by: (√d_k if scale) × temperature. */
  divisor: number;
  visible: boolean[][];
}

export const MAX_ATTENTION_SIZE = 4096;

/** rows × cols of a non-empty rectangular matrix of finite numbers, or an error naming it. */
export function matrixShape(name: string, m: unknown): [number, number] {
  if (!Array.isArray(m) || m.length === 0) throw new Error(`${name} must be a non-empty array of rows`);
  if (m.length > MAX_ATTENTION_SIZE)
    throw new Error(`${name} has ${m.length} rows; at most ${MAX_ATTENTION_SIZE} are allowed`);
  const first = m[0] as unknown;
  if (!Array.isArray(first) || first.length === 0) throw new Error(`${name}[0] must be a non-empty row`);
  const cols = first.length;
  if (cols > MAX_ATTENTION_SIZE)
    throw new Error(`${name} has ${cols} columns; at most ${MAX_ATTENTION_SIZE} are allowed`);
  m.forEach((row: unknown, i) => {
    if (!Array.isArray(row) || row.length !== cols)
      throw new Error(
        `${name} must be rectangular: row 0 has ${cols} entries, row ${i} has ${Array.isArray(row) ? row.length : 'none'}`,
      );
    row.forEach((x: unknown, j) => {
      if (typeof x !== 'number' || !Number.isFinite(x))
        throw new Error(`${name}[${i}][${j}] must be a finite number, got ${String(x)}`);
    });
  });
  return [m.length, cols];
}

const shape = (r: number, c: number) => `${r}×${c}`;

/** Validates q, k, v and the options; throws an Error naming the shapes that do not fit. */
export function planAttention(
  q: number[][],
  k: number[][],
  v: number[][],
  opts: AttentionOptions = {},
): AttentionPlan {
  const [nQ, dK] = matrixShape('q', q);
  const [nK, dKk] = matrixShape('k', k);
  const [nV, dV] = matrixShape('v', v);
  if (dK !== dKk)
    throw new Error(
      `q is ${shape(nQ, dK)} and k is ${shape(nK, dKk)}: q and k need the same number of columns (d_k)`,
    );
  if (nV !== nK)
    throw new Error(`k is ${shape(nK, dKk)} and v is ${shape(nV, dV)}: k and v need the same number of rows`);
  return { nQ, nK, dK, dV, divisor: scoreDivisor(dK, opts), visible: visibility(nQ, nK, opts) };
}

/** What QKᵀ is divided by: √d_k when `scale` (the default), times the temperature (default 1, > 0). */
export function scoreDivisor(dK: number, opts: AttentionOptions = {}): number {
  const temperature = opts.temperature ?? 1;
  if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature <= 0)
    throw new Error(`temperature must be a finite number > 0, got ${String(opts.temperature)}`);
  return ((opts.scale ?? true) ? Math.sqrt(dK) : 1) * temperature;
}

/**
 * visible[i][j]: may query i attend to key j? The user mask (true = attend) AND the causal mask (j ≤ i).
 * Throws when a query can see no key at all (its softmax would be 0/0) or the mask has the wrong shape.
 */
export function visibility(nQ: number, nK: number, opts: AttentionOptions = {}): boolean[][] {
  const visible: boolean[][] = [];
  if (opts.mask !== undefined) {
    const m = opts.mask;
    if (!Array.isArray(m) || m.length !== nQ || m.some((row) => !Array.isArray(row) || row.length !== nK)) {
      const got = Array.isArray(m) ? `${m.length}×${Array.isArray(m[0]) ? m[0].length : '?'}` : typeof m;
      throw new Error(`mask must be ${shape(nQ, nK)} (q rows × k rows), got ${got}`);
    }
  }
  for (let i = 0; i < nQ; i++) {
    const row: boolean[] = [];
    let any = false;
    for (let j = 0; j < nK; j++) {
      const userMask = opts.mask ? opts.mask[i]![j] : true;
      if (typeof userMask !== 'boolean') throw new Error(`mask[${i}][${j}] must be true or false`);
      const ok = userMask && !(opts.causal && j > i);
      row.push(ok);
      any ||= ok;
    }
    if (!any)
      throw new Error(
        `the mask${opts.causal ? ' (with the causal mask)' : ''} hides every key from query ${i}; ` +
          'each query needs at least one visible key, or its softmax is 0/0',
      );
    visible.push(row);
  }
  return visible;
}

export interface MultiHeadParams {
  /** d_model × (heads · d_k) */
  wq: number[][];
  /** d_model × (heads · d_k) */
  wk: number[][];
  /** d_model × (heads · d_v) */
  wv: number[][];
  /** Optional (heads · d_v) × d_out output projection; without it the output is the concatenated heads. */
  wo?: number[][];
}

export interface MultiHeadPlan {
  heads: number;
  dK: number;
  dV: number;
}

/** Validates a multi-head call's shapes; throws naming the mismatched shapes. */
export function planMultiHead(
  queryInput: number[][],
  keyValueInput: number[][],
  params: MultiHeadParams,
  heads: number,
): MultiHeadPlan {
  const [nQ, dQ] = matrixShape('queryInput', queryInput);
  const [nK, dKv] = matrixShape('keyValueInput', keyValueInput);
  const [wqR, wqC] = matrixShape('wq', params.wq);
  const [wkR, wkC] = matrixShape('wk', params.wk);
  const [wvR, wvC] = matrixShape('wv', params.wv);
  if (!Number.isInteger(heads) || heads < 1 || heads > 64)
    throw new Error(`heads must be an integer from 1 to 64, got ${heads}`);
  if (wqR !== dQ)
    throw new Error(`queryInput is ${shape(nQ, dQ)} and wq is ${shape(wqR, wqC)}: wq needs ${dQ} rows`);
  if (wkR !== dKv || wvR !== dKv)
    throw new Error(
      `keyValueInput is ${shape(nK, dKv)}, wk is ${shape(wkR, wkC)} and wv is ${shape(wvR, wvC)}: ` +
        `wk and wv need ${dKv} rows`,
    );
  if (wqC !== wkC)
    throw new Error(`wq is ${shape(wqR, wqC)} and wk is ${shape(wkR, wkC)}: they need the same width`);
  if (wqC % heads !== 0 || wvC % heads !== 0)
    throw new Error(`heads (${heads}) must divide the projection widths (wq: ${wqC}, wv: ${wvC})`);
  if (params.wo !== undefined) {
    const [woR, woC] = matrixShape('wo', params.wo);
    if (woR !== wvC)
      throw new Error(`wv is ${shape(wvR, wvC)} and wo is ${shape(woR, woC)}: wo needs ${wvC} rows`);
  }
  return { heads, dK: wqC / heads, dV: wvC / heads };
}

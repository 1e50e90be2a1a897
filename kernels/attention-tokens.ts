// The attention cell's toy inputs: a sentence split into tokens, a deterministic embedding per token (the
// same word always gets the same vector, derived from a hash of its text), and seeded projection matrices.
// No trained embedding table: the point is to watch the mechanism, not linguistics.
//
// Example: tokenize('The cat sat') → ['the', 'cat', 'sat']; tokenEmbedding('cat', 8) → 8 numbers
import { createRng } from '../src/runtime/rng';

export const MAX_TOKENS = 12;
export const MAX_TOKEN_CHARS = 24;

/** Lower-cased words and punctuation marks; an error message when the sentence is empty or too long. */
export function tokenize(sentence: string): { tokens: string[] } | { error: string } {
  const tokens = sentence.toLowerCase().match(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}']/gu) ?? [];
  if (tokens.length === 0) return { error: 'Type at least one word.' };
  if (tokens.length > MAX_TOKENS)
    return { error: `At most ${MAX_TOKENS} tokens (words or punctuation marks); this has ${tokens.length}.` };
  const long = tokens.find((t) => t.length > MAX_TOKEN_CHARS);
  if (long)
    return { error: `Each word may have at most ${MAX_TOKEN_CHARS} characters; "${long}" is longer.` };
  return { tokens };
}

/** FNV-1a, 32-bit: a stable hash of the token's text. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** A unit-variance vector that depends only on the token's text and the dimension. */
export function tokenEmbedding(token: string, dim: number): number[] {
  if (!Number.isInteger(dim) || dim < 1 || dim > 512)
    throw new Error(`dim must be an integer from 1 to 512, got ${dim}`);
  const rng = createRng(hash(token) ^ (dim * 0x9e3779b9));
  return Array.from({ length: dim }, () => rng.normal());
}

/** rows × cols of N(0, std²) entries from `seed`. */
export function randomMatrix(rows: number, cols: number, std: number, seed: number): number[][] {
  const rng = createRng(seed);
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal() * std));
}

/** W_Q, W_K, W_V (d_model × d_model, std 1/√d_model so projections keep unit variance), from one seed. */
export function attentionProjections(
  dModel: number,
  seed: number,
): { wq: number[][]; wk: number[][]; wv: number[][] } {
  const std = 1 / Math.sqrt(dModel);
  return {
    wq: randomMatrix(dModel, dModel, std, seed * 3 + 1),
    wk: randomMatrix(dModel, dModel, std, seed * 3 + 2),
    wv: randomMatrix(dModel, dModel, std, seed * 3 + 3),
  };
}

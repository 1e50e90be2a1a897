// Reading the hidden-layer sizes the user types ("16, 16") with a message for anything out of range.

export const MAX_HIDDEN_LAYERS = 4;
export const MAX_WIDTH = 64;

export function parseLayerSizes(text: string): { sizes: number[] } | { error: string } {
  const parts = text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length === 0) return { error: 'Enter at least one hidden layer size, e.g. "16, 16".' };
  if (parts.length > MAX_HIDDEN_LAYERS) {
    return { error: `At most ${MAX_HIDDEN_LAYERS} hidden layers; got ${parts.length}.` };
  }
  const sizes: number[] = [];
  for (const p of parts) {
    const n = Number(p);
    if (!Number.isInteger(n) || n < 1 || n > MAX_WIDTH) {
      return { error: `Each layer size must be a whole number from 1 to ${MAX_WIDTH}; "${p}" is not.` };
    }
    sizes.push(n);
  }
  return { sizes };
}

/** Number of weights and biases of an MLP with these layer widths (inputs first, output last). */
export function parameterCount(widths: readonly number[]): number {
  let total = 0;
  for (let i = 1; i < widths.length; i++) total += widths[i]! * (widths[i - 1]! + 1);
  return total;
}

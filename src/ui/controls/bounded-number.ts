// Reading a number the user typed into a bounded control. Out-of-range values are clamped and explained;
// non-numbers are refused and explained; the message is shown beside the control.
//
// Example: readBounded('300', { min: 2, max: 256 }) → { value: 256, message: '300 is above the maximum 256; using 256.' }

export interface Bounds {
  min: number;
  max: number;
  /** Values snap to min + k·step when given. */
  step?: number;
  /** Whole numbers only. */
  integer?: boolean;
}

export interface BoundedResult {
  /** The value to use, or null when the text is not a number (keep the previous value). */
  value: number | null;
  /** Why the value differs from what was typed; null when it was taken as typed. */
  message: string | null;
}

/** Plain decimal notation only: Number() would also take '0x10', '0b11' and '0o7' (issue 15's fuzz). */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** How much of the typed text a message quotes (a pasted page must not become a page-wide message). */
const QUOTED_CHARS = 40;

export function readBounded(text: string, b: Bounds): BoundedResult {
  const trimmed = text.trim();
  const shown = trimmed.length > QUOTED_CHARS ? `${trimmed.slice(0, QUOTED_CHARS)}…` : trimmed;
  const n = DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isFinite(n)) {
    return { value: null, message: `"${shown}" is not a number; enter a value from ${b.min} to ${b.max}.` };
  }
  if (n < b.min) return { value: b.min, message: `${shown} is below the minimum ${b.min}; using ${b.min}.` };
  if (n > b.max) return { value: b.max, message: `${shown} is above the maximum ${b.max}; using ${b.max}.` };
  let v = n;
  if (b.step && b.step > 0) v = snap(b.min + Math.round((n - b.min) / b.step) * b.step, b.step);
  if (b.integer) v = Math.round(v);
  v = Math.min(b.max, Math.max(b.min, v));
  if (v !== n) return { value: v, message: `${shown} rounded to ${v} (step ${b.integer ? 1 : b.step}).` };
  return { value: v, message: null };
}

/** Removes floating-point dust from k·step sums (0.1 + 0.2 → 0.3). */
function snap(v: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step)) + 2);
  return Number(v.toFixed(Math.min(decimals, 12)));
}

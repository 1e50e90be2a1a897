// Axis arithmetic for the canvas line chart: the domain a set of values needs (linear, or whole decades on a
// log axis), "nice" tick positions (1, 2, 5 × 10^k on a linear axis; decades on a log axis, thinned when
// there are many), tick labels, and the map from data to pixels. Pure functions, tested without a browser.

export type Domain = [number, number];

/** Smallest and largest value that can be drawn: finite, and positive on a log axis. Null when none can. */
export function drawableExtent(values: Iterable<number>, log: boolean): Domain | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v) || (log && v <= 0)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

/** A step of 1, 2 or 5 × 10^k that cuts [min, max] into about `target` intervals. */
export function niceStep(span: number, target = 5): number {
  const raw = span / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/**
 * The domain to draw `extent` on: widened to whole ticks on a linear axis (and to ±1 around a single value),
 * and to whole decades on a log axis (at least one decade).
 */
export function niceDomain(extent: Domain | null, log: boolean): Domain {
  if (!extent) return log ? [1, 10] : [0, 1];
  const [lo, hi] = extent;
  if (log) {
    const a = Math.floor(Math.log10(lo));
    const b = Math.max(Math.ceil(Math.log10(hi)), a + 1);
    return [10 ** a, 10 ** b];
  }
  if (lo === hi) {
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return [lo - pad, hi + pad];
  }
  const step = niceStep(hi - lo);
  return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
}

/** Tick values on a linear axis, every nice step inside the domain. */
export function linearTicks([lo, hi]: Domain, target = 5): number[] {
  if (!(hi > lo)) return [lo];
  const step = niceStep(hi - lo, target);
  const ticks: number[] = [];
  for (let k = Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++)
    ticks.push(Number((k * step).toPrecision(12)));
  return ticks;
}

/** Decades inside the domain of a log axis, every `n`th one when there are more than `maxTicks`. */
export function logTicks([lo, hi]: Domain, maxTicks = 7): number[] {
  const a = Math.ceil(Math.log10(lo) - 1e-9);
  const b = Math.floor(Math.log10(hi) + 1e-9);
  const every = [1, 2, 3, 4, 5, 10, 20, 50, 100].find((n) => (b - a) / n < maxTicks) ?? 200;
  const ticks: number[] = [];
  for (let k = Math.ceil(a / every) * every; k <= b; k += every) ticks.push(10 ** k);
  return ticks;
}

const SUPERSCRIPT: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** A tick label: decades as 0.01 … 1000 or 10⁻⁸; linear ticks with as many decimals as the step needs. */
export function formatTick(v: number, log: boolean, step = 0): string {
  if (log) {
    const k = Math.round(Math.log10(v));
    if (k >= -2 && k <= 3) return String(Number((10 ** k).toPrecision(1)));
    return `10${[...String(k)].map((c) => SUPERSCRIPT[c] ?? c).join('')}`;
  }
  if (v === 0) return '0';
  if (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-4) return v.toExponential(1);
  const decimals = step > 0 ? Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) : 2;
  return v.toFixed(Math.min(decimals, 6));
}

/** A readout value (hover): three significant figures, exponent form when very large or small. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 || a < 1e-3 ? v.toExponential(2) : String(Number(v.toPrecision(3)));
}

/** Data → pixel map for a domain drawn over [from, to] pixels (log10-linear on a log axis). */
export function axisMap([lo, hi]: Domain, [from, to]: [number, number], log: boolean): (v: number) => number {
  const f = log ? Math.log10 : (v: number) => v;
  const a = f(lo);
  const span = f(hi) - a || 1;
  return (v) => from + ((f(v) - a) / span) * (to - from);
}

// How fast this device is, estimated once at start-up (issue 15, "slow devices"): a short calibrated
// benchmark (a fixed floating-point loop, the fastest of the runs that fit in 12 ms) and the
// core count and memory the browser reports. On a slow device settings that declare a `slowDefault` start
// there instead of at their default (SettingsStore), so a first Run does not freeze the page; a link or a
// replay still sets any value, and a normal device never sees a different default.
//
// Example: setDeviceSpeed(estimateDeviceSpeed());   // main.ts, before any demo loads

export type DeviceSpeed = 'normal' | 'slow';

/** Where a user's own choice is kept ('slow' or 'normal'), overriding the estimate. */
export const DEVICE_SPEED_KEY = 'viva:device-speed';

/** Multiply-adds in one benchmark run. */
export const BENCH_OPS = 600_000;

/**
 * The benchmark's slowest "normal" time in ms: about 3.5× what the 2-core CI container measures (0.8–1.0 ms
 * at load 8, scripts/bench-slow-device.ts), so only a CPU several times slower than that is called slow.
 */
export const SLOW_BENCH_MS = 3;

export interface DeviceFacts {
  /** Fastest benchmark run, in ms. */
  benchMs: number;
  /** navigator.hardwareConcurrency (undefined where not reported). */
  cores?: number;
  /** navigator.deviceMemory in GB (Chromium only; undefined elsewhere). */
  memoryGb?: number;
}

/** Slow when the benchmark is slower than SLOW_BENCH_MS, or the device reports ≤ 2 cores and ≤ 2 GB. */
export function classifyDevice(f: DeviceFacts): DeviceSpeed {
  if (!(f.benchMs >= 0)) throw new Error(`benchMs must be a non-negative number, got ${f.benchMs}`);
  if (f.benchMs > SLOW_BENCH_MS) return 'slow';
  if (f.cores !== undefined && f.cores <= 2 && f.memoryGb !== undefined && f.memoryGb <= 2) return 'slow';
  return 'normal';
}

/** One benchmark run: BENCH_OPS multiply-adds over a small array (the result defeats dead-code removal). */
function workload(): number {
  const a = new Float64Array(1000);
  for (let i = 0; i < a.length; i++) a[i] = i * 1e-3;
  let acc = 0;
  for (let k = 0; k < BENCH_OPS / a.length; k++)
    for (let i = 0; i < a.length; i++) acc = acc * 0.999 + a[i]! * 1.0001;
  return acc;
}

/**
 * The fastest benchmark run, in ms: runs repeat for `budgetMs` (at least 3, at most 50), and the fastest is
 * kept, so a busy moment (another process on the core, a cold JIT) does not make a fast device look slow.
 */
export function benchmarkMs(budgetMs = 12, now: () => number = () => performance.now()): number {
  let best = Infinity;
  let sink = 0;
  const start = now();
  for (let runs = 1; ; runs++) {
    const t0 = now();
    sink += workload();
    const t1 = now();
    best = Math.min(best, t1 - t0);
    if (runs >= 50 || (runs >= 3 && t1 - start >= budgetMs)) break;
  }
  if (!Number.isFinite(sink)) throw new Error('benchmark produced a non-finite result');
  return best;
}

/** The user's stored choice, if any (storage that throws counts as none). */
function storedChoice(): DeviceSpeed | null {
  try {
    const v = globalThis.localStorage?.getItem(DEVICE_SPEED_KEY);
    return v === 'slow' || v === 'normal' ? v : null;
  } catch {
    return null;
  }
}

/** The facts this browser reports, with a fresh benchmark. */
export function deviceFacts(): DeviceFacts {
  const nav = globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  return { benchMs: benchmarkMs(), cores: nav?.hardwareConcurrency, memoryGb: nav?.deviceMemory };
}

/** A stored choice wins; otherwise the estimate from deviceFacts(). */
export function estimateDeviceSpeed(): DeviceSpeed {
  const stored = storedChoice();
  if (stored) return stored;
  const facts = deviceFacts();
  // Written on the page for scripts/bench-slow-device.ts and for anyone asking why defaults are smaller.
  if (globalThis.document) document.documentElement.dataset.deviceBenchMs = facts.benchMs.toFixed(3);
  return classifyDevice(facts);
}

let current: DeviceSpeed = 'normal';

/** Sets the speed every SettingsStore created from now on uses (main.ts calls it once at start-up). */
export function setDeviceSpeed(speed: DeviceSpeed): void {
  current = speed;
  if (globalThis.document) document.documentElement.dataset.deviceSpeed = speed;
}

/** The speed set at start-up; 'normal' until then (and always in Node tests unless a test sets it). */
export function deviceSpeed(): DeviceSpeed {
  return current;
}

// Time-sliced loops: compute for at most ~10 ms, then give the browser its turn (a frame when one is due), so
// the page keeps painting and responding while a model trains. Cancellation is by AbortSignal.
//
// Example:
//   const slicer = new TimeSlicer({ signal });
//   for (let step = 0; step < 1000; step++) { trainStep(); await slicer.tick(); }
import { abortError, throwIfAborted } from './abort';

export type YieldFn = () => Promise<void>;

const FRAME_MS = 1000 / 60;
/** When this page last painted after a yield (performance.now()). */
let lastPaint = -Infinity;

/** Resolves in a fresh macrotask: input events and other tasks get their turn first. */
function macrotask(resolve: () => void): void {
  if (typeof MessageChannel === 'function') {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  } else {
    setTimeout(resolve, 0);
  }
}

/**
 * Gives control back to the event loop. In a visible page, once a frame is due (a frame's time since the last
 * paint), it waits for the next animation frame and resumes in a task after it, so the work does not run
 * inside the frame (where it would delay that frame's paint and make it one long task); otherwise, and in a
 * hidden page (where requestAnimationFrame stops) or in Node, it resumes in the next macrotask, so a loop
 * does not idle until the next frame after every slice.
 */
export const yieldFrame: YieldFn = () =>
  new Promise<void>((resolve) => {
    const doc = (globalThis as { document?: Document }).document;
    const visible = doc && !doc.hidden && typeof requestAnimationFrame === 'function';
    if (visible && performance.now() - lastPaint >= FRAME_MS) {
      requestAnimationFrame(() =>
        macrotask(() => {
          lastPaint = performance.now();
          resolve();
        }),
      );
    } else {
      macrotask(resolve);
    }
  });

export interface SliceOptions {
  signal?: AbortSignal;
  /** Longest stretch of work between two yields, in ms. */
  budgetMs?: number;
  /** How to yield (tests pass a counter). */
  yieldFn?: YieldFn;
  now?: () => number;
}

export class TimeSlicer {
  private sliceStart: number;
  private readonly budgetMs: number;
  private readonly yieldFn: YieldFn;
  private readonly now: () => number;
  private readonly signal: AbortSignal | undefined;
  /** How many times this slicer has yielded. */
  yields = 0;

  constructor(options: SliceOptions = {}) {
    this.budgetMs = options.budgetMs ?? 10;
    if (!(this.budgetMs > 0)) throw new Error(`budgetMs must be > 0, got ${this.budgetMs}`);
    this.yieldFn = options.yieldFn ?? yieldFrame;
    this.now = options.now ?? (() => performance.now());
    this.signal = options.signal;
    this.sliceStart = this.now();
    throwIfAborted(this.signal);
  }

  /** Call after each unit of work: yields once the budget is spent; throws an AbortError once aborted. */
  async tick(): Promise<void> {
    throwIfAborted(this.signal);
    if (this.now() - this.sliceStart < this.budgetMs) return;
    await this.yieldFn();
    this.yields++;
    this.sliceStart = this.now();
    throwIfAborted(this.signal);
  }
}

/**
 * Runs `step(i)` for i = 0..count-1 in time slices. Resolves with the number of steps done; rejects with an
 * AbortError if the signal fires (the steps already done stay done).
 */
export async function runSliced(
  count: number,
  step: (i: number) => void | Promise<void>,
  options: SliceOptions = {},
): Promise<number> {
  if (!Number.isInteger(count) || count < 0)
    throw new Error(`count must be a non-negative integer, got ${count}`);
  const slicer = new TimeSlicer(options);
  for (let i = 0; i < count; i++) {
    await step(i);
    await slicer.tick();
  }
  return count;
}

/** Resolves after `ms`; rejects with an AbortError as soon as the signal fires (the timer is cleared). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface PacedOptions {
  signal?: AbortSignal;
  /** Steps per second, read before every step (so a speed control applies at once); > 0. */
  rate: () => number;
  /** Injected for tests. */
  sleepFn?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Whether the user asked for reduced motion (default: the prefers-reduced-motion media query). */
  reducedMotion?: () => boolean;
}

/** True when the browser reports `prefers-reduced-motion: reduce` (false in Node). */
export function prefersReducedMotion(): boolean {
  return globalThis.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

/**
 * The paced loop for demos that animate at a chosen speed: calls `step(i)` for i = 0, 1, … until it returns
 * false (or `count` steps ran), waiting 1000 / rate() ms between steps. Resolves with the steps done; rejects
 * with an AbortError when the signal fires. Under reduced motion the animation jumps to its end: the steps
 * still all run, each wait is 0 ms (a yield to the event loop, so Stop still works).
 */
export async function paced(
  step: (i: number) => boolean | void | Promise<boolean | void>,
  options: PacedOptions,
  count = Infinity,
): Promise<number> {
  const wait = options.sleepFn ?? sleep;
  let i = 0;
  const reduced = (options.reducedMotion ?? prefersReducedMotion)();
  throwIfAborted(options.signal);
  while (i < count) {
    const more = await step(i);
    i++;
    if (more === false || i >= count) break;
    const rate = options.rate();
    if (!(rate > 0)) throw new Error(`rate must be > 0 steps per second, got ${rate}`);
    await wait(reduced ? 0 : 1000 / rate, options.signal);
  }
  return i;
}

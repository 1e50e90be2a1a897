// The time-sliced loop in a visible page, counted rather than timed: with a clock the test moves by hand
// (each step costs 1 ms of it), the loop yields after every slice of work, no slice runs past the budget by
// more than one step, it waits for an animation frame only when a frame is due (not after every slice, so it
// does not idle until the next frame each time), and the page paints while it runs. How fast the loop runs on
// a given machine is the benchmarks' business (scripts/bench-main-thread.ts), not a test's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runSliced, yieldFrame } from '../../src/runtime/loop';

const STEPS = 800;
const STEP_MS = 1;
const BUDGET_MS = 10;

describe('time slicing in the browser', () => {
  afterEach(() => vi.restoreAllMocks());

  it('yields after every slice, waits for a frame only when one is due, and the page keeps painting', async () => {
    expect(document.hidden).toBe(false); // a hidden page never waits for frames; this test needs a visible one
    const raf = window.requestAnimationFrame.bind(window);
    let frames = 0;
    let painting = true;
    const onFrame = () => {
      frames++;
      if (painting) raf(onFrame);
    };
    raf(onFrame);

    // The clock both the slicer and yieldFrame read: it moves only when a step runs. It starts far from the
    // real clock so an earlier real paint does not count as recent.
    let clock = performance.now() + 1e6;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    const frameWaits = vi.spyOn(window, 'requestAnimationFrame'); // the loop's own requests only
    const slices: number[] = [];
    let sliceStart = clock;
    let stepsInSlice = 0;
    let mostStepsInSlice = 0;
    const steps = await runSliced(
      STEPS,
      () => {
        clock += STEP_MS;
        mostStepsInSlice = Math.max(mostStepsInSlice, ++stepsInSlice);
      },
      {
        budgetMs: BUDGET_MS,
        // The runtime's own yield, wrapped: the stretch of the clock between two yields is one slice.
        yieldFn: async () => {
          slices.push(clock - sliceStart);
          await yieldFrame();
          sliceStart = clock;
          stepsInSlice = 0;
        },
      },
    );
    const waits = frameWaits.mock.calls.length;
    vi.restoreAllMocks();
    painting = false;

    expect(steps).toBe(STEPS);
    // It yields: once per budget's worth of steps.
    expect(slices.length).toBeGreaterThanOrEqual(Math.floor((STEPS * STEP_MS) / BUDGET_MS) - 1);
    // Every slice stays within the budget plus the one step that crossed it.
    for (const s of slices) expect(s).toBeLessThanOrEqual(BUDGET_MS + STEP_MS);
    expect(mostStepsInSlice).toBeLessThanOrEqual(BUDGET_MS / STEP_MS + 1);
    // A frame is due every ~16.7 ms of the clock, a slice is 10 ms: it waits for a frame on about every other
    // yield, never on every one (that would idle a frame per slice), and never on none (the page would freeze).
    expect(waits).toBeLessThan(slices.length);
    expect(waits).toBeGreaterThanOrEqual(slices.length / 2 - 1);
    // Each of those waits let a frame through: the page painted while the loop ran.
    expect(frames).toBeGreaterThanOrEqual(waits - 1);
  });
});

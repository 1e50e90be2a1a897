// The time-sliced loop in a visible page: the loop gets most of the wall time (it does not idle until the
// next frame after every slice), the page still paints several times a second, and no stretch of work
// between two yields runs past the slice budget by more than one step.
import { describe, expect, it } from 'vitest';
import { runSliced, yieldFrame } from '../../src/runtime/loop';

/** Spins for `ms` milliseconds (a stand-in for a training step). */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}

describe('time slicing in the browser', () => {
  it('keeps the loop busy ≥ 70% of the time while frames keep coming', async () => {
    let frames = 0;
    let painting = true;
    const onFrame = () => {
      frames++;
      if (painting) requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
    let longest = 0;
    let sliceStart = performance.now();
    const started = performance.now();
    const steps = await runSliced(800, () => busy(1), {
      budgetMs: 10,
      // The runtime's own yield, timed: the stretch between two yields is one slice.
      yieldFn: async () => {
        longest = Math.max(longest, performance.now() - sliceStart);
        await yieldFrame();
        sliceStart = performance.now();
      },
    });
    const wall = performance.now() - started;
    painting = false;
    expect(steps).toBe(800);
    const busyFraction = 800 / wall; // each step spins for 1 ms
    expect(busyFraction).toBeGreaterThan(0.7);
    expect(frames / (wall / 1000)).toBeGreaterThan(10); // frames per second while the loop ran
    expect(longest).toBeLessThan(25); // the 10 ms budget plus a step, with room for a preempted step
  });
});

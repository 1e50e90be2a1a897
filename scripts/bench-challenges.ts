// The open-problems cell's compute time (question 13), the figure behind "each panel is quick": each of the
// four panels at the cell's default settings, in Node, through the same computePanel and time slicer as in
// the cell's worker (here at the page's 10 ms budget), with the longest stretch between two yields (what
// would be one task if it ran on the page). Also the
// reproducibility cell's float32 sums, which recompute on the main thread as their settings change.
// Run: npx tsx scripts/bench-challenges.ts   (prints a table and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { PANELS, computePanel, sweepWidths } from '../src/demos/challenges/compute';
import { CHALLENGES_SETTINGS } from '../src/demos/challenges/settings';
import { sumsFor } from '../src/demos/reproducibility/session';
import { REPRO_SETTINGS } from '../src/demos/reproducibility/settings';
import { defaults } from '../src/ui/kit/settings';

const REPEATS = 5;
const s = defaults(CHALLENGES_SETTINGS);

/** CPU time of this process, ms (user + system): unlike wall time, not inflated while the OS runs others. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Runs `work` with a yield function that records the longest stretch between two yields, in wall time and in
 * this process's CPU time (on a loaded machine the wall time includes waiting for a core).
 */
async function timed(work: (yieldFn: () => Promise<void>) => Promise<unknown>) {
  let [last, lastCpu] = [performance.now(), cpuMs()];
  let [longest, longestCpu] = [0, 0];
  const mark = () => {
    longest = Math.max(longest, performance.now() - last);
    longestCpu = Math.max(longestCpu, cpuMs() - lastCpu);
  };
  const yieldFn = async () => {
    mark();
    await new Promise<void>((r) => setTimeout(r, 0));
    [last, lastCpu] = [performance.now(), cpuMs()];
  };
  const t0 = performance.now();
  await work(yieldFn);
  mark();
  return { ms: performance.now() - t0, longest, longestCpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const panels = Object.fromEntries(
  PANELS.map((p) => [
    p === 'efficiency' ? `efficiency (${sweepWidths(s.maxWidth).length} widths)` : p,
    (yieldFn: () => Promise<void>) => computePanel(p, s, new AbortController().signal, { yieldFn }),
  ]),
);

async function main() {
  const load = loadavg()[0]!.toFixed(1);
  const rows: { panel: string; medianMs: number; longestSliceMs: number; longestSliceCpuMs: number }[] = [];
  for (const [panel, work] of Object.entries(panels)) {
    await timed(work); // warm-up (JIT)
    const runs = [];
    for (let i = 0; i < REPEATS; i++) runs.push(await timed(work));
    rows.push({
      panel,
      medianMs: median(runs.map((r) => r.ms)),
      longestSliceMs: Math.max(...runs.map((r) => r.longest)),
      longestSliceCpuMs: Math.max(...runs.map((r) => r.longestCpu)),
    });
  }
  const total = rows.reduce((a, r) => a + r.medianMs, 0);
  const r = defaults(REPRO_SETTINGS);
  /** Median wall and CPU ms of one recompute of the sums panel at n numbers. */
  const sums = (n: number) => {
    sumsFor(n, r.decades, r.seed);
    const [wall, cpu] = [[] as number[], [] as number[]];
    for (let i = 0; i < REPEATS; i++) {
      const [t0, c0] = [performance.now(), cpuMs()];
      sumsFor(n, r.decades, r.seed);
      wall.push(performance.now() - t0);
      cpu.push(cpuMs() - c0);
    }
    return { wallMs: median(wall), cpuMs: median(cpu) };
  };
  const sumsDefault = sums(r.sumN);
  const sumsMax = sums(10000);

  console.log(`Question 13 panels at the cell's defaults (median of ${REPEATS}, load average ${load})`);
  console.log('panel                          | ms     | longest stretch between yields: wall ms, CPU ms');
  for (const row of rows)
    console.log(
      `${row.panel.padEnd(30)} | ${row.medianMs.toFixed(0).padStart(6)} | ${row.longestSliceMs.toFixed(1)}, ${row.longestSliceCpuMs.toFixed(1)}`,
    );
  console.log(`${'all four (one Run)'.padEnd(30)} | ${total.toFixed(0).padStart(6)} |`);
  console.log(
    `Question 8 float32 sums, five orders (wall, CPU ms): ${sumsDefault.wallMs.toFixed(2)}, ${sumsDefault.cpuMs.toFixed(2)} at n = ${r.sumN}; ${sumsMax.wallMs.toFixed(2)}, ${sumsMax.cpuMs.toFixed(2)} at n = 10000`,
  );
  console.log(
    `BENCH_JSON ${JSON.stringify({ bench: 'challenges', loadAverage: Number(load), panels: rows, totalMs: total, sumsDefault, sumsMax })}`,
  );
}

void main();

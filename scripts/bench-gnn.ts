// Times the GNN cell's training in Node, as the cell runs it (GnnSession.train: one Adam step and one
// evaluation per epoch, time-sliced by TimeSlicer): for each of GCN, GAT and GraphSAGE at the cell's defaults
// (2 layers, hidden 16, 2 GAT heads, lr 0.01, 200 epochs, the two leaders labelled), the median of 5 full runs,
// the longest single epoch, and the longest slice of work between two yields (what would be one main-thread
// task in the page; TimeSlicer's budget is 10 ms), with the median and 95th-percentile epoch: on a loaded
// machine the longest wall-clock figures include time the process was descheduled, so each slice's CPU time
// (process.cpuUsage) is given too. Also the over-smoothing sweep (depth 1–8, 200 epochs each,
// GCN). Wall clock on a shared machine: the load average is printed.
//
// Run: npx tsx scripts/bench-gnn.ts   (prints a table and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { GNN_SETTINGS } from '../src/demos/gnn/settings';
import { GnnSession, type TrainSettings } from '../src/demos/gnn/session';
import { SettingsStore } from '../src/ui/kit/settings-store';

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const defaults = new SettingsStore(GNN_SETTINGS).values;

/** One run, with the longest epoch and the longest stretch between two yields. */
async function timedRun(settings: TrainSettings) {
  const session = new GnnSession();
  let sliceStart = performance.now();
  let longestSlice = 0;
  let sliceCpu = process.cpuUsage();
  let longestSliceCpu = 0;
  const cpuSince = (u: NodeJS.CpuUsage) => {
    const d = process.cpuUsage(u);
    return (d.user + d.system) / 1000;
  };
  let longestEpoch = 0;
  const epochs: number[] = [];
  let epochStart = performance.now();
  const yieldFn = () =>
    new Promise<void>((resolve) => {
      longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
      longestSliceCpu = Math.max(longestSliceCpu, cpuSince(sliceCpu));
      setTimeout(() => {
        sliceStart = performance.now();
        sliceCpu = process.cpuUsage();
        epochStart = sliceStart;
        resolve();
      }, 0);
    });
  const t0 = performance.now();
  const latest = await session.train(
    settings,
    new AbortController().signal,
    () => {
      const now = performance.now();
      longestEpoch = Math.max(longestEpoch, now - epochStart);
      epochs.push(now - epochStart);
      epochStart = now;
    },
    yieldFn,
  );
  longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
  longestSliceCpu = Math.max(longestSliceCpu, cpuSince(sliceCpu));
  epochs.sort((a, b) => a - b);
  const p95 = epochs[Math.floor(0.95 * (epochs.length - 1))]!;
  return {
    ms: performance.now() - t0,
    longestSlice,
    longestSliceCpu,
    longestEpoch,
    p95,
    epoch: median(epochs),
    accuracy: latest.accuracy,
  };
}

const rows: Record<string, number | string>[] = [];
for (const model of ['gcn', 'gat', 'sage']) {
  const settings = { ...defaults, model };
  await timedRun(settings); // warm-up
  const runs = [];
  for (let i = 0; i < 5; i++) runs.push(await timedRun(settings));
  rows.push({
    model,
    trainMs: +median(runs.map((r) => r.ms)).toFixed(1),
    epochMs: +median(runs.map((r) => r.epoch)).toFixed(2),
    p95EpochMs: +Math.max(...runs.map((r) => r.p95)).toFixed(2),
    longestEpochMs: +Math.max(...runs.map((r) => r.longestEpoch)).toFixed(2),
    longestSliceMs: +Math.max(...runs.map((r) => r.longestSlice)).toFixed(1),
    longestSliceCpuMs: +Math.max(...runs.map((r) => r.longestSliceCpu)).toFixed(1),
    accuracy: +runs[0]!.accuracy.toFixed(3),
  });
}

const sweepMs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  await new GnnSession().sweepDepth(defaults, new AbortController().signal);
  sweepMs.push(performance.now() - t0);
}

const load = loadavg().map((v) => v.toFixed(2));
console.log(`load average ${load.join(' ')}`);
console.table(rows);
console.log(`depth sweep 1–8 (GCN, 200 epochs each): median of 3 ${median(sweepMs).toFixed(0)} ms`);
console.log(
  `BENCH_JSON ${JSON.stringify({ bench: 'gnn', load: load.map(Number), rows, sweepMs: +median(sweepMs).toFixed(0) })}`,
);

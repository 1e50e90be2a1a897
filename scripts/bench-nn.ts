// The typed-array net engine (kernels/nn): forward and backward time of a ReLU MLP for the three shapes in
// use, each on a fresh random net, in alternating rounds so a busy machine slows all alike:
//  - 4-64-64-2 at batch 32: the DQN's Q-network (plain head) on one replay batch;
//  - 30-48-48-48-2 at batch 128: the diffusion denoiser's default network (DEFAULT_DENOISER: inputs x, y,
//    4·3 Fourier features and 16 time features; widths read from the Denoiser) on one training batch;
//  - 2-16-16-1 at batch 100: a small 2-D classifier-sized net.
// Plus the denoiser's forward alone at 2000 points (no derivative kept), what each sampling step runs.
// Medians over rounds of many repetitions; wall-clock and process CPU time (a shared machine's wall clock
// also counts other work), with the load average.
//
// Run: npx tsx scripts/bench-nn.ts   (prints a table and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { Denoiser } from '../kernels/diffusion/denoiser';
import {
  RELU,
  backwardScratch,
  denseBackward,
  denseForward,
  denseLayout,
  type Dense,
} from '../kernels/nn/index';
import { createRng } from '../src/runtime/rng';

const ROUNDS = 15;
const ROUND_MS = 150;

interface Case {
  name: string;
  widths: number[];
  batch: number;
  backward: boolean;
}

const denoiserWidths = [...new Denoiser({ T: 1000, seed: 1 }).widths];
const cases: Case[] = [
  { name: 'DQN Q-network', widths: [4, 64, 64, 2], batch: 32, backward: true },
  { name: 'diffusion denoiser', widths: denoiserWidths, batch: 128, backward: true },
  { name: 'small 2-D net', widths: [2, 16, 16, 1], batch: 100, backward: true },
  { name: 'denoiser, sampling', widths: denoiserWidths, batch: 2000, backward: false },
];

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Forward and backward closures over preallocated buffers: nothing is allocated per call. */
function build(c: Case): { forward: () => void; backward: () => void } {
  const rng = createRng(7);
  const { layers, size } = denseLayout(c.widths);
  const p = Float64Array.from({ length: size }, () => rng.normal() / 4);
  const g = new Float64Array(size);
  const acts = c.widths.map((w) => Float64Array.from({ length: c.batch * w }, () => rng.normal()));
  const derivs = c.widths.map((w) => new Float64Array(c.batch * w));
  const dActs = c.widths.map((w) => new Float64Array(c.batch * w));
  const dOut = Float64Array.from({ length: c.batch * c.widths[c.widths.length - 1]! }, () => rng.normal());
  const scratch = backwardScratch(layers, c.batch);
  const L = layers.length;
  const forward = () => {
    for (let l = 0; l < L; l++) {
      const hidden = l < L - 1;
      const deriv = hidden && c.backward ? derivs[l + 1]! : null;
      denseForward(p, layers[l]!, acts[l]!, acts[l + 1]!, c.batch, hidden ? RELU : null, deriv);
    }
  };
  const backward = () => {
    g.fill(0);
    let d: Float64Array = dOut;
    for (let l = L - 1; l >= 0; l--) {
      const layer: Dense = layers[l]!;
      const below = l > 0 ? dActs[l]! : null;
      if (below) below.fill(0, 0, c.batch * layer.nin);
      denseBackward(p, g, layer, acts[l]!, d, below, c.batch, l < L - 1 ? derivs[l + 1]! : null, scratch);
      if (below) d = below;
    }
  };
  return { forward, backward };
}

/** µs per call of fn over one round of about ROUND_MS, wall and CPU. */
function round(fn: () => void, reps: number): { wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let k = 0; k < reps; k++) fn();
  const wall = ((performance.now() - t0) * 1000) / reps;
  const u = process.cpuUsage(cpu0);
  return { wall, cpu: (u.user + u.system) / reps };
}

function main(): void {
  console.log(
    `kernels/nn dense MLP, ReLU hidden layers, Float64Array; load average ${loadavg()[0].toFixed(2)} (2 cores)`,
  );
  const runs = cases.map((c) => {
    const net = build(c);
    const both = () => {
      net.forward();
      if (c.backward) net.backward();
    };
    // Warm-up (JIT), then the repetitions that fill one round.
    const t0 = performance.now();
    let n = 0;
    while (performance.now() - t0 < 200) {
      both();
      n++;
    }
    const reps = Math.max(5, Math.round((n * ROUND_MS) / 200));
    return { c, net, reps, fwd: [] as number[], bwd: [] as number[], cpu: [] as number[] };
  });
  for (let r = 0; r < ROUNDS; r++) {
    for (const run of runs) {
      const f = round(run.net.forward, run.reps);
      run.fwd.push(f.wall);
      if (run.c.backward) {
        run.net.forward();
        const b = round(run.net.backward, run.reps);
        run.bwd.push(b.wall);
        run.cpu.push(f.cpu + b.cpu);
      } else run.cpu.push(f.cpu);
    }
  }
  console.log(
    `${'net'.padEnd(20)}${'shape'.padEnd(17)}${'batch'.padStart(6)}${'fwd µs'.padStart(9)}${'bwd µs'.padStart(9)}${'f+b µs'.padStart(9)}${'cpu µs'.padStart(9)}`,
  );
  const result: Record<string, unknown> = { load: +loadavg()[0].toFixed(2) };
  for (const run of runs) {
    const fwd = median(run.fwd);
    const bwd = run.c.backward ? median(run.bwd) : 0;
    const cpu = median(run.cpu);
    console.log(
      `${run.c.name.padEnd(20)}${run.c.widths.join('-').padEnd(17)}${String(run.c.batch).padStart(6)}` +
        `${fwd.toFixed(1).padStart(9)}${(run.c.backward ? bwd.toFixed(1) : '—').padStart(9)}` +
        `${(fwd + bwd).toFixed(1).padStart(9)}${cpu.toFixed(1).padStart(9)}`,
    );
    result[`${run.c.widths.join('-')}@${run.c.batch}`] = {
      forwardUs: +fwd.toFixed(1),
      backwardUs: +bwd.toFixed(1),
      cpuUs: +cpu.toFixed(1),
    };
  }
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
}

main();

// Times layerGradientNorms (the vanishing-gradient cell's per-layer gradient norms: one forward and backward
// pass of the MLP plus the norms, read back) in Node on tfjs' CPU and WASM backends: the issue's size (depth
// 64, width 64, batch 64) and the cell's default size at depths 8–32 (width 32, batch 32), which is what a
// control change costs before the plot is redrawn. Also one side-by-side training iteration (both default
// configurations, one step each). Wall-clock medians, plus the process CPU time per call, because on a
// shared 2-core machine the wall clock includes time other processes took; the load average is printed.
// WebGL and the control-to-plot latency in Chromium: scripts/bench-vanishing-browser.ts.
//
// Run: npx tsx scripts/bench-vanishing.ts   (prints a table and one line `BENCH_JSON {…}`)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { layerGradientNorms, trainSideBySide, type VanishingConfig } from '../kernels/vanishing';

// tfjs-core's gradient registrations are ES modules with directory imports, which Node's ESM loader refuses;
// tsx's CommonJS loader resolves them (see bench-mlp.ts).
createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');
// In Node the WASM backend reads its .wasm files from disk: a file path with a trailing slash.
setWasmPaths(path.resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + path.sep);

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

interface Timing {
  wallMs: number;
  cpuMs: number;
  runs: number;
}

async function time(fn: () => Promise<unknown>, warmup: number, runs: number): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const u = process.cpuUsage(u0);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu), runs };
}

const healthy: VanishingConfig = {
  depth: 64,
  width: 64,
  activation: 'relu',
  init: 'he',
  residual: true,
  norm: 'none',
  seed: 1,
  batch: 64,
};
const cellDefault = { ...healthy, width: 32, batch: 32 };
const deepSigmoid: VanishingConfig = {
  ...cellDefault,
  depth: 20,
  activation: 'sigmoid',
  init: 'xavier',
  residual: false,
};

async function main(): Promise<void> {
  const rows: { backend: string; what: string; t: Timing }[] = [];
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend);
    if (tf.getBackend() !== backend) throw new Error(`could not start the ${backend} backend`);
    const before = tf.memory().numTensors;
    rows.push({
      backend,
      what: 'layerGradientNorms depth 64, width 64, batch 64',
      t: await time(() => layerGradientNorms(healthy), 3, 10),
    });
    for (const depth of [8, 16, 32]) {
      rows.push({
        backend,
        what: `layerGradientNorms depth ${depth}, width 32, batch 32`,
        t: await time(() => layerGradientNorms({ ...cellDefault, depth }), 3, 15),
      });
    }
    const gen = trainSideBySide([deepSigmoid, { ...cellDefault, depth: 20 }], {
      steps: 100_000,
      lr: 0.02,
      clip: null,
      budgetMs: 1e9,
    });
    rows.push({
      backend,
      what: 'one training iteration, both default configs (depth 20)',
      t: await time(() => gen.next(), 3, 20),
    });
    await gen.return();
    if (tf.memory().numTensors !== before) throw new Error(`${backend}: tensors leaked`);
  }

  const load = loadavg()[0]!.toFixed(1);
  console.log(`Vanishing-gradient kernels in Node ${process.version}, load average ${load} (2 cores)`);
  console.log(`${'backend'.padEnd(8)}${'what'.padEnd(58)}${'median ms'.padStart(10)}${'CPU ms'.padStart(9)}`);
  for (const r of rows) {
    console.log(
      `${r.backend.padEnd(8)}${r.what.padEnd(58)}${r.t.wallMs.toFixed(1).padStart(10)}${r.t.cpuMs.toFixed(1).padStart(9)}`,
    );
  }
  const pick = (backend: string, prefix: string) =>
    rows.find((r) => r.backend === backend && r.what.startsWith(prefix))!.t;
  const result = {
    loadAverage: Number(load),
    cpuDepth64Ms: pick('cpu', 'layerGradientNorms depth 64').wallMs,
    wasmDepth64Ms: pick('wasm', 'layerGradientNorms depth 64').wallMs,
    cpuDepth32CellMs: pick('cpu', 'layerGradientNorms depth 32').wallMs,
    wasmDepth32CellMs: pick('wasm', 'layerGradientNorms depth 32').wallMs,
    cpuTrainIterationMs: pick('cpu', 'one training').wallMs,
    wasmTrainIterationMs: pick('wasm', 'one training').wallMs,
  };
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
}

await main();

// Attention update cost, the figure behind "drag the query and the weights update live (≥ 30/s)":
//  1. Node: one update of the attention cell's default view (6 tokens, 2 heads of d_k = 4, plus a 12-token
//     single-head case) on the float64 JavaScript path against the tfjs kernel on the CPU and WASM backends.
//  2. Headless Chromium (skipped with --node-only): builds the site, drags the query 200 times and reads the
//     cell's own record of input event → heat map re-rendered latency; Run's tfjs cross-check on WebGL.
// Builds into .tmp/dist-bench-attention and serves on 127.0.0.1:4194.
// Run: npx tsx scripts/bench-attention.ts [--node-only]   (prints tables and one line `BENCH_JSON {…}`)
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { scaledDotProductAttention } from '../kernels/attention';
import { attentionFloat64 } from '../kernels/attention-js';
import { buildInputs, percentiles, type AttentionInputs } from '../src/demos/attention/attention-state';

// The WASM backend registers itself on import; in Node it loads its .wasm from a file path.
createRequire(import.meta.url)('@tensorflow/tfjs-backend-wasm');
setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');

const PORT = 4194;
const DIST = '.tmp/dist-bench-attention';
const settings = { scale: true, causal: false, temperature: 1 };

/** Per-call times (ms): `samples` samples, each the mean over a batch long enough to time (≥ 2 ms). */
let sink = 0; // results are summed here so the optimiser cannot drop the work being timed

function perCall(run: () => number, samples = 60): number[] {
  let batch = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) sink += run();
    if (performance.now() - t0 >= 2) break;
    batch *= 2;
  }
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) sink += run();
    out.push((performance.now() - t0) / batch);
  }
  return out;
}

function update(inputs: AttentionInputs, f: typeof attentionFloat64): () => number {
  return () => inputs.q.reduce((s, q, h) => s + f(q, inputs.k[h]!, inputs.v[h]!, settings).output[0]![0]!, 0);
}

async function nodeFigures() {
  const cases = [
    { name: '6 tokens, 2 heads (the cell default)', inputs: buildInputs('the cat sat on the mat', 2, 3) },
    { name: '12 tokens, 1 head of d_k = 8', inputs: buildInputs('a b c d e f g h i j k l', 1, 3) },
  ];
  const rows: Record<string, { median: number; p95: number }> = {};
  console.log('One attention update (all heads), per call');
  console.log(
    `${'case'.padEnd(40)}${'engine'.padEnd(22)}${'median ms'.padStart(11)}${'p95 ms'.padStart(10)}`,
  );
  for (const { name, inputs } of cases) {
    if ('error' in inputs) throw new Error(inputs.error);
    const engines: [string, () => Promise<() => number>][] = [
      ['float64 JavaScript', async () => update(inputs, attentionFloat64)],
      ['tfjs cpu', async () => (await tf.setBackend('cpu'), update(inputs, scaledDotProductAttention))],
      ['tfjs wasm', async () => (await tf.setBackend('wasm'), update(inputs, scaledDotProductAttention))],
    ];
    for (const [engine, make] of engines) {
      const run = await make();
      perCall(run, 5); // warm up (JIT, kernels)
      const p = percentiles(perCall(run));
      rows[`${name} / ${engine}`] = p;
      console.log(
        `${name.padEnd(40)}${engine.padEnd(22)}${p.median.toFixed(4).padStart(11)}${p.p95.toFixed(4).padStart(10)}`,
      );
    }
  }
  return rows;
}

async function browserFigures() {
  const { chromium } = await import('playwright');
  const { chromiumArgs, chromiumExecutable } = await import('../test/chromium.ts');
  const { serveBuiltSite } = await import('./lib/built-site.ts');
  const site = await serveBuiltSite(PORT, DIST);
  try {
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${site.origin}/?backend=webgl#attention`);
    await page.locator('viva-cell#attention button.open').click();
    const demo = page.locator('viva-demo-attention');
    const handle = demo.locator('viva-query-plane circle.handle');
    await handle.waitFor();
    const box = (await handle.boundingBox())!;
    const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    const started = Date.now();
    for (let i = 0; i < 200; i++) {
      const a = (i / 200) * 4 * Math.PI;
      await page.mouse.move(x0 + 60 * Math.sin(a), y0 - 40 * Math.sin(a / 2));
    }
    const dragMs = Date.now() - started;
    await page.mouse.up();
    const { latencies, work } = await demo.evaluate(
      (el) => (el as unknown as { latency: { latencies: number[]; work: number[] } }).latency,
    );
    await page.locator('viva-cell#attention button.run').click();
    await page.locator('viva-cell#attention [data-run-state="done"]').waitFor({ timeout: 240_000 });
    const check = (await demo.locator('.check').textContent()) ?? '';
    await browser.close();
    return {
      latency: percentiles(latencies),
      work: percentiles(work),
      updates: latencies.length,
      movesPerSecond: (200 * 1000) / dragMs,
      check,
    };
  } finally {
    site.close();
  }
}

const round = (x: number) => Number(x.toPrecision(3));
const node = await nodeFigures();
const result: Record<string, unknown> = {
  jsUpdateMedianMs: round(node['6 tokens, 2 heads (the cell default) / float64 JavaScript']!.median),
  tfjsCpuUpdateMedianMs: round(node['6 tokens, 2 heads (the cell default) / tfjs cpu']!.median),
  tfjsWasmUpdateMedianMs: round(node['6 tokens, 2 heads (the cell default) / tfjs wasm']!.median),
};
if (!process.argv.includes('--node-only')) {
  const b = await browserFigures();
  console.log(
    `\nChromium (headless), dragging the query: ${b.updates} updates for 200 pointer moves ` +
      `(${b.movesPerSecond.toFixed(0)} moves/s sent by Playwright)\n` +
      `  input event → heat map re-rendered: median ${b.latency.median.toFixed(2)} ms, p95 ${b.latency.p95.toFixed(2)} ms\n` +
      `  recompute + re-render (handler start → heat map re-rendered): median ${b.work.median.toFixed(2)} ms, ` +
      `p95 ${b.work.p95.toFixed(2)} ms (room for ${Math.floor(1000 / b.work.p95)} updates/s)`,
  );
  console.log(`Run's cross-check: ${b.check}`);
  Object.assign(result, {
    dragLatencyMedianMs: Number(b.latency.median.toFixed(2)),
    dragLatencyP95Ms: Number(b.latency.p95.toFixed(2)),
    dragWorkMedianMs: Number(b.work.median.toFixed(2)),
    dragWorkP95Ms: Number(b.work.p95.toFixed(2)),
    dragUpdates: b.updates,
  });
}
if (!Number.isFinite(sink)) throw new Error('non-finite checksum');
console.log(
  `load average ${(await import('node:os'))
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(`BENCH_JSON ${JSON.stringify(result)}`);

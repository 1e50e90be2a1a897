// Time for the transformer cell's default model (reverse 5 digits; d_model 32, 2 layers, 2 heads, FFN ×2,
// 17,867 parameters; Adam 0.005, batch 32, seed 1) to reach ≥ 95% sequence accuracy on its 256 held-out
// questions (evaluated every 20 steps, as the cell does; evaluation time included):
//  1. Node: tfjs on the CPU and WASM backends.
//  2. Headless Chromium (skipped with --node-only): the built cell on WebGL (engine forced) and on its
//     automatic engine, with the longest main-thread task while training.
// Builds into .tmp/dist-bench-transformer and serves on 127.0.0.1:4195.
// Run: npx tsx scripts/bench-transformer.ts [--node-only]   (prints a table and one line `BENCH_JSON {…}`)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { TransformerTrainer } from '../kernels/transformer/trainer';

// Gradients and the WASM backend register themselves on import; tsx's CommonJS loader resolves them.
const require = createRequire(import.meta.url);
require('@tensorflow/tfjs-core/dist/register_all_gradients');
require('@tensorflow/tfjs-backend-wasm');
setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');

const PORT = 4195;
const DIST = '.tmp/dist-bench-transformer';
const TARGET = 0.95;

interface Reached {
  /** Short key for BENCH_JSON. */
  id: string;
  engine: string;
  steps: number;
  seconds: number;
  msPerStep: number;
}

async function nodeRun(backend: 'cpu' | 'wasm'): Promise<Reached> {
  await tf.setBackend(backend);
  const trainer = new TransformerTrainer({
    task: 'reverse',
    length: 5,
    dModel: 32,
    heads: 2,
    layers: 2,
    ffMultiplier: 2,
    learningRate: 0.005,
    batchSize: 32,
    seed: 1,
  });
  const stepTimes: number[] = [];
  let last = performance.now();
  let reached: Reached | null = null;
  for await (const s of trainer.train({
    steps: 2000,
    evalEvery: 20,
    stopAtAccuracy: TARGET,
    yieldFn: async () => {},
  })) {
    const now = performance.now();
    if (!s.evaluation) stepTimes.push(now - last);
    last = now;
    if (s.evaluation && s.evaluation.sequenceAccuracy >= TARGET) {
      stepTimes.sort((a, b) => a - b);
      reached = {
        id: `${backend}Node`,
        engine: `tfjs ${backend} (Node)`,
        steps: s.step,
        seconds: s.elapsedMs / 1000,
        msPerStep: stepTimes[stepTimes.length >> 1]!,
      };
    }
  }
  trainer.dispose();
  if (!reached) throw new Error(`${backend}: did not reach ${TARGET} in 2000 steps`);
  return reached;
}

async function browserRuns(): Promise<(Reached & { longestTaskMs: number; tasksOver50: number })[]> {
  const { chromium } = await import('playwright');
  const { chromiumArgs, chromiumExecutable } = await import('../test/chromium.ts');
  const { longTasks, recordLongTasks, serveBuiltSite } = await import('./lib/built-site.ts');
  const site = await serveBuiltSite(PORT, DIST);
  const out: (Reached & { longestTaskMs: number; tasksOver50: number })[] = [];
  try {
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    for (const [query, engine, id] of [
      ['?backend=webgl', 'webgl', 'chromiumWebgl'],
      ['', 'auto', 'chromiumAuto'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await page.goto(`${site.origin}/${query}#transformer`);
      await page.locator('viva-cell#transformer button.open').click();
      const demo = page.locator('viva-demo-transformer');
      await demo.locator('viva-select').filter({ hasText: 'Engine' }).locator('select').selectOption(engine);
      await demo.locator('button.train').click();
      // Long tasks while training: from the first step on (loading tfjs and compiling shaders or WASM is
      // not training).
      await demo.locator('.step').filter({ hasNotText: /^0$/ }).waitFor({ timeout: 120_000 });
      await recordLongTasks(page);
      type Curves = { evalSteps: number[]; evalMs: number[]; sequenceAccuracy: number[] };
      const curves = () => demo.evaluate((el) => (el as unknown as { curves: Curves }).curves);
      const deadline = Date.now() + 540_000;
      let hit = -1;
      while (hit < 0 && Date.now() < deadline) {
        await page.waitForTimeout(1000);
        hit = (await curves()).sequenceAccuracy.findIndex((a) => a >= TARGET);
      }
      await demo.locator('button.train').click(); // pause
      const c = await curves();
      const label = (await demo.locator('.engine').textContent())?.trim() ?? engine;
      const msPerStep = Number(
        /(\d+) ms\/step/.exec((await demo.locator('.train-stats').textContent()) ?? '')?.[1],
      );
      const tasks = await longTasks(page);
      if (hit < 0) throw new Error(`${label}: no ${TARGET} within 9 minutes (at step ${c.evalSteps.at(-1)})`);
      out.push({
        id,
        engine: `Chromium, ${label}`,
        steps: c.evalSteps[hit]!,
        seconds: c.evalMs[hit]! / 1000,
        msPerStep,
        longestTaskMs: Math.round(Math.max(0, ...tasks)),
        tasksOver50: tasks.length,
      });
      await page.close();
    }
    await browser.close();
  } finally {
    site.close();
  }
  return out;
}

const rows: (Reached & { longestTaskMs?: number; tasksOver50?: number })[] = [
  await nodeRun('cpu'),
  await nodeRun('wasm'),
];
if (!process.argv.includes('--node-only')) rows.push(...(await browserRuns()));
console.log(
  `Tiny transformer (17,867 parameters), reverse 5 digits: time to ≥ ${TARGET * 100}% sequence accuracy`,
);
console.log(
  `${'engine'.padEnd(58)}${'steps'.padStart(7)}${'seconds'.padStart(9)}${'ms/step'.padStart(9)}  long tasks`,
);
for (const r of rows)
  console.log(
    `${r.engine.slice(0, 57).padEnd(58)}${String(r.steps).padStart(7)}${r.seconds.toFixed(1).padStart(9)}${r.msPerStep.toFixed(0).padStart(9)}  ${
      r.longestTaskMs === undefined ? '' : `${r.tasksOver50} over 50 ms, longest ${r.longestTaskMs} ms`
    }`,
  );
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `BENCH_JSON ${JSON.stringify(
    Object.fromEntries(
      rows.map((r) => [
        r.id,
        {
          steps: r.steps,
          seconds: Number(r.seconds.toFixed(1)),
          msPerStep: Math.round(r.msPerStep),
          ...(r.longestTaskMs === undefined ? {} : { longestTaskMs: r.longestTaskMs }),
        },
      ]),
    ),
  )}`,
);

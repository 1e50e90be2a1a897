// Time for the Vision Transformer cell's default run (tiny ViT: 16×16 shapes, 4×4 patches, d_model 32, 2
// layers, 2 heads, 19,428 parameters; 4,096 training images, Adam 0.002, batch 32, 800 steps, seed 1) to reach
// ≥ 90% test accuracy on its 256 test images (evaluated every 50 steps, evaluation time included), and its
// accuracy at the end of the run, and how far the learned position embeddings have learned the grid
// (correlation of their cosine similarity with minus the grid distance, before and after training):
//  1. Node: tfjs on the WASM backend (the CPU backend with --cpu; it is several times slower).
//  3. With --sizes: the cell's Compare (both models at 256, 1,024 and 4,096 training images, 300 steps each,
//     the same 256 test images) in Node on WASM: the inductive-bias figure, with each model's time.
//  2. Headless Chromium (skipped with --node-only): the built cell's Run (ViT only, its worker picks the
//     backend), timed from the click (so loading tfjs in the worker is included), with the longest
//     main-thread task while it trains.
// Builds into .tmp/dist-bench-vit and serves on 127.0.0.1:4196.
// --task where: the same images labelled by the quadrant of the shape's centre (position matters).
// Run: npx tsx scripts/bench-vit.ts [--node-only] [--cpu] [--sizes] [--task where]
//   (prints a table and one line `BENCH_JSON {…}`)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_TRAINING, ShapeClassifierTrainer, trainShapeClassifier } from '../kernels/vit-train';

const require = createRequire(import.meta.url);
require('@tensorflow/tfjs-core/dist/register_all_gradients');
require('@tensorflow/tfjs-backend-wasm');
setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');

const PORT = 4196;
const DIST = '.tmp/dist-bench-vit';
const TARGET = 0.9;
const TASK_ARG = process.argv.indexOf('--task');
const TASK = TASK_ARG >= 0 ? process.argv[TASK_ARG + 1] : 'shape';
if (TASK !== 'shape' && TASK !== 'where') throw new Error(`--task must be shape or where, got ${TASK}`);
const TRAINING = { ...DEFAULT_TRAINING, task: TASK } as const;

interface Row {
  id: string;
  engine: string;
  /** Step and seconds at the first evaluation ≥ TARGET (null: not reached). */
  step: number | null;
  seconds: number | null;
  finalAccuracy: number;
  totalSeconds: number;
  longestTaskMs?: number;
  tasksOver50?: number;
  /** Learned positions against the grid (Node only): correlation before and after training. */
  gridCorrelation?: [number, number];
  /** The same after training, from the cell's own run (Chromium). */
  learnedGrid?: number;
}

/**
 * Pearson correlation of the learned positions' cosine similarity with minus the grid distance, over distinct
 * pairs: near 0 at initialisation, positive when the embeddings have learned the grid.
 */
function gridCorrelation(similarity: number[][]): number {
  const grid = Math.round(Math.sqrt(similarity.length));
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < similarity.length; i++)
    for (let j = i + 1; j < similarity.length; j++) {
      xs.push(similarity[i]![j]!);
      ys.push(-Math.hypot(Math.floor(i / grid) - Math.floor(j / grid), (i % grid) - (j % grid)));
    }
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let [sxy, sxx, syy] = [0, 0, 0];
  xs.forEach((x, k) => {
    sxy += (x - mx) * (ys[k]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[k]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

async function nodeRun(backend: 'cpu' | 'wasm'): Promise<Row> {
  await tf.setBackend(backend);
  const start = performance.now();
  let reached: { step: number; seconds: number } | null = null;
  let finalAccuracy = NaN;
  // The same loop as trainShapeClassifier (evaluation every 50 steps), keeping the model for its positions.
  const trainer = new ShapeClassifierTrainer(TRAINING);
  const initialGrid = gridCorrelation(trainer.positionSimilarity()!);
  while (trainer.step < TRAINING.steps) {
    trainer.trainStep();
    if (trainer.step % 50 !== 0 && trainer.step !== TRAINING.steps) continue;
    finalAccuracy = trainer.testAccuracy();
    if (!reached && finalAccuracy >= TARGET)
      reached = { step: trainer.step, seconds: (performance.now() - start) / 1000 };
  }
  const totalSeconds = (performance.now() - start) / 1000;
  const learnedGrid = gridCorrelation(trainer.positionSimilarity()!);
  trainer.dispose();
  return {
    id: `${backend}Node`,
    engine: `tfjs ${backend} (Node)`,
    step: reached?.step ?? null,
    seconds: reached?.seconds ?? null,
    finalAccuracy,
    totalSeconds,
    gridCorrelation: [Number(initialGrid.toFixed(3)), Number(learnedGrid.toFixed(3))],
  };
}

async function browserRun(): Promise<Row> {
  const { chromium } = await import('playwright');
  const { chromiumArgs, chromiumExecutable } = await import('../test/chromium.ts');
  const { longTasks, recordLongTasks, serveBuiltSite } = await import('./lib/built-site.ts');
  const site = await serveBuiltSite(PORT, DIST);
  try {
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`${site.origin}/#vit?withCnn=false${TASK === 'where' ? '&task=where' : ''}`);
    const demo = page.locator('viva-demo-vit');
    await demo.locator('.pixels').first().waitFor();
    type Curve = { steps: number[]; evalSteps: number[]; accuracy: number[] };
    const curve = () =>
      demo.evaluate((el) => (el as unknown as { session: { curves: { vit: Curve } } }).session.curves.vit);
    const start = Date.now();
    await page.locator('viva-cell#vit button.run').click();
    // Long tasks while training: from the first step on (loading tfjs and compiling WASM in the worker, and
    // the first layout of the cell, are not training).
    while ((await curve()).steps.length === 0 && Date.now() - start < 120_000) await page.waitForTimeout(50);
    await recordLongTasks(page);
    let reached: { step: number; seconds: number } | null = null;
    const state = page.locator('viva-cell#vit [data-run-state]');
    while (Date.now() - start < 540_000) {
      await page.waitForTimeout(250);
      const c = await curve();
      const hit = c.accuracy.findIndex((a) => a >= TARGET);
      if (!reached && hit >= 0) reached = { step: c.evalSteps[hit]!, seconds: (Date.now() - start) / 1000 };
      if ((await state.getAttribute('data-run-state')) === 'done') break;
    }
    const totalSeconds = (Date.now() - start) / 1000;
    const c = await curve();
    // The learned positions the cell shows after its run (the initial ones are not drawn there).
    type Session = { session: { evaluations: { vit: { positionSimilarity: number[][] | null } | null } } };
    const similarity = await demo.evaluate(
      (el) => (el as unknown as Session).session.evaluations.vit?.positionSimilarity ?? null,
    );
    const backend = ((await demo.locator('.numbers').textContent()) ?? '').match(/backend (\w+)/)?.[1] ?? '?';
    const tasks = await longTasks(page);
    await browser.close();
    return {
      id: 'chromium',
      engine: `Chromium, worker on ${backend}`,
      step: reached?.step ?? null,
      seconds: reached?.seconds ?? null,
      finalAccuracy: c.accuracy.at(-1) ?? NaN,
      totalSeconds,
      longestTaskMs: Math.round(Math.max(0, ...tasks)),
      ...(similarity ? { learnedGrid: Number(gridCorrelation(similarity).toFixed(3)) } : {}),
      tasksOver50: tasks.length,
    };
  } finally {
    site.close();
  }
}

/** Final test accuracy and seconds of each model at each size (Node, WASM). */
async function sizeSweep(): Promise<{ model: string; size: number; accuracy: number; seconds: number }[]> {
  await tf.setBackend('wasm');
  const out = [];
  for (const size of [256, 1024, 4096])
    for (const model of ['vit', 'cnn'] as const) {
      const start = performance.now();
      let accuracy = NaN;
      for await (const s of trainShapeClassifier(
        { ...DEFAULT_TRAINING, model, trainSize: size, steps: 300 },
        undefined,
        300,
      ))
        if (!Number.isNaN(s.testAccuracy)) accuracy = s.testAccuracy;
      out.push({ model, size, accuracy, seconds: (performance.now() - start) / 1000 });
    }
  return out;
}

const rows: Row[] = [await nodeRun('wasm')];
if (process.argv.includes('--cpu')) rows.push(await nodeRun('cpu'));
if (!process.argv.includes('--node-only')) rows.push(await browserRun());
console.log(
  `Tiny ViT (19,428 parameters), default run, ${TASK} labels: time to ≥ ${TARGET * 100}% test accuracy`,
);
console.log(
  `${'engine'.padEnd(34)}${'step'.padStart(6)}${'to 90%'.padStart(9)}${'final'.padStart(8)}${'total s'.padStart(9)}  long tasks`,
);
for (const r of rows)
  console.log(
    `${r.engine.padEnd(34)}${String(r.step ?? '—').padStart(6)}${(r.seconds === null ? '—' : r.seconds.toFixed(1)).padStart(9)}${(r.finalAccuracy * 100).toFixed(1).padStart(7)}%${r.totalSeconds.toFixed(1).padStart(9)}  ${
      r.longestTaskMs === undefined ? '' : `${r.tasksOver50} over 50 ms, longest ${r.longestTaskMs} ms`
    }`,
  );
for (const r of rows)
  if (r.learnedGrid !== undefined)
    console.log(`${r.engine}: the cell's learned positions after its run, correlation ${r.learnedGrid}`);
for (const r of rows)
  if (r.gridCorrelation)
    console.log(
      `${r.engine}: learned positions' similarity against minus grid distance, correlation ${r.gridCorrelation[0]} at initialisation, ${r.gridCorrelation[1]} after training`,
    );
const sweep = process.argv.includes('--sizes') ? await sizeSweep() : [];
if (sweep.length) {
  console.log('Test accuracy after 300 steps against training-set size (Node, WASM)');
  for (const r of sweep)
    console.log(
      `${r.model.padEnd(5)}${String(r.size).padStart(6)} images  ${(r.accuracy * 100).toFixed(1).padStart(5)}%  ${r.seconds.toFixed(1)} s`,
    );
}
console.log(
  `load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(
  `BENCH_JSON ${JSON.stringify({
    ...Object.fromEntries(rows.map(({ id, engine: _e, ...rest }) => [id, rest])),
    ...(sweep.length ? { sizes: sweep } : {}),
  })}`,
);

// The interpretability cell's figures (question 16), in Node (the same typed-array code the page runs on its
// main thread): the tabular panel's recompute after a live setting changes (every method on one point; goal
// issue 12: ≤ 100 ms), the MLP's default training, the explanation's scores against the truth over the 64
// held-out points, the small CNN's ms per step and accuracy, the image panel's maps + sanity check, and the
// tiny transformer's patching sweep over all heads (tfjs WASM in Node for its training, float64 for the sweep).
// With --browser: the built site in headless Chromium (served on 127.0.0.1:4196), each panel's default run
// from its button, its time and the main-thread tasks over 50 ms meanwhile.
//
// Run: npx tsx scripts/bench-interpret.ts [--browser]   (prints tables and one line `BENCH_JSON {…}`)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { chromium } from 'playwright';
import { patchingSweep, reverseAccuracy, reverseQuestion } from '../kernels/interpret-heads';
import { HEADS_DEFAULTS, HeadsTrainer, readWeights } from '../kernels/interpret-heads-train';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { longTasks, recordLongTasks, serveBuiltSite } from './lib/built-site.ts';
import { explainGlobal, explainPoint, METHOD_IDS } from '../kernels/interpret-explain';
import {
  ImageTrainer,
  accuracy,
  greyShapes,
  saliencyMaps,
  sanityCheck,
  MAP_IDS,
} from '../kernels/interpret-images';
import { TabularTrainer, makeTabularData, rSquared } from '../kernels/interpret-tabular';

// Gradients and the WASM backend register themselves on import; tsx's CommonJS loader resolves them.
const require = createRequire(import.meta.url);
require('@tensorflow/tfjs-core/dist/register_all_gradients');
require('@tensorflow/tfjs-backend-wasm');
setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');

const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const median = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)]!;
const time = <T>(f: () => T): [T, number] => {
  const t0 = performance.now();
  const r = f();
  return [r, performance.now() - t0];
};

console.log(`load average at start: ${load()}`);
// Tabular: the cell's defaults (512 points, hidden 16, lr 0.02, 400 steps, correlation 0.9, seed 1).
const data = makeTabularData(512, 0.9, 1);
const test = makeTabularData(64, 0.9, 1001);
const trainer = new TabularTrainer(data, { hidden: 16, lr: 0.02, seed: 1 });
const [, trainMs] = time(() => {
  for (let s = 0; s < 400; s++) trainer.step();
});
const opts = { igSteps: 32, sgSigma: 0.3, sgSamples: 32, background: 16, limeSamples: 300, seed: 1 };
const recompute: number[] = [];
const scores: Record<string, number[]> = Object.fromEntries(METHOD_IDS.map((id) => [id, []]));
const igGaps: number[] = [];
test.X.forEach((x) => {
  const [e, ms] = time(() => explainPoint(trainer.model, data, x, opts));
  recompute.push(ms);
  igGaps.push(Math.abs(e.igGap));
  for (const m of e.methods) if (Number.isFinite(m.score)) scores[m.id]!.push(m.score);
});
const [global, globalMs] = time(() => explainGlobal(trainer.model, data, 1));
const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
console.log(
  `\nTabular: 400 steps ${trainMs.toFixed(0)} ms, held-out R² ${rSquared(trainer.model, test).toFixed(4)}`,
);
console.log(
  `recompute (every method, one point): median ${median(recompute).toFixed(1)} ms, max ${Math.max(...recompute).toFixed(1)} ms over 64 points`,
);
console.log(`permutation importance (global): ${globalMs.toFixed(0)} ms, score ${global.score.toFixed(3)}`);
console.log(`IG (32 steps) completeness gap: median ${median(igGaps).toExponential(2)}`);
console.log('mean Spearman score against the truth over 64 points:');
for (const id of METHOD_IDS) console.log(`  ${id.padEnd(11)} ${mean(scores[id]!).toFixed(3)}`);

// Images: 512 grey shapes, 16×16, batch 32, the cell's 150 steps.
const imgTrain = greyShapes(512, 1);
const imgTest = greyShapes(32, 1001);
const cnn = new ImageTrainer(imgTrain, { seed: 1 });
const [, cnnMs] = time(() => {
  for (let s = 0; s < 150; s++) cnn.step();
});
const acc = accuracy(cnn.model, imgTest);
const mo = { igSteps: 32, sgSamples: 32, sgSigma: 0.15, seed: 1 };
const corr: Record<string, number[]> = Object.fromEntries(MAP_IDS.map((id) => [id, []]));
const explainMs: number[] = [];
for (let k = 0; k < 8; k++) {
  const x = imgTest.images[k]!;
  const cls = cnn.model.predict(x);
  const [stages, ms] = time(() => sanityCheck(cnn.model, x, cls, mo, saliencyMaps(cnn.model, x, cls, mo)));
  explainMs.push(ms);
  for (const id of MAP_IDS) {
    const c = stages[2]!.correlation[id];
    corr[id]!.push(Number.isFinite(c) ? c : 0);
  }
}
console.log(
  `\nCNN: 150 steps ${cnnMs.toFixed(0)} ms (${(cnnMs / 150).toFixed(1)} ms/step), held-out accuracy ${(100 * acc).toFixed(1)}%`,
);
console.log(
  `maps + sanity check (4 models × 5 maps): median ${median(explainMs).toFixed(0)} ms over 8 images`,
);
console.log('mean Spearman with the trained map after re-drawing every layer (8 images):');
for (const id of MAP_IDS) console.log(`  ${id.padEnd(10)} ${mean(corr[id]!).toFixed(3)}`);

// Transformer: the cell's 150 steps on reversing 4 digits, then the sweep over every head.
await tf.setBackend('wasm');
const heads = new HeadsTrainer({ ...HEADS_DEFAULTS, seed: 1 });
let t0 = performance.now();
for (let s = 0; s < 150; s++) await heads.step();
const headsTrainMs = performance.now() - t0;
const weights = await readWeights(heads.model);
heads.dispose();
const headsAccuracy = reverseAccuracy(weights, 4, 64, 18);
const sweepMs: number[] = [];
let sweep = patchingSweep(weights, reverseQuestion([3, 7, 4, 9], 1, 2));
for (let k = 0; k < 4; k++) {
  t0 = performance.now();
  sweep = patchingSweep(weights, reverseQuestion([3, 7, 4, 9], k, (([3, 7, 4, 9][k] ?? 0) + 5) % 10));
  sweepMs.push(performance.now() - t0);
}
console.log(
  `\nTransformer (2 layers × 2 heads): 150 steps ${(headsTrainMs / 1000).toFixed(1)} s on WASM, digit accuracy ${(100 * headsAccuracy).toFixed(1)}%`,
);
console.log(
  `patching sweep over all 4 heads (+ all at once, + rollout): median ${median(sweepMs).toFixed(1)} ms`,
);
console.log(
  `restored per head (last question): ${sweep.restored
    .flat()
    .map((f) => f.toFixed(2))
    .join(' ')}`,
);

async function browserFigures() {
  const site = await serveBuiltSite(4196, '.tmp/dist-bench-interpret');
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const rows: { part: string; seconds: number; tasksOver50: number; longestMs: number }[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/#interpretability?seed=1`);
    const demo = page.locator('viva-demo-interpretability');
    await demo.locator('button.image-train').waitFor();
    const parts: [string, () => Promise<void>, () => Promise<void>][] = [
      [
        'tabular Run',
        () => page.locator('viva-cell#interpretability button.run').click(),
        () =>
          page.locator('viva-cell#interpretability [data-run-state="done"]').waitFor({ timeout: 120_000 }),
      ],
      [
        'Train CNN',
        () => demo.locator('button.image-train').click(),
        () =>
          demo
            .locator('table.sanity tr.stage')
            .nth(2)
            .locator('td.corr')
            .nth(4)
            .getByText(/\d|n\/a/)
            .waitFor({ timeout: 120_000 }),
      ],
      [
        'Train transformer',
        () => demo.locator('button.heads-train').click(),
        () => demo.locator('.all-restored').waitFor({ timeout: 120_000 }),
      ],
    ];
    for (const [part, start, done] of parts) {
      await recordLongTasks(page);
      const t = Date.now();
      await start();
      await done();
      const tasks = await longTasks(page);
      rows.push({
        part,
        seconds: (Date.now() - t) / 1000,
        tasksOver50: tasks.length,
        longestMs: Math.max(0, ...tasks),
      });
    }
  } finally {
    await browser.close();
    site.close();
  }
  console.log(`\nChromium (headless, built site), default runs, load ${load()}`);
  for (const r of rows)
    console.log(
      `${r.part.padEnd(18)} ${r.seconds.toFixed(1).padStart(6)} s  tasks>50ms ${r.tasksOver50}  longest ${r.longestMs.toFixed(0)} ms`,
    );
  return rows;
}
const browserRows = process.argv.includes('--browser') ? await browserFigures() : null;
console.log(`load average at end: ${load()}`);

console.log(
  `BENCH_JSON ${JSON.stringify({
    tabularTrainMs: Math.round(trainMs),
    recomputeMedianMs: +median(recompute).toFixed(1),
    recomputeMaxMs: +Math.max(...recompute).toFixed(1),
    scores: Object.fromEntries(METHOD_IDS.map((id) => [id, +mean(scores[id]!).toFixed(3)])),
    permutationScore: +global.score.toFixed(3),
    cnnMsPerStep: +(cnnMs / 150).toFixed(1),
    cnnAccuracy: acc,
    imageExplainMedianMs: Math.round(median(explainMs)),
    randomizedCorrelation: Object.fromEntries(MAP_IDS.map((id) => [id, +mean(corr[id]!).toFixed(3)])),
    headsTrainMs: Math.round(headsTrainMs),
    headsAccuracy,
    sweepMedianMs: +median(sweepMs).toFixed(1),
    browser: browserRows,
    load: load(),
  })}`,
);

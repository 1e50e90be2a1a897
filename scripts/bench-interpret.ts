// The interpretability cell's figures (question 16), in Node (the same typed-array code the page runs on its
// main thread): the tabular panel's recompute after a live setting changes (every method on one point; goal
// issue 12: ≤ 100 ms), the MLP's default training, the explanation's scores against the truth over the 64
// held-out points, the small CNN's ms per step and accuracy, and the image panel's maps + sanity check.
//
// Run: npx tsx scripts/bench-interpret.ts   (prints tables and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
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
    load: load(),
  })}`,
);

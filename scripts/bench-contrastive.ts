// The contrastive cell's figures (question 10): time to the default run's result and what it reaches, in Node
// (the typed-array encoder on kernels/nn, no tfjs: the net is too small for a GPU to help) and in headless
// Chromium (the built site: Run pressed on the cell with its default settings, time until it reports done,
// and every main-thread task over 50 ms meanwhile). Goal (issue 11): ≤ 20 s, zero tasks over 50 ms.
// Node: every objective on seeds 1–3 (probe and supervised accuracy, alignment, uniformity), and the ms per
// step against the batch size. Chromium: builds into .tmp/dist-bench-contrastive, serves on 127.0.0.1:4195.
//
// Run: npx tsx scripts/bench-contrastive.ts [--node]   (prints tables and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { chromium } from 'playwright';
import {
  ContrastiveTrainer,
  DEFAULT_CONTRASTIVE,
  DEFAULT_STEPS,
  OBJECTIVES,
  type Evaluation,
} from '../kernels/contrastive-train';
import { DEFAULT_PAIRS, DEFAULT_PAIR_STEPS, PAIR_LOSSES, PairTrainer } from '../kernels/contrastive-pairs';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { longTasks, recordLongTasks, serveBuiltSite } from './lib/built-site.ts';

const PORT = Number(process.env.VIVA_BENCH_PORT ?? 4195);
const EVAL_EVERY = 20; // as the cell's session (src/demos/contrastive/session.ts)
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');

/** The default run as the cell does it: DEFAULT_STEPS steps, evaluated every EVAL_EVERY. */
function defaultRun(objective: (typeof OBJECTIVES)[number], seed: number) {
  const t0 = performance.now();
  const t = new ContrastiveTrainer({ ...DEFAULT_CONTRASTIVE, objective, seed });
  const untrained = t.evaluate().probe.testAccuracy;
  let last: Evaluation = t.evaluate();
  for (let s = 1; s <= DEFAULT_STEPS; s++) {
    t.step();
    if (s % EVAL_EVERY === 0) last = t.evaluate();
  }
  return { objective, seed, seconds: (performance.now() - t0) / 1000, untrained, ...last };
}

function nodeFigures() {
  const rows = OBJECTIVES.flatMap((o) => [1, 2, 3].map((seed) => defaultRun(o, seed)));
  console.log(
    `Node, default run (${DEFAULT_STEPS} steps, batch ${DEFAULT_CONTRASTIVE.batch}), load ${load()}`,
  );
  console.log('objective  seed  seconds  untrained  probe  supervised  alignment  uniformity');
  for (const r of rows)
    console.log(
      `${r.objective.padEnd(9)}  ${r.seed}     ${r.seconds.toFixed(2).padStart(6)}  ${r.untrained.toFixed(3)}      ${r.probe.testAccuracy.toFixed(3)}  ${r.supervised.toFixed(3)}       ${r.alignment.toFixed(4)}     ${r.uniformity.toFixed(4)}`,
    );
  const perBatch = [16, 64, 256].map((batch) => {
    const t = new ContrastiveTrainer({ ...DEFAULT_CONTRASTIVE, batch });
    for (let s = 0; s < 5; s++) t.step();
    const t0 = performance.now();
    for (let s = 0; s < 50; s++) t.step();
    return { batch, msPerStep: (performance.now() - t0) / 50 };
  });
  console.log('batch  ms/step (NT-Xent, incl. the supervised step)');
  for (const r of perBatch) console.log(`${String(r.batch).padStart(5)}  ${r.msPerStep.toFixed(2)}`);
  const pairs = PAIR_LOSSES.flatMap((loss) =>
    [1, 2, 3].map((seed) => {
      const t0 = performance.now();
      const p = new PairTrainer({ ...DEFAULT_PAIRS, loss, seed });
      const before = p.zeroShot();
      for (let s = 1; s <= DEFAULT_PAIR_STEPS; s++) {
        p.step();
        if (s % EVAL_EVERY === 0) p.zeroShot();
      }
      return { loss, seed, seconds: (performance.now() - t0) / 1000, before, zeroShot: p.zeroShot() };
    }),
  );
  console.log(`image–text toy, default run (${DEFAULT_PAIR_STEPS} steps, batch ${DEFAULT_PAIRS.batch})`);
  console.log('loss    seed  seconds  zero-shot before → after');
  for (const r of pairs)
    console.log(
      `${r.loss.padEnd(6)}  ${r.seed}     ${r.seconds.toFixed(2).padStart(6)}  ${r.before.toFixed(3)} → ${r.zeroShot.toFixed(3)}`,
    );
  return { rows, perBatch, pairs };
}

async function chromiumFigures() {
  const site = await serveBuiltSite(PORT, '.tmp/dist-bench-contrastive');
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/#contrastive?steps=${DEFAULT_STEPS}`);
    await page.locator('viva-demo-contrastive viva-heatmap.embedding').waitFor();
    const cell = page.locator('viva-cell#contrastive');
    const runs = [];
    for (let i = 0; i < 3; i++) {
      await recordLongTasks(page);
      const t0 = Date.now();
      await cell.locator('button.run').click();
      await cell.locator('[data-run-state="done"]').waitFor({ timeout: 120_000 });
      const seconds = (Date.now() - t0) / 1000;
      const tasks = await longTasks(page);
      const probe = await page.locator('viva-demo-contrastive .probe').textContent();
      runs.push({ part: 'Run', seconds, probe, tasksOver50: tasks.length, longestMs: Math.max(0, ...tasks) });
      // the next Run needs the state to leave 'done'
      await page.waitForTimeout(200);
    }
    // The image–text toy's default run, from its own button.
    await recordLongTasks(page);
    const t0 = Date.now();
    await page.locator('viva-demo-contrastive button.pairs-train').click();
    await page.locator('viva-demo-contrastive .pairs-step').getByText(String(DEFAULT_PAIR_STEPS)).waitFor();
    const pairTasks = await longTasks(page);
    runs.push({
      part: 'image–text',
      seconds: (Date.now() - t0) / 1000,
      probe: await page.locator('viva-demo-contrastive .zero-shot').textContent(),
      tasksOver50: pairTasks.length,
      longestMs: Math.max(0, ...pairTasks),
    });
    console.log(`Chromium (headless, built site), default runs, load ${load()}`);
    console.log('part        seconds  probe / zero-shot  tasks>50ms  longest ms');
    for (const r of runs)
      console.log(
        `${r.part.padEnd(10)}  ${r.seconds.toFixed(2).padStart(6)}   ${String(r.probe).padEnd(17)}  ${String(r.tasksOver50).padStart(10)}  ${r.longestMs.toFixed(0).padStart(10)}`,
      );
    return runs;
  } finally {
    await browser.close();
    site.close();
  }
}

const node = nodeFigures();
const browser = process.argv.includes('--node') ? null : await chromiumFigures();
console.log(`BENCH_JSON ${JSON.stringify({ load: load(), node, chromium: browser })}`);

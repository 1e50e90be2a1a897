// The ablation runner's budget (issue 13): the cell's default ablation (the backprop MLP on xor: 4 arms × 5
// seeds × 3 learning rates × 300 steps = 60 trainings) must finish in ≤ 30 s with no main-thread task over
// 50 ms, and the statistics must recompute in ≤ 100 ms. Three measurements:
//   1. Node: runAblation on the default spec, in this thread (the work the worker does).
//   2. Node: analyseAblation (t and bootstrap intervals, paired differences, permutation tests) on that
//      result and on a 4 × 20-seed one: what the page recomputes when a run arrives.
//   3. Headless Chromium on the built site (.tmp/dist-bench-ablations, 127.0.0.1:4194): Run pressed on the
//      cell with its defaults, timed until done; the main thread's long tasks (> 50 ms) recorded, and the
//      longest gap between two turns of a 0-ms message loop (an upper bound on the longest task).
//
// With --transformer it times instead one transformer run (full model, 300 steps, tfjs' CPU backend in Node)
// and the full-model test digit accuracy it reaches, to size the transformer's default ablation.
//
// Run: npx tsx scripts/bench-ablations.ts [--transformer]   (prints a table and one line `BENCH_JSON {…}`)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { runAblation, type AblationResult } from '../kernels/ablation.ts';
import { analyseAblation } from '../kernels/ablation-analysis.ts';
import { mlpFamily } from '../kernels/ablation-mlp.ts';
import { ABLATION_SETTINGS, specOf, type AblationSettings } from '../src/demos/ablations/settings.ts';
import { SettingsStore } from '../src/ui/kit/settings-store.ts';
import { serveBuiltSite } from './lib/built-site.ts';

if (process.argv.includes('--transformer')) {
  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');
  await tf.setBackend('cpu');
  const { TRANSFORMER_FAMILY } = await import('../kernels/ablation-transformer.ts');
  const rows: string[] = [];
  for (const changes of [[], ['no-pos']]) {
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    const r = await TRANSFORMER_FAMILY.train({
      changes,
      seed: 1,
      lr: 0.005,
      steps: 300,
      tick: async () => {},
    });
    const cpu = process.cpuUsage(cpu0);
    rows.push(
      `${(changes[0] ?? 'full').padEnd(8)} 300 steps: ${((performance.now() - t0) / 1000).toFixed(1)} s wall, ` +
        `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU; test digit accuracy ${r.test.toFixed(3)}`,
    );
  }
  console.log(`Transformer family on tfjs-cpu in Node, load average ${loadavg()[0]!.toFixed(1)}`);
  for (const row of rows) console.log(row);
  console.log(`BENCH_JSON ${JSON.stringify({ loadAverage: loadavg()[0], rows })}`);
  process.exit(0);
}

const PORT = Number(process.env.VIVA_BENCH_PORT ?? 4194);
const DIST = '.tmp/dist-bench-ablations';
const macrotask = () => new Promise<void>((resolve) => setImmediate(resolve));

const defaults = new SettingsStore(ABLATION_SETTINGS).values as AblationSettings;
const spec = specOf(defaults);
const family = mlpFamily(defaults.data as 'xor');

// 1. The default ablation in Node.
let t = performance.now();
const result = await runAblation(family, spec, { yieldFn: macrotask, budgetMs: 50 });
const nodeSeconds = (performance.now() - t) / 1000;

// 2. The statistics, on the default result and on a 20-seed one (repeated; the median kept).
function timeAnalysis(r: AblationResult): number {
  const times: number[] = [];
  for (let i = 0; i < 7; i++) {
    t = performance.now();
    analyseAblation(r);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[3]!;
}
const wide = await runAblation(
  family,
  { ...spec, seeds: Array.from({ length: 20 }, (_, i) => i + 1), lrs: null, steps: 20 },
  { yieldFn: macrotask },
);
const analysisMs = timeAnalysis(result);
const analysis20Ms = timeAnalysis(wide);

// 3. The cell in the browser.
const site = await serveBuiltSite(PORT, DIST);
let browserSeconds = NaN;
let tasks: number[] = [];
let longestGapMs = NaN;
let status = '';
let when: string[] = [];
let idle: number[] = [];
let transformerSeconds = NaN;
let transformerStatus = '';
try {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${site.origin}/#ablations`);
  const cell = page.locator('viva-cell#ablations');
  await cell.locator('button.open').click();
  await page.locator('viva-demo-ablations p.plan').waitFor();
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    const w = window as unknown as { gap: { max: number; last: number; on: boolean }; tasks: number[][] };
    w.tasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.tasks.push([Math.round(e.startTime), Math.round(e.duration)]);
    }).observe({ type: 'longtask', buffered: false });
    w.gap = { max: 0, last: performance.now(), on: true };
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      const now = performance.now();
      w.gap.max = Math.max(w.gap.max, now - w.gap.last);
      w.gap.last = now;
      if (w.gap.on) ch.port2.postMessage(0);
    };
    ch.port2.postMessage(0);
  });
  // The same page idle for 3 s first: long tasks a busy machine causes with nothing running.
  await page.waitForTimeout(3000);
  idle = await page.evaluate(() =>
    (window as unknown as { tasks: number[][] }).tasks.splice(0).map(([, ms]) => ms!),
  );
  const started = Date.now();
  const runAt = await page.evaluate(() => performance.now());
  await cell.locator('button.run').click();
  await cell.locator('[data-run-state="done"]').waitFor({ timeout: 120_000 });
  browserSeconds = (Date.now() - started) / 1000;
  longestGapMs = await page.evaluate(() => {
    const w = window as unknown as { gap: { max: number; on: boolean } };
    w.gap.on = false;
    return w.gap.max;
  });
  const timed = await page.evaluate(() => (window as unknown as { tasks: number[][] }).tasks);
  tasks = timed.map(([, ms]) => ms!);
  when = timed.map(([at, ms]) => `${ms} ms at +${Math.round(at! - runAt)} ms`);
  status = ((await page.locator('viva-demo-ablations p.status').textContent()) ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  // The transformer's 4 arms × 1 seed × 100 steps, to size its ablations (steps per second in the worker).
  const tpage = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await tpage.goto(`${site.origin}/#ablations?family=transformer&seeds=1&steps=100&tuning=none`);
  const tcell = tpage.locator('viva-cell#ablations');
  // A link with settings opens the cell by itself.
  await tpage.locator('viva-demo-ablations p.plan').waitFor();
  const t0 = Date.now();
  await tcell.locator('button.run').click();
  await tcell.locator('[data-run-state="done"]').waitFor({ timeout: 600_000 });
  transformerSeconds = (Date.now() - t0) / 1000;
  transformerStatus = ((await tpage.locator('viva-demo-ablations p.status').textContent()) ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  await browser.close();
} finally {
  site.close();
}

const load = loadavg()[0]!.toFixed(1);
const trainings = spec.arms.length * spec.seeds.length * (spec.lrs?.length ?? 1);
console.log(`Ablation runner, load average ${load} (2 cores, shared)`);
console.log(
  `default ablation: ${spec.arms.length} arms × ${spec.seeds.length} seeds × ${spec.lrs?.length ?? 1} rates × ${spec.steps} steps = ${trainings} trainings`,
);
console.log(`  Node, in this thread        ${nodeSeconds.toFixed(2)} s`);
console.log(`  browser, Run → done         ${browserSeconds.toFixed(2)} s   (${status})`);
console.log(
  `  main-thread tasks > 50 ms   ${tasks.length}${tasks.length ? `: ${when.join(', ')} after Run` : ''}`,
);
console.log(
  `  idle page, 3 s before Run    ${idle.length} tasks > 50 ms${idle.length ? ` (${idle.join(', ')} ms)` : ''}`,
);
console.log(`  longest main-thread gap     ${longestGapMs.toFixed(1)} ms (0-ms message loop)`);
console.log(
  `transformer, 4 arms × 1 seed × 100 steps in the browser: ${transformerSeconds.toFixed(1)} s (${transformerStatus}), ` +
    `${(400 / transformerSeconds).toFixed(0)} steps/s with the worker's start`,
);
console.log(
  `statistics recompute: ${analysisMs.toFixed(1)} ms (4 arms × 5 seeds), ${analysis20Ms.toFixed(1)} ms (4 × 20)`,
);
console.log(
  `BENCH_JSON ${JSON.stringify({ loadAverage: loadavg()[0], trainings, nodeSeconds, browserSeconds, tasksOver50: tasks.length, idleTasksOver50: idle.length, longestTaskMs: tasks.length ? Math.max(...tasks) : 0, longestGapMs, analysisMs, analysis20Ms, transformerSeconds })}`,
);

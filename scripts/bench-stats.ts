// The research-methods figures (issue 13: questions 6 and 9): how long the statistics take to recompute after
// a setting change (goal ≤ 100 ms), in Node and in headless Chromium, and what the default fair-comparison
// run costs and shows. Node: the hypothesis builder's runs per arm (seedsForPower + the power curve) for a
// few assumptions; the fair comparison's default run (8 seeds × 2 models + 2 sweeps of 4 + the baseline), then
// its summary recomputed for new levels and resample counts. Chromium: the built site served on
// 127.0.0.1:4196; the Q9 cell's Run at its defaults (seconds, main-thread tasks over 50 ms), a new confidence
// level → the interval redrawn, and a new δ in the Q6 cell → the runs redrawn, both through Playwright's
// keyboard (its round trips included) and inside the page (the store set → recomputed → drawn).
//
// Run: npx tsx scripts/bench-stats.ts [--node]   (prints tables and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { chromium } from 'playwright';
import { summarizeComparison } from '../kernels/fair-eval-stats';
import { FairEvalSession } from '../src/demos/fair-evaluation/session';
import { FAIR_SETTINGS } from '../src/demos/fair-evaluation/settings';
import { HypothesisSession } from '../src/demos/research-hypothesis/session';
import { POWER_SETTINGS } from '../src/demos/research-hypothesis/settings';
import { HypothesisStorage } from '../src/demos/research-hypothesis/storage';
import { SettingsStore } from '../src/ui/kit/settings-store';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { longTasks, recordLongTasks, serveBuiltSite } from './lib/built-site.ts';

const PORT = Number(process.env.VIVA_BENCH_PORT ?? 4196);
const load = () =>
  loadavg()
    .map((v) => v.toFixed(2))
    .join(' ');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function powerFigures() {
  const cases = [
    { delta: 1.5, sd: 0.8, paired: false },
    { delta: 1.5, sd: 0.8, paired: true },
    { delta: 1, sd: 1, paired: false },
    { delta: 0.2, sd: 1, paired: false },
  ];
  return cases.map((c) => {
    const times: number[] = [];
    let runs = 0;
    for (let i = 0; i < 7; i++) {
      const store = new SettingsStore(POWER_SETTINGS);
      const s = new HypothesisSession(store, new HypothesisStorage(() => null));
      store.patch({ ...c, alpha: 0.05 + 0.001 * i }); // a new α each time: no cached answer
      const t0 = performance.now();
      const p = s.power();
      times.push(performance.now() - t0);
      if (i === 0 && !('error' in p)) runs = p.runsPerArm; // at α = 0.05
    }
    return { ...c, runs, medianMs: median(times), maxMs: Math.max(...times) };
  });
}

async function fairFigures() {
  const store = new SettingsStore(FAIR_SETTINGS);
  const session = new FairEvalSession(store, { yieldFn: async () => {} });
  const handle = { signal: new AbortController().signal, current: true, progress() {}, draw() {} };
  const t0 = performance.now();
  await session.run(handle);
  const runSeconds = (performance.now() - t0) / 1000;
  const recompute = [
    { level: 0.9, resamples: 1000 },
    { level: 0.95, resamples: 1000 },
    { level: 0.99, resamples: 1000 },
    { level: 0.95, resamples: 5000 },
    { level: 0.95, resamples: 20000 },
  ].map((o) => {
    const times: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const c = process.cpuUsage();
      summarizeComparison(session.results!, { ...o, seed: 1 + i });
      const used = process.cpuUsage(c);
      times.push(performance.now() - t);
      cpu.push((used.user + used.system) / 1000);
    }
    return { ...o, medianMs: median(times), maxMs: Math.max(...times), cpuMs: median(cpu) };
  });
  const s = session.summary!;
  return {
    runSeconds,
    accA: s.main!.accA.mean,
    accB: s.main!.accB.mean,
    diff: s.main!.diff,
    mcnemarP: s.main!.mcnemarP,
    permutationP: s.main!.permutationP,
    seedWinsB: `${s.seeds!.winsB}/${s.seeds!.accA.length}`,
    seedsNeeded: s.seeds!.seedsNeeded,
    tuning: s.tuning,
    recompute,
  };
}

async function chromiumFigures() {
  const site = await serveBuiltSite(PORT, '.tmp/dist-bench-stats');
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.origin}/#fair-evaluation?seed=1`);
    const demo = page.locator('viva-demo-fair-evaluation');
    await demo.locator('p.empty').waitFor();
    const cell = page.locator('viva-cell#fair-evaluation');
    await recordLongTasks(page);
    const t0 = Date.now();
    await cell.locator('button.run').click();
    await cell.locator('[data-run-state="done"]').waitFor({ timeout: 120_000 });
    const runSeconds = (Date.now() - t0) / 1000;
    const runTasks = await longTasks(page);
    const levelMs: number[] = [];
    const levelTasks: number[] = [];
    for (const level of ['0.9', '0.8', '0.95']) {
      const before = await demo.locator('.diff-ci').textContent();
      await recordLongTasks(page);
      const box = demo.getByRole('textbox', { name: 'Confidence level', exact: true });
      await box.fill(level);
      const t = await page.evaluate(() => performance.now());
      await box.press('Enter');
      await page.waitForFunction(
        (b) =>
          document
            .querySelector('viva-cell#fair-evaluation viva-demo-fair-evaluation')
            ?.shadowRoot?.querySelector('.diff-ci')?.textContent !== b,
        before,
      );
      levelMs.push((await page.evaluate(() => performance.now())) - t);
      levelTasks.push(...(await longTasks(page)));
    }
    // The same in the page, without Playwright's round trips: the store set → summary recomputed → drawn.
    const levelInPageMs: number[] = [];
    for (const level of [0.9, 0.8, 0.95, 0.99, 0.9]) {
      levelInPageMs.push(
        await page.evaluate(async (lv) => {
          type Demo = HTMLElement & {
            settingsStore: { set(k: string, v: string): void };
            session: { summary: unknown };
            updateComplete: Promise<boolean>;
          };
          const d = document.querySelector('viva-demo-fair-evaluation') as Demo;
          const before = d.session.summary;
          const t0 = performance.now();
          d.settingsStore.set('level', String(lv));
          while (d.session.summary === before) await new Promise((r) => setTimeout(r, 0));
          await d.updateComplete;
          return performance.now() - t0;
        }, level),
      );
    }
    await page.goto(`${site.origin}/#research-hypothesis?delta=1.5`);
    const hyp = page.locator('viva-demo-research-hypothesis');
    await hyp.locator('.runs-needed').waitFor();
    const deltaMs: number[] = [];
    await recordLongTasks(page);
    for (const delta of ['1', '0.5', '0.2']) {
      const before = await hyp.locator('.runs-needed').textContent();
      const box = hyp.getByRole('textbox', { name: 'Effect to detect δ', exact: true });
      await box.fill(delta);
      const t = await page.evaluate(() => performance.now());
      await box.press('Enter');
      await page.waitForFunction(
        (b) =>
          document.querySelector('viva-demo-research-hypothesis')?.shadowRoot?.querySelector('.runs-needed')
            ?.textContent !== b,
        before,
      );
      deltaMs.push((await page.evaluate(() => performance.now())) - t);
    }
    const deltaInPageMs: number[] = [];
    for (const delta of [1.1, 0.7, 0.3, 2, 1.5]) {
      deltaInPageMs.push(
        await page.evaluate(async (dv) => {
          type Demo = HTMLElement & {
            settingsStore: { set(k: string, v: string): void };
            updateComplete: Promise<boolean>;
          };
          const d = document.querySelector('viva-demo-research-hypothesis') as Demo;
          const t0 = performance.now();
          d.settingsStore.set('delta', String(dv));
          await d.updateComplete;
          return performance.now() - t0;
        }, delta),
      );
    }
    return {
      levelInPageMs,
      deltaInPageMs,
      runSeconds,
      runTasksOver50: runTasks.length,
      runLongestMs: Math.max(0, ...runTasks),
      levelMs,
      levelTasksOver50: levelTasks.length,
      deltaMs,
      deltaTasksOver50: (await longTasks(page)).length,
    };
  } finally {
    await browser.close();
    site.close();
  }
}

const power = powerFigures();
console.log(`Node, load ${load()}: Q6 runs per arm after a setting change (seedsForPower + power curve)`);
console.log('δ     sd   paired  runs  median ms  max ms');
for (const r of power)
  console.log(
    `${String(r.delta).padEnd(5)} ${String(r.sd).padEnd(4)} ${String(r.paired).padEnd(6)}  ${String(r.runs).padStart(4)}  ${r.medianMs.toFixed(2).padStart(9)}  ${r.maxMs.toFixed(2).padStart(6)}`,
  );
const fair = await fairFigures();
console.log(
  `Q9 default run in Node: ${fair.runSeconds.toFixed(2)} s (25 trainings of 300 steps: 8 seeds × 2 models, 2 sweeps of 4, the baseline), load ${load()}`,
);
console.log(
  `  A ${(100 * fair.accA).toFixed(1)}%, B ${(100 * fair.accB).toFixed(1)}%, B − A CI [${(100 * fair.diff.lo).toFixed(1)}, ${(100 * fair.diff.hi).toFixed(1)}] points, McNemar p ${fair.mcnemarP.toFixed(3)}, permutation p ${fair.permutationP.toFixed(3)}; B wins ${fair.seedWinsB} seeds; t-test needs ${fair.seedsNeeded} seeds`,
);
if (fair.tuning)
  console.log(
    `  tuning trap: untuned A ${(100 * fair.tuning.untunedA).toFixed(1)}%, tuned B ${(100 * fair.tuning.tunedB).toFixed(1)}%, tuned A ${(100 * fair.tuning.tunedA).toFixed(1)}%`,
  );
console.log('Q9 summary recomputed (1,000 test examples): level  resamples  median ms  max ms  CPU ms');
for (const r of fair.recompute)
  console.log(
    `                                          ${r.level}   ${String(r.resamples).padStart(9)}  ${r.medianMs.toFixed(1).padStart(9)}  ${r.maxMs.toFixed(1).padStart(6)}  ${r.cpuMs.toFixed(1).padStart(6)}`,
  );
const browserFigures = process.argv.includes('--node') ? null : await chromiumFigures();
if (browserFigures) {
  console.log(`Chromium (headless, built site), load ${load()}`);
  console.log(
    `  Q9 Run at defaults: ${browserFigures.runSeconds.toFixed(2)} s, ${browserFigures.runTasksOver50} main-thread tasks over 50 ms (longest ${browserFigures.runLongestMs.toFixed(0)} ms)`,
  );
  console.log(
    `  Q9 new level → interval redrawn: ${browserFigures.levelMs.map((m) => m.toFixed(0)).join(', ')} ms; tasks over 50 ms: ${browserFigures.levelTasksOver50}`,
  );
  console.log(
    `  in the page (store set → recomputed → drawn): Q9 level ${browserFigures.levelInPageMs.map((m) => m.toFixed(1)).join(', ')} ms; Q6 δ ${browserFigures.deltaInPageMs.map((m) => m.toFixed(1)).join(', ')} ms`,
  );
  console.log(
    `  Q6 new δ → runs redrawn: ${browserFigures.deltaMs.map((m) => m.toFixed(0)).join(', ')} ms; tasks over 50 ms: ${browserFigures.deltaTasksOver50}`,
  );
}
console.log(`BENCH_JSON ${JSON.stringify({ load: load(), power, fair, chromium: browserFigures })}`);

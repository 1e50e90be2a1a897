// The main-thread budget of DESIGN.md ("no task over 50 ms while any demo trains"), measured for every cell
// whose Run trains something: the built site in headless Chromium, the cell's Run pressed, main-thread long
// tasks (the browser's `longtask` entries, all tasks over 50 ms) recorded for a few seconds of training, then
// Stop. The backend is the page's default (what a user on this machine gets) unless VIVA_BENCH_BACKEND is set.
// Tasks in the run's first second (loading tfjs, a worker, first plots) are counted apart from the rest.
// Builds the site into .tmp/dist-main-thread and serves it on 127.0.0.1:4191.
//
// Run: npx tsx scripts/bench-main-thread.ts [cell-id …]   (prints a table and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { chromium, type Browser, type Page } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { serveBuiltSite, type BuiltSite } from './lib/built-site.ts';

const PORT = Number(process.env.VIVA_BENCH_PORT ?? 4191);
const DIST = '.tmp/dist-main-thread';
const SECONDS = Number(process.env.VIVA_BENCH_SECONDS ?? 8);
const BACKEND = process.env.VIVA_BENCH_BACKEND;
/** Cells whose Run trains a model (attention's demo has no training loop). */
const CELLS = [
  'backprop',
  'vanishing-gradients',
  'normalization',
  'transformer',
  'dqn',
  'diffusion',
  'contrastive',
];
/** The start of a run, whose tasks are reported apart (ms after Run). */
const START_MS = 1000;

interface LongTask {
  /** ms after Run was pressed. */
  at: number;
  ms: number;
}

/** Starts (or restarts) recording the page's long tasks with their start times. */
async function recordTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { benchTasks?: { start: number; ms: number }[] };
    if (!w.benchTasks)
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.benchTasks!.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: false });
    w.benchTasks = [];
  });
}

async function recordedTasks(page: Page, runAt: number): Promise<LongTask[]> {
  const tasks = await page.evaluate(
    () => (window as unknown as { benchTasks?: { start: number; ms: number }[] }).benchTasks ?? [],
  );
  return tasks.map((t) => ({ at: t.start - runAt, ms: t.ms }));
}

interface Result {
  cell: string;
  backend: string;
  /** Whether the cell's text says its training runs in a worker. */
  worker: boolean;
  seconds: number;
  tasksOver50: number;
  /** Of those, the ones that started after the run's first second. */
  afterFirstSecond: number;
  /** The longest of those (0 when there were none). */
  longestAfterMs: number;
  /** Every long task: when it started (ms after Run) and how long it took. */
  tasks: LongTask[];
  longestMs: number;
  /** 95th percentile of the long tasks (0 when there were none). */
  p95Ms: number;
}

async function measure(site: BuiltSite, browser: Browser, cell: string): Promise<Result> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    const query = BACKEND ? `?backend=${BACKEND}` : '';
    await page.goto(`${site.origin}/${query}#${cell}`);
    const frame = page.locator(`viva-cell#${cell}`);
    await frame.locator('button.open').click();
    await frame.locator('.demo-host > *').waitFor();
    await page.waitForTimeout(1500); // opening work (tfjs start, first plots) is not training
    await recordTasks(page);
    const runAt = await page.evaluate(() => performance.now());
    await frame.locator('button.run').click();
    const started = Date.now();
    // Train for SECONDS, or until the run ends by itself.
    await frame
      .locator('[data-run-state="done"], [data-run-state="error"]')
      .waitFor({ timeout: SECONDS * 1000 })
      .catch(() => undefined);
    const seconds = (Date.now() - started) / 1000;
    // The run may end by itself between the check and the click: then there is nothing to stop.
    if (await frame.locator('button.stop').isEnabled())
      await frame
        .locator('button.stop')
        .click({ timeout: 5000 })
        .catch(() => undefined);
    const all = await recordedTasks(page, runAt);
    const worker = (await frame.getByText('in a worker').count()) > 0;
    // The status line ends with the page's backend once the run is over: "Stopped after 8.1 s · webgl"; a
    // cell that trains tfjs in a worker says which backend there: "training on wasm (…)".
    await frame.locator('[data-run-state="running"]').waitFor({ state: 'detached' });
    const status = (await frame.locator('.status-line').textContent()) ?? '';
    const engine = frame.locator('.engine');
    const inWorker = (await engine.count())
      ? /training on (\w+)/.exec((await engine.first().textContent()) ?? '')
      : null;
    const backend = inWorker?.[1] ?? /·\s*(\w+)\s*$/.exec(status)?.[1] ?? 'no tfjs';
    const sorted = all.map((t) => t.ms).sort((a, b) => a - b);
    const later = all.filter((t) => t.at >= START_MS).map((t) => t.ms);
    return {
      cell,
      backend,
      worker,
      seconds,
      tasksOver50: all.length,
      afterFirstSecond: later.length,
      longestAfterMs: Math.round(Math.max(0, ...later)),
      tasks: all.map((t) => ({ at: Math.round(t.at), ms: Math.round(t.ms) })),
      longestMs: Math.round(sorted.at(-1) ?? 0),
      p95Ms: Math.round(sorted[Math.floor(0.95 * (sorted.length - 1))] ?? 0),
    };
  } finally {
    await page.close();
  }
}

const cells = process.argv.slice(2).length ? process.argv.slice(2) : CELLS;
const site = await serveBuiltSite(PORT, DIST);
try {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const results: Result[] = [];
  for (const cell of cells) results.push(await measure(site, browser, cell));
  await browser.close();
  console.log(
    `Headless Chromium, load average ${loadavg()[0]!.toFixed(1)} (2 cores); budget: no task over 50 ms`,
  );
  console.log(
    'cell                  backend  worker  seconds  tasks>50ms  longest  p95  after 1 s  longest after 1 s',
  );
  for (const r of results)
    console.log(
      `${r.cell.padEnd(22)}${r.backend.padEnd(9)}${(r.worker ? 'yes' : 'no').padEnd(6)}${r.seconds.toFixed(1).padStart(9)}` +
        `${String(r.tasksOver50).padStart(12)}${String(r.longestMs).padStart(9)}${String(r.p95Ms).padStart(5)}` +
        `${String(r.afterFirstSecond).padStart(11)}${String(r.longestAfterMs).padStart(19)}`,
    );
  console.log(`BENCH_JSON ${JSON.stringify({ loadAverage: loadavg()[0], results })}`);
} finally {
  site.close();
}

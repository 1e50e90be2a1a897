// Issue 15, faults in a real browser. (1) Run → Stop → Run again 20 times in every registered demo: the page's
// tfjs tensor count (the `__vivaTf` hook, src/runtime/tf-host.ts) is back to its count after a warm-up run,
// and the JS heap, after a forced garbage collection through the Chrome DevTools Protocol, is within 10% of
// its warm-up figure. (2) A worker killed in the middle of a run (the test wraps `Worker` to reach it:
// terminate, then the error event a crashed worker fires): the cell says so and the next Run works; a
// WebGL context lost in the middle of the attention cell's run: the page moves to another backend and runs
// again. (3) Storage that refuses every write: the notebook works, says what will not be kept, and what was
// saved before (a theme, a hypothesis draft) is still there.
import type { Page } from '@playwright/test';
import { DEMO_IDS } from './demo-list.ts';
import { expect, test } from './fixtures.ts';

/** The smallest settings that still train (the same links the demos' own specs use, or smaller). */
const SMALL: Record<string, string> = {
  backprop: 'steps=20',
  transformer: 'stop=false',
  dqn: 'episodes=20',
  diffusion: 'steps=50',
  contrastive: 'steps=50',
  reproducibility: 'steps=10&points=20',
  challenges: 'steps=40&maxWidth=2',
  'fair-evaluation': 'trainSize=80&testSize=300&steps=80&seeds=3&sweep=2',
  'research-hypothesis': 'delta=1.5',
};

/** Opens a demo from a link (a link with settings opens the demo), or with the Open button. */
async function openDemo(page: Page, id: string, query = SMALL[id] ?? ''): Promise<void> {
  await page.goto(`/#${id}${query ? `?${query}` : ''}`);
  if (!query) await page.locator(`viva-cell#${id} button.open`).click();
  await expect(page.locator(`viva-demo-${id}`)).toBeAttached();
}

/**
 * Runs the cell `n` times, stopping each run `stopAfterMs` after it starts (with `untilDone`, a run that ends
 * sooner is not waited for); returns the states reached.
 */
function cycles(page: Page, id: string, n: number, stopAfterMs: number, untilDone = false) {
  return page.evaluate(
    async ([id, n, ms, untilDone]) => {
      type Cell = HTMLElement & {
        run(): Promise<void>;
        stop(): void;
        runState: string;
        progress: number | null;
      };
      const cell = document.querySelector(`viva-cell#${id}`) as Cell;
      const states: string[] = [];
      for (let i = 0; i < n; i++) {
        const done = cell.run();
        const t0 = performance.now();
        do await new Promise((r) => setTimeout(r, untilDone ? 10 : ms));
        while (untilDone && cell.runState === 'running' && performance.now() - t0 < ms);
        cell.stop();
        await done;
        states.push(cell.runState);
      }
      return states;
    },
    [id, n, stopAfterMs, untilDone] as const,
  );
}

const tensors = (page: Page) =>
  page.evaluate(
    () =>
      (globalThis as { __vivaTf?: { memory(): { numTensors: number } } }).__vivaTf?.memory().numTensors ?? 0,
  );

test('Run → Stop → Run 20 times in every demo leaks no tensor and the heap returns within 10%', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  const rows: string[] = [];
  for (const id of DEMO_IDS) {
    await openDemo(page, id);
    // Warm-up: the first runs load the demo's code, tfjs, its backend, plots and worker (one run to its end or
    // for 3 s, then four short ones: the attention cell's heap settles only after those).
    const warm = [...(await cycles(page, id, 1, 3000, true)), ...(await cycles(page, id, 4, 100))];
    expect(
      warm.every((s) => s === 'stopped' || s === 'done'),
      `${id}: ${warm.join()}`,
    ).toBe(true);
    const tensors0 = await tensors(page);
    const heap0 = await heap();
    const states = await cycles(page, id, 20, 100);
    expect(
      states.every((s) => s === 'stopped' || s === 'done'),
      `${id}: ${states.join()}`,
    ).toBe(true);
    const tensors1 = await tensors(page);
    const heap1 = await heap();
    rows.push(
      `${id}: tensors ${tensors0} → ${tensors1}, heap ${(heap0 / 2 ** 20).toFixed(1)} → ${(heap1 / 2 ** 20).toFixed(1)} MiB (${(((heap1 - heap0) / heap0) * 100).toFixed(1)}%)`,
    );
    expect(tensors1, `${id} leaked tensors`).toBe(tensors0);
    // The attention cell's Run checks its weights with tfjs on the page: from there on the count is real.
    if (id === 'attention') expect(tensors1, 'the page loaded no tfjs').not.toBeNull();
    expect(heap1, `${id}: heap ${heap0} → ${heap1}`).toBeLessThanOrEqual(heap0 * 1.1);
  }
  console.info(`faults e2e, 20 × run/stop per demo:\n${rows.join('\n')}`);
});

/** Wraps Worker so the test can kill every live worker the way a crash does: terminated, then an error event. */
const WORKER_HOOK = () => {
  const Native = globalThis.Worker;
  const live = new Set<Worker>();
  globalThis.Worker = class extends Native {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      live.add(this);
    }
    override terminate(): void {
      live.delete(this);
      super.terminate();
    }
  };
  (globalThis as { __killWorkers?: () => number }).__killWorkers = () => {
    const all = [...live];
    for (const w of all) {
      w.terminate();
      w.dispatchEvent(new ErrorEvent('error', { message: 'killed by the test', cancelable: true }));
    }
    return all.length;
  };
  (globalThis as { __liveWorkers?: () => number }).__liveWorkers = () => live.size;
};

test('a worker killed mid-run is reported and the next run works; a lost WebGL context moves to another backend', async ({
  page,
  problems,
}) => {
  test.setTimeout(180_000);
  await page.addInitScript(WORKER_HOOK);
  // Each is killed at its default settings and then run to the end with few steps.
  const SMALL_STEPS: Record<string, number> = {
    contrastive: 50,
    reproducibility: 10,
    challenges: 20,
    diffusion: 10,
  };
  const BIG_STEPS: Record<string, number> = { contrastive: 5000, reproducibility: 500, challenges: 2000 };
  const WORKER_DEMOS = Object.keys(SMALL_STEPS);
  for (const id of WORKER_DEMOS) {
    await openDemo(page, id, id === 'diffusion' ? 'seed=2' : `steps=${BIG_STEPS[id]}`);
    const cell = page.locator(`viva-cell#${id}`);
    const state = cell.locator('[data-run-state]');
    // Killed as soon as the run has reported progress from its worker (checked in the page, so the run cannot end first).
    const killed = await page.evaluate(async (id) => {
      type Cell = HTMLElement & { run(): Promise<void>; runState: string; progress: number | null };
      const hooks = globalThis as { __liveWorkers?: () => number; __killWorkers?: () => number };
      const cell = document.querySelector(`viva-cell#${id}`) as Cell;
      const done = cell.run();
      for (
        let i = 0;
        i < 3000 && !(cell.runState === 'running' && (cell.progress ?? 0) > 0 && hooks.__liveWorkers!() > 0);
        i++
      )
        await new Promise((r) => setTimeout(r, 5));
      const n = cell.runState === 'running' ? hooks.__killWorkers!() : 0;
      await done;
      return { n, state: cell.runState };
    }, id);
    expect(killed.n, `${id}: no worker was running`).toBeGreaterThan(0);
    expect(killed.state, id).toBe('error');
    await expect(cell.locator('viva-error').first()).toContainText(/worker/i);
    // The next run starts a fresh worker and ends as it should.
    await page.evaluate(
      ([id, steps]) =>
        (
          document.querySelector(`viva-demo-${id}`) as unknown as {
            settingsStore: { set(k: string, v: unknown): void };
          }
        ).settingsStore.set('steps', steps),
      [id, SMALL_STEPS[id]!] as const,
    );
    await cell.locator('button.run').click();
    await expect(state).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
  }

  // WebGL context loss in the middle of the attention cell's run on WebGL.
  await page.goto('/?backend=webgl#attention');
  await page.locator('viva-cell#attention button.open').click();
  const cell = page.locator('viva-cell#attention');
  const state = cell.locator('[data-run-state]');
  await cell.locator('button.run').click();
  await expect(state).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
  expect(
    await page.evaluate(() => (globalThis as { __vivaTf?: { getBackend(): string } }).__vivaTf!.getBackend()),
  ).toBe('webgl');
  await cell.locator('button.run').click();
  await page.evaluate(() => {
    const tf = (globalThis as { __vivaTf?: { backend(): { gpgpu: { gl: WebGL2RenderingContext } } } })
      .__vivaTf!;
    tf.backend().gpgpu.gl.getExtension('WEBGL_lose_context')!.loseContext();
  });
  await expect(state).toHaveAttribute('data-run-state', 'error', { timeout: 30_000 });
  await expect(cell.locator('viva-error').first()).toContainText('context was lost during the run');
  await cell.locator('button.run').click();
  await expect(state).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
  expect(
    await page.evaluate(() => (globalThis as { __vivaTf?: { getBackend(): string } }).__vivaTf!.getBackend()),
  ).not.toBe('webgl');
  // A worker terminated while it still loads its own script chunks aborts those requests: the kill's doing.
  const killed = /^request failed: \S+\/assets\/\S*worker\S*\.js \(net::ERR_ABORTED\)$/;
  problems.splice(0, problems.length, ...problems.filter((p) => !killed.test(p)));
});

test('storage that refuses every write: the notebook works, says what is not kept, and keeps what was saved', async ({
  page,
}) => {
  // Saved while storage worked: a theme and a hypothesis draft.
  await openDemo(page, 'research-hypothesis');
  await page.locator('button.theme-toggle').click(); // system → light
  await page.locator('button.theme-toggle').click(); // light → dark
  const gap = page.locator('viva-demo-research-hypothesis').getByLabel('The gap', { exact: true });
  await gap.fill('no one has measured it');
  await expect(page.locator('viva-demo-research-hypothesis .save-status')).toContainText('Saved');

  // From now on every write throws, as a full or blocked storage does.
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    Storage.prototype.removeItem = () => {
      throw new DOMException('Storage is blocked.', 'SecurityError');
    };
  });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const demo = page.locator('viva-demo-research-hypothesis');
  await expect(demo.getByLabel('The gap', { exact: true })).toHaveValue('no one has measured it');
  await demo.getByLabel('The gap', { exact: true }).fill('no one has measured it on small data');
  await expect(demo.locator('.save-status')).not.toContainText('Saved');
  await expect(demo.locator('.save-status')).not.toBeEmpty();

  // The theme still switches, and says it will not be kept.
  await page.locator('button.theme-toggle').click(); // dark → system
  await page.locator('button.theme-toggle').click(); // system → light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect(page.locator('.theme-note')).toContainText('lasts until');
  await page.setViewportSize({ width: 390, height: 800 });
  const note = (await page.locator('.theme-note').boundingBox())!;
  expect(note.x).toBeGreaterThanOrEqual(0);
  expect(note.x + note.width).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1400, height: 900 });

  // The first-visit hint closes and says it will come back.
  const hint = page.locator('viva-first-visit-hint');
  if (await hint.locator('button').isVisible()) {
    await hint.locator('button').click();
    await expect(hint.locator('.first-visit-note')).toContainText('will return');
  }

  // A demo still runs.
  await openDemo(page, 'reproducibility');
  await page.locator('viva-cell#reproducibility button.run').click();
  await expect(page.locator('viva-cell#reproducibility [data-run-state]')).toHaveAttribute(
    'data-run-state',
    'done',
    { timeout: 60_000 },
  );
  // What was saved before the failure is still there.
  expect(await page.evaluate(() => localStorage.getItem('viva:theme'))).toBe('dark');
  expect(await page.evaluate(() => localStorage.getItem('viva.research-hypothesis.v1'))).toContain(
    'no one has measured it',
  );
});

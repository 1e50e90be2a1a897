import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';

const CELL = 'viva-cell#vanishing-gradients';

async function typeNumber(input: Locator, value: number): Promise<void> {
  await input.fill(String(value));
  await input.press('Enter');
}

/**
 * Opens the demo on WASM (the fastest tfjs backend on these CPU-only machines), with the settings of a link
 * when given (the cell opens the demo itself then); waits for both verdicts.
 */
async function openDemo(page: Page, query = '', backend = 'wasm'): Promise<Locator> {
  await page.goto(`/?backend=${backend}#vanishing-gradients${query ? `?${query}` : ''}`);
  if (!query) await page.locator(`${CELL} button.open`).click();
  const demo = page.locator('viva-demo-vanishing-gradients');
  await expect(demo.locator('.verdict[data-kind]')).toHaveCount(2, { timeout: 60_000 });
  return demo;
}

/** Resolves once the gradient reports for the demo's current settings are computed and drawn. */
async function settled(demo: Locator): Promise<void> {
  await demo.evaluate((el) => (el as unknown as { refresh(): Promise<void> }).refresh());
}

/** The controls, drawn by <viva-settings> from the settings table (found by their labels). */
const controls = (demo: Locator) => {
  const net = (which: 'a' | 'b') => {
    const box = demo.locator(`.net.${which}`);
    return {
      preset: box.locator('viva-select.preset select'),
      depth: box.getByRole('textbox', { name: 'Depth (weight layers)' }),
      width: box.getByRole('textbox', { name: 'Width' }),
      activation: box.getByLabel('Activation'),
      init: box.getByLabel('Init'),
      norm: box.getByLabel('Normalization'),
      residual: box.getByRole('switch', { name: 'Residual' }),
    };
  };
  return {
    a: net('a'),
    b: net('b'),
    seed: demo.getByRole('textbox', { name: 'Seed', exact: true }),
    steps: demo.getByRole('textbox', { name: 'Training steps' }),
    clipOn: demo.getByRole('switch', { name: 'Clip the global gradient norm' }),
    clip: demo.getByRole('textbox', { name: 'Clip threshold ‖g‖ ≤' }),
  };
};

test('the cell runs on the first click with the default backend, draws finite data, and stops', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#vanishing-gradients');
  const cell = page.locator(CELL);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  const demo = cell.locator('viva-demo-vanishing-gradients');
  const losses = demo.locator('viva-line-chart.losses');
  // Both loss curves have a few points.
  await expect
    .poll(
      async () => {
        const lengths = (await plotData(losses)).map((t) => t.y.length);
        return lengths.length === 2 && Math.min(...lengths) > 2;
      },
      { timeout: 150_000 },
    )
    .toBe(true);
  await cell.locator('button.stop').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped');
  for (const trace of await plotData(losses)) expect(trace.y.every(Number.isFinite)).toBe(true);
  const gradients = await plotData(demo.locator('viva-line-chart.gradients'));
  const atInit = gradients.filter((t) => t.name.endsWith('at init'));
  expect(atInit).toHaveLength(2);
  for (const trace of atInit) {
    expect(trace.y).toHaveLength(20);
    expect(trace.y.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  }
  // Deep sigmoid (A) vanishes by many orders of magnitude; ReLU + He + residual (B) does not.
  await expect(demo.locator('.verdict.a')).toHaveAttribute('data-kind', 'vanishing');
  await expect(demo.locator('.verdict.b')).toHaveAttribute('data-kind', 'healthy');
});

test('a control change redraws the gradient plot: depth, activation and a preset', async ({ page }) => {
  const demo = await openDemo(page);
  const plot = demo.locator('viva-line-chart.gradients');
  const traceA = async () => (await plotData(plot)).find((t) => t.name === 'A at init')?.y ?? [];
  await expect.poll(async () => (await traceA()).length).toBe(20);
  const c = controls(demo);
  await typeNumber(c.a.depth, 8);
  await expect.poll(async () => (await traceA()).length).toBe(8);
  const depth8 = await traceA();
  await c.a.activation.selectOption('relu');
  await expect.poll(async () => (await traceA())[0]).not.toBe(depth8[0]);
  await c.a.preset.selectOption('naive');
  await expect(demo.locator('.verdict.a')).toHaveAttribute('data-kind', 'exploding');
  await expect(demo.locator('.verdict.a')).toContainText('Exploding');
  // The preset patched A's settings (B untouched).
  await expect(c.a.depth).toHaveValue('20');
  await expect(c.a.init).toHaveValue('naive');
  await expect(c.b.init).toHaveValue('he');
  await expect.poll(async () => Math.min(...(await traceA()))).toBeGreaterThan(1e6);
  const latency = await demo.evaluate((el) => (el as unknown as { lastLatencyMs: number }).lastLatencyMs);
  expect(latency).toBeGreaterThan(0);
  await expect(demo.locator('.stats')).toContainText('gradient plot updated in');
});

test('an exploding run ends with a message (no NaNs on the plot); clipping keeps it finite', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // A at the naive preset (ReLU, naive init) and 20 steps, through the link.
  const demo = await openDemo(page, 'a.activation=relu&a.init=naive&steps=20');
  const cell = page.locator(CELL);
  const c = controls(demo);
  await expect(c.a.preset).toHaveValue('naive');
  await expect(c.steps).toHaveValue('20');
  await expect(c.clip).toBeDisabled();
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 90_000,
  });
  await expect(demo.locator('.diverged')).toContainText(
    /Configuration A diverged at step \d+: the (loss|gradient norm) became (NaN|Infinity)/,
  );
  for (const trace of await plotData(demo.locator('viva-line-chart.losses')))
    expect(trace.y.every(Number.isFinite), trace.name).toBe(true);
  // The run card records the run's metrics: B trained all 20 steps.
  await expect(cell.locator('viva-run-cards .metrics').first()).toContainText('b.steps 20');

  await c.clipOn.click();
  await expect(c.clip).toBeEnabled();
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 90_000,
  });
  await expect(demo.locator('.diverged')).toHaveCount(0);
  await expect(demo.locator('.stats')).toContainText('(clipped)');
});

test('the tensor count returns to its baseline after run → stop → rerun', async ({ page }) => {
  test.setTimeout(150_000);
  const demo = await openDemo(page);
  const cell = page.locator(CELL);
  const count = () =>
    demo.evaluate((el) => (el as unknown as { tensorCount(): Promise<number> }).tensorCount());
  const baseline = await count();
  // The first run uses the default step count so that Stop lands mid-run even on a fast machine; the rerun
  // is short and must finish.
  await cell.locator('button.run').click();
  await expect(demo.locator('.loss-a')).toBeVisible({ timeout: 60_000 });
  await cell.locator('button.stop').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped');
  await typeNumber(controls(demo).steps, 30);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 120_000,
  });
  await expect(demo.locator('.stats')).toContainText('step 30');
  expect(await count()).toBe(baseline);
});

test('Copy link restores both configurations and the seed in a fresh page, with the same gradient norms', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const demo = await openDemo(page, '', 'cpu');
  const c = controls(demo);
  const plot = demo.locator('viva-line-chart.gradients');
  const atInit = async (p: Locator) =>
    (await plotData(p)).filter((t) => t.name.endsWith('at init')).map((t) => t.y);
  await typeNumber(c.a.depth, 6);
  await c.b.activation.selectOption('tanh');
  await typeNumber(c.seed, 4);
  await settled(demo);
  expect((await atInit(plot)).map((y) => y.length)).toEqual([6, 20]);
  const norms = await atInit(plot);
  const verdicts = await demo.locator('.verdict').allTextContents();

  await page.locator(`${CELL} button.copy-link`).click();
  await expect(page.locator(`${CELL} .link-note`)).toBeVisible();
  const url = await page.evaluate(() => location.href);
  expect(url).toContain('?backend=cpu#vanishing-gradients?');
  expect(url.split('#vanishing-gradients?')[1]!.split('&').sort()).toEqual(
    ['a.depth=6', 'b.activation=tanh', 'seed=4'].sort(),
  );

  const fresh = await context.newPage();
  await fresh.goto(url);
  const restored = fresh.locator('viva-demo-vanishing-gradients');
  const r = controls(restored);
  await expect(restored.locator('.verdict[data-kind]')).toHaveCount(2, { timeout: 60_000 });
  await settled(restored);
  await expect(r.a.depth).toHaveValue('6');
  await expect(r.a.preset).toHaveValue('custom');
  await expect(r.b.activation).toHaveValue('tanh');
  await expect(r.b.depth).toHaveValue('20');
  await expect(r.seed).toHaveValue('4');
  await expect(fresh.locator(`${CELL} .link-note`)).toHaveCount(0);
  const freshPlot = restored.locator('viva-line-chart.gradients');
  expect(await atInit(freshPlot)).toEqual(norms);
  expect(await restored.locator('.verdict').allTextContents()).toEqual(verdicts);
});

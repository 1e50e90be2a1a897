import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';

const CELL = 'viva-cell#vanishing-gradients';

async function typeNumber(slider: Locator, value: number): Promise<void> {
  const input = slider.locator('input.number');
  await input.fill(String(value));
  await input.press('Enter');
}

/** Opens the demo on WASM (the fastest tfjs backend on these CPU-only machines); waits for both verdicts. */
async function openDemo(page: Page): Promise<Locator> {
  await page.goto('/?backend=wasm#vanishing-gradients');
  await page.locator(`${CELL} button.open`).click();
  const demo = page.locator('viva-demo-vanishing-gradients');
  await expect(demo.locator('.verdict[data-kind]')).toHaveCount(2, { timeout: 60_000 });
  return demo;
}

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
  await typeNumber(demo.locator('viva-net-controls.a viva-slider.depth'), 8);
  await expect.poll(async () => (await traceA()).length).toBe(8);
  const depth8 = await traceA();
  await demo.locator('viva-net-controls.a viva-select.activation select').selectOption('relu');
  await expect.poll(async () => (await traceA())[0]).not.toBe(depth8[0]);
  await demo.locator('viva-net-controls.a viva-select.preset select').selectOption('naive');
  await expect(demo.locator('.verdict.a')).toHaveAttribute('data-kind', 'exploding');
  await expect(demo.locator('.verdict.a')).toContainText('Exploding');
  await expect.poll(async () => Math.min(...(await traceA()))).toBeGreaterThan(1e6);
  const latency = await demo.evaluate((el) => (el as unknown as { lastLatencyMs: number }).lastLatencyMs);
  expect(latency).toBeGreaterThan(0);
  await expect(demo.locator('.stats')).toContainText('gradient plot updated in');
});

test('an exploding run ends with a message (no NaNs on the plot); clipping keeps it finite', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const demo = await openDemo(page);
  const cell = page.locator(CELL);
  await demo.locator('viva-net-controls.a viva-select.preset select').selectOption('naive');
  await typeNumber(demo.locator('viva-slider.steps'), 20);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 90_000,
  });
  await expect(demo.locator('.diverged')).toContainText(
    /Configuration A diverged at step \d+: the (loss|gradient norm) became (NaN|Infinity)/,
  );
  for (const trace of await plotData(demo.locator('viva-line-chart.losses')))
    expect(trace.y.every(Number.isFinite), trace.name).toBe(true);

  await demo.locator('viva-toggle.clip-on button').click();
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
  await typeNumber(demo.locator('viva-slider.steps'), 30);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 120_000,
  });
  await expect(demo.locator('.stats')).toContainText('step 30');
  expect(await count()).toBe(baseline);
});

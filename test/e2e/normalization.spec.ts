import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';

const CELL = 'viva-cell#normalization';

/** A setting's number box (inside <viva-settings>' shadow root), found by its label. */
const numberBox = (scope: Locator | Page, label: string) =>
  scope.getByRole('textbox', { name: label, exact: true });

async function typeNumber(scope: Locator | Page, label: string, value: number): Promise<void> {
  const input = numberBox(scope, label);
  await input.fill(String(value));
  await input.press('Enter');
}

/** Opens the demo on the WASM backend (the fastest tfjs backend on these CPU-only machines). */
async function openDemo(page: Page, query = '?backend=wasm'): Promise<Locator> {
  await page.goto(`/${query}#normalization`);
  await page.locator(`${CELL} button.open`).click();
  const demo = page.locator('viva-demo-normalization');
  await expect(demo.locator('viva-norm-grid td.out').first()).not.toHaveText('NaN', { timeout: 60_000 });
  return demo;
}

const outputAt = async (grid: Locator, row: number, col: number) =>
  Number(await grid.locator(`td.out[data-row="${row}"][data-col="${col}"]`).textContent());

test('the cell runs on the first click with the default backend and draws finite curves', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto('/#normalization');
  const cell = page.locator(CELL);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  const curves = cell.locator('viva-demo-normalization viva-line-chart.curves');
  await expect
    .poll(
      async () => {
        const traces = await plotData(curves);
        return traces.length === 4 && Math.min(...traces.map((t) => t.y.length)) >= 2;
      },
      { timeout: 150_000 },
    )
    .toBe(true);
  await cell.locator('button.stop').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped');
  for (const t of await plotData(curves))
    expect(
      t.y.every((v) => Number.isFinite(v) && v > 0),
      t.name,
    ).toBe(true);
});

test('the grid highlights the slice each norm averages over, and edits change the output', async ({
  page,
}) => {
  const demo = await openDemo(page);
  const grid = demo.locator('viva-norm-grid');
  // Batch norm: clicking feature 3 of example 2 highlights feature 3's column (6 values and its μ, σ²).
  await grid.locator('input.cell[data-row="1"][data-col="2"]').click();
  await expect(grid.locator('table.input td.hl')).toHaveCount(8);
  await expect(grid.locator('table.output td.hl')).toHaveCount(6);
  await expect(grid.locator('table.output td.hl[data-col="2"]')).toHaveCount(6);
  // Each column of a batch-normalized output has mean 0.
  const column = await Promise.all([0, 1, 2, 3, 4, 5].map((r) => outputAt(grid, r, 2)));
  expect(Math.abs(column.reduce((a, b) => a + b, 0))).toBeLessThan(0.05);

  const before = await outputAt(grid, 0, 2);
  const cell = grid.locator('input.cell[data-row="1"][data-col="2"]');
  await cell.fill('25');
  await cell.press('Enter');
  await expect.poll(() => outputAt(grid, 0, 2)).not.toBe(before);

  // Layer norm: the highlight turns to example 2's row, with its μ and σ².
  await grid.getByLabel('Normalize with').selectOption('layer');
  await expect(grid.getByLabel('Batch norm mode')).toHaveCount(0);
  await grid.locator('input.cell[data-row="1"][data-col="2"]').click();
  await expect(grid.locator('table.output td.hl[data-row="1"]')).toHaveCount(5);
  await expect(grid.locator('table.input td.hl')).toHaveCount(7);
  const row = await Promise.all([0, 1, 2, 3, 4].map((c) => outputAt(grid, 1, c)));
  expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(0.05);

  await cell.fill('abc');
  await cell.press('Enter');
  await expect(grid.locator('.error')).toContainText('"abc" is not a number');
  await expect(cell).toHaveValue('25');

  const first = await grid.locator('input.cell').first().inputValue();
  await grid.locator('button.randomize').click();
  await expect(grid.locator('input.cell').first()).not.toHaveValue(first);
});

test('eval mode uses running statistics that catch up as batches are fed', async ({ page }) => {
  const demo = await openDemo(page);
  const grid = demo.locator('viva-norm-grid');
  const trainOut = await outputAt(grid, 0, 0);
  await grid.getByLabel('Batch norm mode').selectOption('eval');
  await expect.poll(() => outputAt(grid, 0, 0)).not.toBe(trainOut);
  const fresh = Math.abs((await outputAt(grid, 0, 0)) - trainOut);
  for (let i = 0; i < 25; i++) await grid.locator('button.feed').click();
  await expect(grid.locator('.stats-line')).toContainText('fed 25 batches');
  await expect.poll(async () => Math.abs((await outputAt(grid, 0, 0)) - trainOut)).toBeLessThan(fresh / 4);
});

test('a smaller batch size spreads the batch statistics wider (≈ σ/√B)', async ({ page }) => {
  const demo = await openDemo(page);
  const std = async () => Number(await demo.locator('.mean-std').textContent());
  await expect(demo.locator('.mean-std')).toBeVisible({ timeout: 30_000 });
  const at32 = await std();
  await typeNumber(demo, 'Batch size', 2);
  await expect.poll(std).toBeGreaterThan(2.5 * at32);
  const spread = await plotData(demo.locator('viva-plot.spread'));
  expect(spread[0]!.x).toHaveLength(400);
  expect(spread[0]!.x.every(Number.isFinite)).toBe(true);
});

test('the tensor count returns to its baseline after run → stop → rerun', async ({ page }) => {
  test.setTimeout(150_000);
  const demo = await openDemo(page);
  const cell = page.locator(CELL);
  await expect(demo.locator('.mean-std')).toBeVisible({ timeout: 30_000 });
  const count = () =>
    demo.evaluate((el) => (el as unknown as { tensorCount(): Promise<number> }).tensorCount());
  const baseline = await count();
  // The first run uses the default 200 steps so that Stop lands mid-run even on a fast machine (a 20-step run
  // could finish before the click); the rerun is short and must finish.
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  await expect(demo.locator('.acc-batch')).toBeVisible({ timeout: 60_000 });
  await cell.locator('button.stop').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped');
  await typeNumber(demo, 'Steps', 20);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 120_000,
  });
  await expect(demo.locator('p.train-stats')).toContainText('step 20');
  expect(await count()).toBe(baseline);
});

test('Copy link restores the changed settings in a fresh page, and the same run gives the same result', async ({
  page,
  context,
}) => {
  test.setTimeout(150_000);
  const demo = await openDemo(page, '?backend=cpu');
  const cell = page.locator(CELL);
  await typeNumber(demo, 'Batch size', 8);
  await typeNumber(demo, 'Steps', 20);
  await demo.getByLabel('Normalize with').selectOption('layer');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toBeVisible();
  const url = page.url();
  expect(new URL(url).hash).toBe('#normalization?norm=layer&batch=8&steps=20');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 120_000,
  });
  const result = await demo.locator('p.train-stats').textContent();
  expect(result).toContain('step 20');

  const fresh = await context.newPage();
  await fresh.goto(url);
  const again = fresh.locator('viva-demo-normalization');
  await expect(numberBox(again, 'Batch size')).toHaveValue('8', { timeout: 30_000 });
  await expect(numberBox(again, 'Steps')).toHaveValue('20');
  await expect(again.getByLabel('Normalize with')).toHaveValue('layer');
  await expect(again.locator('h4', { hasText: 'at batch size 8' })).toBeVisible();
  const freshCell = fresh.locator(CELL);
  await freshCell.locator('button.run').click();
  await expect(freshCell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 120_000,
  });
  expect(await again.locator('p.train-stats').textContent()).toBe(result);
  await fresh.close();
});

// The ablation cell (question 7) in a real browser: a link with tiny settings opens it, Run trains every arm
// of the backprop MLP at every seed in the cell's worker and fills the table, the chart and the paired
// differences with finite numbers; turning an arm off removes its row; Stop keeps the finished runs; the
// tiny transformer's arms run in the worker on its tfjs backend.
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function openDemo(page: Page, query: string) {
  await page.goto(`/#ablations?${query}`);
  const demo = page.locator('viva-demo-ablations');
  await expect(demo.locator('p.plan')).toBeVisible();
  return demo;
}

async function runCell(page: Page) {
  const cell = page.locator('viva-cell#ablations');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 60_000,
  });
}

test('Run ablates the MLP in a worker from a link: every arm at every seed, finite intervals, paired differences', async ({
  page,
}) => {
  const demo = await openDemo(page, 'family=mlp&data=xor&seeds=3&steps=60&tuning=none');
  await expect(demo.locator('p.plan')).toContainText('4 arms');
  await expect(demo.locator('p.plan')).toContainText('= 12 models');
  await runCell(page);
  await expect(demo.locator('p.status')).toContainText(/12\/12 runs\s+finished in a worker/);
  const rows = demo.locator('table.arms tbody tr');
  await expect(rows).toHaveCount(4);
  await expect(rows.first().locator('th')).toHaveText('full model');
  const means = (await demo.locator('table.arms td.mean').allTextContents()).map(parseFloat);
  expect(means.every((m) => m > 50 && m <= 100)).toBe(true); // xor: well above chance after 60 steps
  expect(await demo.locator('table.arms td.n').allTextContents()).toEqual(['3', '3', '3', '3']);
  // Three paired rows, three differences each, and a conclusion per arm computed from them.
  await expect(demo.locator('table.paired-table tbody tr')).toHaveCount(3);
  const diffs = (await demo.locator('td.diffs').first().textContent())!.trim().split(/\s+/);
  expect(diffs).toHaveLength(3);
  expect(diffs.every((d) => Number.isFinite(parseFloat(d.replace('−', '-'))))).toBe(true);
  await expect(demo.locator('p.conclusion')).toHaveCount(3);
  await expect(demo.locator('p.conclusion').first()).toContainText(/^(Supported|Not shown)/);
  await expect(demo.locator('figure.forest circle.mean')).toHaveCount(4);

  // Turning the ReLU arm off leaves three arms on the next Run.
  await demo.getByRole('switch', { name: 'Arm: tanh → ReLU' }).click();
  await expect(demo.locator('p.plan')).toContainText('3 arms');
  await runCell(page);
  await expect(demo.locator('table.arms tbody tr')).toHaveCount(3);
  await expect(demo.locator('table.arms tbody th')).not.toContainText(['ReLU']);
});

test('Stop ends a long ablation promptly and keeps the runs that finished', async ({ page }) => {
  const demo = await openDemo(page, 'family=mlp&seeds=20&steps=2000&tuning=three');
  const cell = page.locator('viva-cell#ablations');
  await cell.locator('button.run').click();
  await expect(demo.locator('table.arms')).toBeVisible({ timeout: 30_000 });
  await cell.locator('button.stop').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped', {
    timeout: 10_000,
  });
  const done = Number(await demo.locator('p.status .done').textContent());
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(80);
  const ns = (await demo.locator('table.arms td.n').allTextContents()).map(Number);
  expect(ns.reduce((a, b) => a + b, 0)).toBe(done);
});

test('the tiny transformer ablation runs in the worker on a tfjs backend', async ({ page }) => {
  const demo = await openDemo(page, 'family=transformer&seeds=2&steps=5&tuning=none&noHead=false');
  await expect(demo.locator('p.plan')).toContainText('3 arms');
  await runCell(page);
  await expect(demo.locator('p.status')).toContainText(/6\/6 runs\s+finished in a worker \(tfjs on \w+\)/);
  const rows = await demo.locator('table.arms tbody th').allTextContents();
  expect(rows).toEqual(['full model', 'no positions', 'no residuals']);
  const means = (await demo.locator('table.arms td.mean').allTextContents()).map(parseFloat);
  expect(means.every((m) => m >= 0 && m <= 100)).toBe(true);
});

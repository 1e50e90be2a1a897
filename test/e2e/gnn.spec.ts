// The GNN cell (question 15) in a real browser: a link with small settings opens it; Run trains a GCN on
// the karate club from the two leaders and shows a finite accuracy far above chance with every member drawn;
// the stepper walks a layer node by node; the depth sweep draws 8 finite points with the energy falling;
// GAT gives a different result with edges of varying width; clicking two members adds a friendship and
// retrains; Copy link restores the settings in a fresh page, where Run gives the same numbers.
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';
import type { Page } from '@playwright/test';

async function openDemo(page: Page, query: string) {
  await page.goto(`/#gnn?${query}`);
  const demo = page.locator('viva-demo-gnn');
  await expect(demo.locator('svg.club-graph')).toBeVisible();
  return demo;
}

async function runCell(page: Page) {
  const cell = page.locator('viva-cell#gnn');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 30_000,
  });
}

test('Run trains a GCN from a link; the stepper steps; the depth sweep shows over-smoothing', async ({
  page,
}) => {
  const demo = await openDemo(page, 'epochs=100');
  await runCell(page);
  await expect(demo.locator('.epoch-count')).toHaveText('100');
  const accuracy = parseFloat((await demo.locator('.accuracy').textContent())!);
  expect(Number.isFinite(accuracy)).toBe(true);
  expect(accuracy).toBeGreaterThan(80);
  await expect(demo.locator('svg.embedding circle')).toHaveCount(34);
  await expect(demo.locator('svg.club-graph .member')).toHaveCount(34);
  await expect(demo.locator('svg.club-graph line.edge')).toHaveCount(78);

  const stepper = demo.locator('viva-gnn-stepper');
  await stepper.getByRole('button', { name: 'Next node' }).click();
  await expect(stepper.locator('.step-state')).toContainText('Node 0: 2 incoming messages, mean');
  await demo.getByLabel('Aggregate messages by').selectOption('sum');
  await expect(stepper.locator('.aggregate')).toHaveText('(1.00, 2.00)');
  await stepper.getByRole('button', { name: 'Whole layer' }).click();
  await expect(stepper.locator('.step-state')).toContainText('all 6 nodes updated');

  await demo.locator('button.sweep').click();
  await expect
    .poll(async () => (await plotData(demo.locator('viva-line-chart.depth-accuracy')))[0]?.x.length ?? 0, {
      timeout: 30_000,
    })
    .toBe(8);
  const [energy] = await plotData(demo.locator('viva-line-chart.energy'));
  expect(energy!.y.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  expect(energy!.y[7]!).toBeLessThan(energy!.y[0]! / 10);
  await expect(demo.locator('.readout-gap')).toHaveText('0.0e+0');
});

test('GAT changes the result and draws attention as edge width; clicking two members adds a friendship', async ({
  page,
}) => {
  const demo = await openDemo(page, 'epochs=60');
  await runCell(page);
  const gcnLoss = await demo.locator('.loss').textContent();
  await demo.getByLabel('Model').selectOption('gat');
  await runCell(page);
  expect(await demo.locator('.loss').textContent()).not.toBe(gcnLoss);
  const widths = await demo
    .locator('svg.club-graph line.edge')
    .evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('stroke-width'))));
  expect(widths).toHaveLength(78);
  expect(widths.every(Number.isFinite)).toBe(true);
  expect(Math.max(...widths) - Math.min(...widths)).toBeGreaterThan(0.5);

  await demo.locator('.member[data-node="16"]').click();
  await expect(demo.locator('.edit-note')).toContainText('Member 16 picked');
  await demo.locator('.member[data-node="33"]').click();
  await expect(demo.locator('.edit-note')).toContainText('Added the friendship 16–33: 79 friendships');
  await expect(demo.locator('svg.club-graph line.edge')).toHaveCount(79);
  await expect(demo.locator('svg.club-graph')).toHaveAttribute(
    'aria-label',
    /79 friendships, \d+% of unlabelled/,
  );
  await expect(demo.locator('.epoch-count')).toHaveText('60');
  // The keyboard route removes it again.
  await demo.getByLabel('First member', { exact: true }).selectOption('16');
  await demo.getByLabel('Second member', { exact: true }).selectOption('33');
  await demo.getByRole('button', { name: 'Remove friendship 16–33' }).click();
  await expect(demo.locator('svg.club-graph line.edge')).toHaveCount(78);
});

test('Copy link restores the settings in a fresh page, and Run there gives the same numbers', async ({
  page,
  context,
}) => {
  const demo = await openDemo(page, 'epochs=80');
  await demo.getByLabel('Model').selectOption('sage');
  const labelled = demo.getByRole('textbox', { name: 'Labelled members per faction', exact: true });
  await labelled.fill('3');
  await labelled.press('Enter');
  const cell = page.locator('viva-cell#gnn');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toBeVisible();
  const link = await page.evaluate(() => location.href);
  expect(new URL(link).hash).toBe('#gnn?model=sage&labelled=3&epochs=80');
  await runCell(page);
  const loss = await demo.locator('.loss').textContent();
  const accuracy = await demo.locator('.accuracy').textContent();
  expect(Number.isFinite(parseFloat(accuracy!))).toBe(true);

  const fresh = await context.newPage();
  await fresh.goto(link);
  const again = fresh.locator('viva-demo-gnn');
  await expect(again.getByLabel('Model')).toHaveValue('sage');
  await runCell(fresh);
  await expect(again.locator('.loss')).toHaveText(loss!);
  await expect(again.locator('.accuracy')).toHaveText(accuracy!);
});

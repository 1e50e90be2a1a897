import type { Locator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';

const pct = (text: string | null) => Number(text!.replace('%', ''));

test('Run trains the transformer until its sequence accuracy passes 99%, and the test box answers', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await page.goto('/#transformer');
  const cell = page.locator('viva-cell#transformer');
  await cell.locator('button.run').click();
  const demo = cell.locator('viva-demo-transformer');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  await expect(demo.locator('.params').first()).toContainText('17,867 parameters');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 220_000,
  });
  await expect(demo.locator('.run-message')).toContainText('Reached 99% sequence accuracy at step');
  expect(pct(await demo.locator('.accuracy').textContent())).toBeGreaterThanOrEqual(99);

  // The accuracy rose from near 0 (the curves are the plots' data).
  const acc = (await plotData(demo.locator('viva-line-chart.accuracy-curve')))[0]!.y;
  expect(acc[0]!).toBeLessThan(0.2);
  expect(acc.at(-1)!).toBeGreaterThanOrEqual(0.99);
  const loss = (await plotData(demo.locator('viva-line-chart.loss-curve')))[0]!.y;
  expect(loss.every(Number.isFinite)).toBe(true);
  expect(loss.at(-1)!).toBeLessThan(loss[0]! / 10);

  // Every layer and head has an attention map on the test input: 2 layers × 2 heads, 10 × 10 each.
  await expect(demo.locator('viva-attention-map.layer-map')).toHaveCount(4);
  await expect(demo.locator('viva-attention-map.layer-map').first().locator('.w')).toHaveCount(100);

  const box = demo.locator('input.test-input');
  await box.fill('12345');
  await box.press('Enter');
  await expect(demo.locator('.answer')).toContainText('expected 54321');
  await expect(demo.locator('.model-output')).toHaveText('54321');
  await box.fill('12a');
  await box.press('Enter');
  await expect(demo.locator('#test-error')).toContainText('Only the digits 0–9 are allowed');

  await cell.locator('button.reset').click();
  await expect(demo.locator('.accuracy')).toHaveText('—');
});

test('Pause keeps what was learned and Continue trains on from there; the accuracy rises', async ({
  page,
}) => {
  test.setTimeout(120_000);
  // From a link with "stop at 99%" off: a run that reached the target would end before Continue's 40 steps.
  // A link with settings opens the demo itself.
  await page.goto('/#transformer?stop=false');
  const demo = page.locator('viva-demo-transformer');
  await expect(demo.getByRole('switch', { name: /Stop at 99%/ })).toHaveAttribute('aria-checked', 'false');
  await demo.locator('button.train').click();
  await expect(demo.locator('button.train')).toHaveText('Pause');
  // Polled every 100 ms: in its worker a step takes ~20 ms here.
  await expect
    .poll(async () => Number(await demo.locator('.step').textContent()), {
      timeout: 60_000,
      intervals: [100],
    })
    .toBeGreaterThan(40);
  await demo.locator('button.train').click();
  await expect(demo.locator('button.train')).toHaveText('Continue');
  const stopped = Number(await demo.locator('.step').textContent());
  const accuracy = pct(await demo.locator('.token-accuracy').textContent());
  await page.waitForTimeout(500);
  expect(Number(await demo.locator('.step').textContent())).toBe(stopped);
  await demo.locator('button.train').click();
  await expect
    .poll(async () => Number(await demo.locator('.step').textContent()), {
      timeout: 60_000,
      intervals: [100],
    })
    .toBeGreaterThan(stopped + 40);
  // Training goes on from what was learned: the digit accuracy (measured every 20 steps) rises above the
  // paused model's, unless that one was already perfect.
  if (accuracy < 100)
    await expect
      .poll(async () => pct(await demo.locator('.token-accuracy').textContent()), { timeout: 60_000 })
      .toBeGreaterThan(accuracy);
  await demo.locator('button.train').click();
  await expect(demo.locator('button.train')).toHaveText('Continue');
  await expect(demo.locator('.engine')).toContainText('training on');
});

test('Copy link restores the changed settings in a fresh page, and the same run gives the same loss', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const box = (demo: Locator, label: string) => demo.getByRole('textbox', { name: label, exact: true });
  await page.goto('/?backend=cpu#transformer');
  const cell = page.locator('viva-cell#transformer');
  await cell.locator('button.open').click();
  const demo = cell.locator('viva-demo-transformer');
  for (const [label, value] of [
    ['Steps per run', '20'],
    ['Seed', '3'],
  ] as const) {
    await box(demo, label).fill(value);
    await box(demo, label).press('Enter');
  }
  await demo.getByLabel('d_model').selectOption('16');
  await demo.getByLabel('Layers').selectOption('1');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toBeVisible();
  const url = page.url();
  expect(new URL(url).hash).toBe('#transformer?dModel=16&layers=1&seed=3&steps=20');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 150_000,
  });
  await expect(demo.locator('.step')).toHaveText('20');
  const loss = await demo.locator('.loss').textContent();
  expect(Number(loss)).toBeGreaterThan(0);

  const fresh = await context.newPage();
  await fresh.goto(url);
  const freshCell = fresh.locator('viva-cell#transformer');
  const again = freshCell.locator('viva-demo-transformer');
  await expect(box(again, 'Steps per run')).toHaveValue('20', { timeout: 30_000 });
  await expect(box(again, 'Seed')).toHaveValue('3');
  await expect(again.getByLabel('d_model')).toHaveValue('16');
  await expect(again.getByLabel('Layers')).toHaveValue('1');
  await freshCell.locator('button.run').click();
  await expect(freshCell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 150_000,
  });
  await expect(again.locator('.step')).toHaveText('20');
  expect(await again.locator('.loss').textContent()).toBe(loss);
  await fresh.close();
});

test('the test box shows an answer only for its own input: none beside "abc", no verdict while edited', async ({
  page,
}) => {
  await page.goto('/#transformer');
  await page.locator('viva-cell#transformer button.open').click();
  const demo = page.locator('viva-demo-transformer');
  const box = demo.locator('input.test-input');
  const row = box.locator('xpath=..');
  await box.fill('12345');
  await box.press('Enter'); // the untrained model answers too
  await expect(demo.locator('.answer')).toContainText('expected 54321');
  await expect(row).toContainText(/[✓✗]/);
  await expect(demo.locator('viva-attention-map.layer-map')).toHaveCount(4);

  // Typed but not yet tested: the old verdict goes.
  await box.fill('11111');
  await expect(demo.locator('.answer')).toHaveCount(0);
  await expect(row.locator('.stale')).toHaveText('Press Enter to test this input.');

  await box.fill('abc');
  await box.press('Enter');
  await expect(demo.locator('#test-error')).toContainText('Only the digits 0–9 are allowed');
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(demo.locator('.answer')).toHaveCount(0);
  await expect(row).not.toContainText(/[✓✗]/);
  await expect(demo.locator('viva-attention-map.layer-map')).toHaveCount(0);

  // Fixing the input drops the message at once; Enter answers for it.
  await box.fill('22222');
  await expect(demo.locator('#test-error')).toHaveText('');
  await box.press('Enter');
  await expect(demo.locator('.answer')).toContainText('expected 22222');
});

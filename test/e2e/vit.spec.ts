// The Vision Transformer cell against the built site: a link with small settings opens it and Run trains the
// ViT and the CNN in the worker, drawing finite curves, attention rollout and the learned position map; the
// patch-size control changes the token sequence; Compare sweeps the training-set sizes; a file that is not an image gets a message; Copy link
// restores the settings in a fresh page, where the same Run gives the same numbers; a link with task=where
// labels by quadrant and training moves the learned position map.
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';
import type { Locator, Page } from '@playwright/test';

const SMALL = 'trainSize=128&steps=30&seed=3';

async function openDemo(page: Page, query = SMALL) {
  await page.goto(`/#vit?${query}`);
  const demo = page.locator('viva-demo-vit');
  await expect(demo.locator('.pixels').first()).toBeVisible();
  return demo;
}

async function runToDone(page: Page) {
  const cell = page.locator('viva-cell#vit');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 120_000,
  });
}

test('the patch size changes the token sequence; a non-image file gets a clear message', async ({ page }) => {
  const demo = await openDemo(page);
  await expect(demo.locator('.tokens .token')).toHaveCount(17); // CLS + 4×4 patches
  await demo.getByLabel('Patch size (pixels)').selectOption('2');
  await expect(demo.locator('.tokens .token')).toHaveCount(65);
  await demo.getByLabel('Patch size (pixels)').selectOption('8');
  await expect(demo.locator('.tokens .token')).toHaveCount(5);
  await demo
    .locator('input[type=file]')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hi') });
  await expect(demo.locator('.file-message')).toContainText('“notes.txt” is not an image');
});

test('Run trains the ViT and the CNN in the worker and draws finite curves and maps', async ({ page }) => {
  test.setTimeout(180_000);
  const demo = await openDemo(page);
  await runToDone(page);
  const loss = await plotData(demo.locator('viva-line-chart.loss-curve'));
  expect(loss.map((t) => t.name)).toEqual(['tiny ViT', 'small CNN']);
  for (const t of loss) {
    expect(t.y.length).toBe(30);
    expect(t.y.every(Number.isFinite)).toBe(true);
  }
  const acc = await plotData(demo.locator('viva-line-chart.accuracy-curve'));
  expect(acc.every((t) => t.y.length === 1 && t.y[0]! >= 0 && t.y[0]! <= 1)).toBe(true);
  await expect(demo.locator('viva-heatmap.rollout')).toHaveCount(4);
  const rollout = await demo
    .locator('viva-heatmap.rollout')
    .first()
    .evaluate((el) => (el as unknown as { z: number[][] }).z.flat());
  expect(rollout.length).toBe(16);
  expect(rollout.every((v) => Number.isFinite(v) && v > 0)).toBe(true);
  await expect(demo.locator('viva-heatmap.similarity.learned')).toHaveCount(1);
  await expect(demo.locator('.result-vit')).toContainText('test accuracy');
});

test('Copy link restores the settings in a fresh page, and Run there gives the same numbers; a seed change differs', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const demo = await openDemo(page, 'trainSize=128&steps=20&withCnn=false');
  await demo.getByLabel('Seed').fill('5');
  await demo.getByLabel('Seed').press('Enter');
  const cell = page.locator('viva-cell#vit');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toBeVisible();
  const link = await page.evaluate(() => location.href);
  expect(new URL(link).hash).toBe('#vit?trainSize=128&steps=20&withCnn=false&seed=5');
  await runToDone(page);
  const first = (await plotData(demo.locator('viva-line-chart.loss-curve')))[0]!.y;
  expect(first.length).toBe(20);

  const fresh = await context.newPage();
  await fresh.goto(link);
  const again = fresh.locator('viva-demo-vit');
  await expect(again.getByLabel('Seed')).toHaveValue('5');
  await runToDone(fresh);
  const second = (await plotData(again.locator('viva-line-chart.loss-curve')))[0]!.y;
  expect(second).toEqual(first);

  await again.getByLabel('Seed').fill('6');
  await again.getByLabel('Seed').press('Enter');
  // A new seed throws the trained models away: the demo asks first.
  await again.getByRole('button', { name: 'Change it' }).click();
  await expect(again.getByLabel('Seed')).toHaveValue('6');
  await runToDone(fresh);
  const third = (await plotData(again.locator('viva-line-chart.loss-curve')))[0]!.y;
  expect(third).not.toEqual(first);
});

test('Compare measures both models at each training-set size', async ({ page }) => {
  test.setTimeout(180_000);
  const demo = await openDemo(page, 'compareSteps=10');
  await demo.locator('button.compare').click();
  await expect(demo.locator('viva-line-chart.size-curve')).toBeVisible({ timeout: 120_000 });
  await expect
    .poll(async () => (await plotData(demo.locator('viva-line-chart.size-curve'))).map((t) => t.x.length), {
      timeout: 120_000,
    })
    .toEqual([3, 3]);
  const traces = await plotData(demo.locator('viva-line-chart.size-curve'));
  expect(traces[0]!.x).toEqual([256, 1024, 4096]);
  expect(traces.every((t) => t.y.every((v) => v >= 0 && v <= 1))).toBe(true);
});

test('Stop keeps the curves, a rerun finishes, and the worker holds no tensor beyond its baseline', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const demo = await openDemo(page, 'trainSize=128&steps=2000&withCnn=false');
  const cell = page.locator('viva-cell#vit');
  await cell.locator('button.run').click();
  await expect
    .poll(async () => (await plotData(demo.locator('viva-line-chart.loss-curve')))[0]?.y.length ?? 0, {
      timeout: 60_000,
    })
    .toBeGreaterThan(0);
  await demo.locator('button.stop').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped');
  const kept = (await plotData(demo.locator('viva-line-chart.loss-curve')))[0]!.y.length;
  expect(kept).toBeGreaterThan(0);
  expect(kept).toBeLessThan(2000);
  await demo.getByRole('textbox', { name: 'Training steps (batch 32)', exact: true }).fill('20');
  await demo.getByRole('textbox', { name: 'Training steps (batch 32)', exact: true }).press('Enter');
  await demo.getByRole('button', { name: 'Change it' }).click(); // the stopped models are thrown away
  await expect(demo.getByRole('textbox', { name: 'Training steps (batch 32)', exact: true })).toHaveValue(
    '20',
  );
  await runToDone(page);
  expect((await plotData(demo.locator('viva-line-chart.loss-curve')))[0]!.y.length).toBe(20);
  await expect(demo.locator('.tensors-left')).toHaveText('0');
});

test('the user’s own image is downscaled to 16×16 and cut into patches', async ({ page }) => {
  const demo = await openDemo(page);
  const png = await page.screenshot({ clip: { x: 0, y: 0, width: 120, height: 90 } });
  await demo
    .locator('input[type=file]')
    .setInputFiles({ name: 'mine.png', mimeType: 'image/png', buffer: png });
  await expect(demo.locator('.file-message')).toContainText('Your image “mine.png”, downscaled to 16×16.');
  await expect(demo.locator('.tokens .token')).toHaveCount(17);
  await expect(demo.locator('.pixels').first().locator('i')).toHaveCount(256);
});

test('a link with task=where labels by quadrant, and training moves the learned position map', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const similarity = (demo: Locator) =>
    demo.evaluate(
      (el) =>
        (el as unknown as { session: { evaluations: { vit: { positionSimilarity: number[][] } } } }).session
          .evaluations.vit.positionSimilarity,
    );
  const early = await openDemo(page, 'task=where&trainSize=256&steps=10&withCnn=false');
  await expect(early.getByLabel('Label', { exact: true })).toHaveValue('where');
  await runToDone(page);
  await expect(early.locator('.attention')).toContainText(/predicted: (top|bottom) (left|right)/);
  const before = await similarity(early);
  await early.getByRole('textbox', { name: 'Training steps (batch 32)', exact: true }).fill('200');
  await early.getByRole('textbox', { name: 'Training steps (batch 32)', exact: true }).press('Enter');
  await early.getByRole('button', { name: 'Change it' }).click();
  await runToDone(page);
  const after = await similarity(early);
  expect(after.length).toBe(16);
  const change = Math.max(...after.flatMap((row, i) => row.map((v, j) => Math.abs(v - before[i]![j]!))));
  expect(change).toBeGreaterThan(0.1);
  await expect(early.locator('viva-heatmap.similarity.learned')).toHaveCount(1);
});

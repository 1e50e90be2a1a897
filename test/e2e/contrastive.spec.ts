// The contrastive cell (question 10) in a real browser: a link with small settings opens it, Run trains and
// draws finite embeddings on the unit circle with a probe far above chance, the temperature changes the
// gradient-weight plot at once, the objective changes the result (alignment alone collapses), Stop ends the
// run promptly and keeps what was learned, and Copy link restores the settings in a fresh page where Run gives
// the same numbers; the image–text toy trains with CLIP and with SigLIP to a lit diagonal and zero-shot
// accuracy far above chance. Both train in the cell's worker.
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';
import type { Page } from '@playwright/test';

type Demo = ReturnType<Page['locator']>;

async function openDemo(page: Page, query: string) {
  await page.goto(`/#contrastive?${query}`);
  const demo = page.locator('viva-demo-contrastive');
  await expect(demo.locator('viva-heatmap.embedding')).toBeVisible();
  return demo;
}

async function runCell(page: Page) {
  const cell = page.locator('viva-cell#contrastive');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 60_000,
  });
}

/** The embedding points the canvas draws: count, all finite, and their largest distance from radius 1. */
function embedding(demo: Demo) {
  return demo.locator('viva-heatmap.embedding').evaluate((el) => {
    const pts = (el as unknown as { points: { x: number; y: number }[] }).points;
    return {
      count: pts.length,
      finite: pts.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)),
      offCircle: Math.max(...pts.map((p) => Math.abs(Math.hypot(p.x, p.y) - 1))),
    };
  });
}

const percent = async (demo: Demo, cls: string) => parseFloat((await demo.locator(cls).textContent())!);

test('Run trains from a link, draws the embedding on the unit circle, and the probe beats the untrained encoder', async ({
  page,
}) => {
  const demo = await openDemo(page, 'steps=200');
  await runCell(page);
  await expect(demo.locator('.step-count')).toHaveText('200');
  await expect(demo.locator('p.where')).toContainText('in a worker');
  const e = await embedding(demo);
  expect(e.count).toBe(256);
  expect(e.finite).toBe(true);
  expect(e.offCircle).toBeLessThan(1e-9);
  const probe = await percent(demo, '.probe');
  expect(probe).toBeGreaterThan(90);
  expect(probe).toBeGreaterThan((await percent(demo, '.probe-untrained')) + 10);
  const [wi] = await plotData(demo.locator('viva-line-chart.wang-isola'));
  expect(wi!.x.length).toBe(11);
  expect([...wi!.x, ...wi!.y].every(Number.isFinite)).toBe(true);

  // The temperature redraws the gradient-weight plot at once, on the trained embedding.
  const before = (await plotData(demo.locator('viva-line-chart.negatives')))[0]!.y;
  const tau = demo.getByRole('textbox', { name: 'Temperature τ', exact: true });
  await tau.fill('0.05');
  await tau.press('Enter');
  await expect(demo.locator('.hard-share')).toContainText('τ = 0.05');
  const after = (await plotData(demo.locator('viva-line-chart.negatives')))[0]!.y;
  expect(Math.max(...after)).toBeGreaterThan(Math.max(...before));

  // Without negatives the embedding collapses: uniformity goes to 0 and the probe falls.
  await demo.getByLabel('Objective').selectOption('align');
  await runCell(page);
  expect(Number(await demo.locator('.uniformity').textContent())).toBeGreaterThan(-0.01);
  expect(await percent(demo, '.probe')).toBeLessThan(probe - 20);
});

test('Stop ends the run in the worker promptly and keeps what was learned, measured at the step it reached', async ({
  page,
}) => {
  const demo = await openDemo(page, 'steps=5000');
  const cell = page.locator('viva-cell#contrastive');
  await cell.locator('button.run').click();
  await expect
    .poll(async () => Number(await demo.locator('.step-count').textContent()), { timeout: 30_000 })
    .toBeGreaterThan(60);
  await cell.locator('button.stop').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'stopped', {
    timeout: 5_000,
  });
  const kept = Number(await demo.locator('.step-count').textContent());
  expect(kept).toBeGreaterThan(60);
  expect(kept).toBeLessThan(5000);
  await page.waitForTimeout(300);
  await expect(demo.locator('.step-count')).toHaveText(String(kept));
  const [loss] = await plotData(demo.locator('viva-line-chart.loss-chart'));
  expect(loss!.x.at(-1)).toBe(kept);
  expect((await embedding(demo)).finite).toBe(true);
});

test('Copy link restores the settings in a fresh page, and Run there gives the same numbers', async ({
  page,
  context,
}) => {
  const demo = await openDemo(page, 'steps=60');
  await demo.getByLabel('Data set').selectOption('rings');
  await demo.getByLabel('Batch (pairs)').selectOption('32');
  const cell = page.locator('viva-cell#contrastive');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toBeVisible();
  const link = await page.evaluate(() => location.href);
  expect(new URL(link).hash).toBe('#contrastive?data=rings&batch=32&steps=60');
  await runCell(page);
  const loss = await demo.locator('.loss').textContent();
  const probe = await demo.locator('.probe').textContent();

  const fresh = await context.newPage();
  await fresh.goto(link);
  const again = fresh.locator('viva-demo-contrastive');
  await expect(again.getByLabel('Data set')).toHaveValue('rings');
  await expect(again.getByLabel('Batch (pairs)')).toHaveValue('32');
  await runCell(fresh);
  await expect(again.locator('.loss')).toHaveText(loss!);
  await expect(again.locator('.probe')).toHaveText(probe!);
});

test('the image–text toy trains with CLIP, then SigLIP: the diagonal lights up and zero-shot beats chance', async ({
  page,
}) => {
  const demo = await openDemo(page, 'pairSteps=100');
  const matrix = () =>
    demo
      .locator('viva-heatmap.similarity')
      .evaluate((el) => (el as unknown as { z: number[][] }).z.map((r) => Array.from(r)));
  const diagonalGap = (z: number[][]) => {
    const diag = z.reduce((a, r, i) => a + r[i]!, 0) / z.length;
    const off =
      z.reduce((a, r, i) => a + r.reduce((q, v, j) => q + (i === j ? 0 : v), 0), 0) /
      (z.length * (z.length - 1));
    return diag - off;
  };
  const train = async () => {
    await demo.locator('button.pairs-train').click();
    await expect(demo.locator('.pairs-step')).toHaveText('100', { timeout: 60_000 });
    await expect(demo.locator('button.pairs-train')).toBeEnabled();
  };
  await train();
  const z = await matrix();
  expect(z.length).toBe(8);
  expect(z.flat().every((v) => Number.isFinite(v) && Math.abs(v) <= 1 + 1e-9)).toBe(true);
  expect(diagonalGap(z)).toBeGreaterThan(0.2);
  expect(parseFloat((await demo.locator('.zero-shot').textContent())!)).toBeGreaterThan(80);
  const clipLoss = (await plotData(demo.locator('viva-line-chart.pairs-loss')))[0]!.y.at(-1)!;

  await demo.getByLabel('Image–text loss', { exact: true }).selectOption('siglip');
  await expect(demo.locator('.pairs-step')).toHaveText('0');
  await train();
  const sigLoss = (await plotData(demo.locator('viva-line-chart.pairs-loss')))[0]!.y.at(-1)!;
  expect(Number.isFinite(sigLoss)).toBe(true);
  expect(sigLoss).not.toBe(clipLoss);
  expect(parseFloat((await demo.locator('.zero-shot').textContent())!)).toBeGreaterThan(80);
});

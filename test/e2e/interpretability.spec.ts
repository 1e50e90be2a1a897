// The interpretability cell (question 16) in a real browser: a link with small settings opens it, Run trains
// the tabular MLP and fills the attribution table with finite values and a finite score per method; the
// integrated-gradient steps (a live setting) change the attributions and the completeness gap at once; Copy
// link restores the settings in a fresh page where Run gives the same numbers; the image panel's CNN draws its
// maps and the sanity check; the transformer, trained in the panel's worker, is patched head by head.
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

async function openDemo(page: Page, query: string) {
  await page.goto(`/#interpretability?${query}`);
  const demo = page.locator('viva-demo-interpretability');
  await expect(demo.getByLabel('Integrated-gradient steps', { exact: true }).first()).toBeVisible();
  return demo;
}

async function runCell(page: Page) {
  const cell = page.locator('viva-cell#interpretability');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 60_000,
  });
}

/** Every method row of the attribution table: its values and its score. */
function table(demo: ReturnType<Page['locator']>) {
  return demo.locator('table.attributions tbody tr.method').evaluateAll((rows) =>
    rows.map((r) => ({
      id: r.className,
      values: [...r.querySelectorAll('td.num')].map((td) => Number(td.textContent)),
      score: Number(r.querySelector('td.score')!.textContent),
    })),
  );
}

test('Run from a link trains, fills every method with finite attributions and scores, and IG steps recompute at once', async ({
  page,
}) => {
  const demo = await openDemo(page, 'trainSteps=150&igSteps=2');
  await runCell(page);
  await expect(demo.locator('.tab-steps')).toHaveText('150');
  const rows = await table(demo);
  expect(rows.map((r) => r.id)).toEqual([
    'method gradient',
    'method gradInput',
    'method smoothGrad',
    'method ig',
    'method shap',
    'method lime',
    'method permutation',
  ]);
  for (const r of rows) {
    expect(r.values).toHaveLength(8);
    expect(r.values.every(Number.isFinite)).toBe(true);
    expect(r.score).toBeGreaterThanOrEqual(-1);
    expect(r.score).toBeLessThanOrEqual(1);
  }
  expect(Number(await demo.locator('.test-r2').textContent())).toBeGreaterThan(0.8);
  const gap2 = Math.abs(Number(await demo.locator('.ig-gap').textContent()));
  const ig2 = rows.find((r) => r.id === 'method ig')!.values;

  const steps = demo.getByRole('textbox', { name: 'Integrated-gradient steps', exact: true });
  await steps.fill('128');
  await steps.press('Enter');
  await expect
    .poll(async () => Math.abs(Number(await demo.locator('.ig-gap').textContent())))
    .toBeLessThan(gap2);
  const ig128 = (await table(demo)).find((r) => r.id === 'method ig')!.values;
  expect(ig128).not.toEqual(ig2);
  // Exact SHAP's efficiency gap is rounding.
  expect(Math.abs(Number(await demo.locator('.shap-gap').textContent()))).toBeLessThan(1e-9);
});

test('Copy link restores the settings in a fresh page, and Run there gives the same numbers', async ({
  page,
  context,
}) => {
  const demo = await openDemo(page, 'trainSteps=80');
  const sample = demo.getByRole('textbox', { name: 'Point explained', exact: true });
  await sample.fill('7');
  await sample.press('Enter');
  const cell = page.locator('viva-cell#interpretability');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toBeVisible();
  const link = await page.evaluate(() => location.href);
  expect(new URL(link).hash).toBe('#interpretability?trainSteps=80&sample=7');
  await runCell(page);
  const before = await table(demo);

  const fresh = await context.newPage();
  await fresh.goto(link);
  const again = fresh.locator('viva-demo-interpretability');
  await expect(again.getByRole('textbox', { name: 'Point explained', exact: true })).toHaveValue('7');
  await runCell(fresh);
  expect(await table(again)).toEqual(before);
});

test('Train CNN draws finite maps and the sanity check, a new image recomputes them; Train transformer patches every head', async ({
  page,
}) => {
  const demo = await openDemo(page, 'imageSteps=40&igSteps=4&sgSamples=2&headSteps=60');
  await demo.locator('button.image-train').click();
  const corr = () =>
    demo
      .locator('table.sanity td.corr')
      .evaluateAll((tds) => tds.map((td) => (td.textContent === 'n/a' ? 0 : Number(td.textContent))));
  await expect.poll(async () => (await corr()).filter(Number.isFinite).length, { timeout: 60_000 }).toBe(15);
  await expect(demo.locator('button.image-train')).toBeEnabled();
  await expect(demo.locator('.image-step')).toHaveText('40');
  for (const c of await corr()) expect(Math.abs(c)).toBeLessThanOrEqual(1);
  const z = (cls: string) =>
    demo
      .locator(`viva-heatmap.${cls}`)
      .evaluate((el) => (el as unknown as { z: number[][] }).z.flatMap((r) => Array.from(r)));
  const grad0 = await z('map-gradient');
  expect(grad0).toHaveLength(256);
  expect(grad0.every((v) => Number.isFinite(v) && v >= 0)).toBe(true);
  expect(Math.max(...grad0)).toBeGreaterThan(0);
  const input0 = await z('input');

  const image = demo.getByRole('textbox', { name: 'Image explained', exact: true });
  await image.fill('3');
  await image.press('Enter');
  await expect(demo.locator('p.explained')).toContainText('Image 3');
  await expect.poll(async () => (await corr()).filter(Number.isFinite).length, { timeout: 30_000 }).toBe(15);
  expect(await z('input')).not.toEqual(input0);
  expect(await z('map-gradient')).not.toEqual(grad0);

  // The transformer: per-head patching beside attention; every head patched at once restores everything.
  await demo.locator('button.heads-train').click();
  await expect(demo.locator('.all-restored')).toHaveText('100.0%', { timeout: 60_000 });
  await expect(demo.locator('.heads-step')).toHaveText('60');
  await expect(demo.locator('.heads-train + .heads-stop + .hint')).toContainText('in a worker');
  const heads = () =>
    demo
      .locator('table.heads tr.head')
      .evaluateAll((rows) =>
        rows.map((r) => [r.querySelector('.attn')!.textContent, r.querySelector('.restored')!.textContent]),
      );
  const first = await heads();
  expect(first).toHaveLength(4);
  for (const [a, f] of first) {
    expect(Number.isFinite(Number(a))).toBe(true);
    expect(Number.isFinite(parseFloat(f!))).toBe(true);
  }
  const at = demo.getByRole('textbox', { name: 'Digit corrupted (0–3)', exact: true });
  await at.fill('3');
  await at.press('Enter');
  await expect.poll(heads).not.toEqual(first);
  await expect(demo.locator('.all-restored')).toHaveText('100.0%');
});

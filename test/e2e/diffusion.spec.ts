import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';
import type { Page } from '@playwright/test';

async function openDemo(page: Page) {
  await page.goto('/#diffusion');
  await page.locator('viva-cell#diffusion button.open').click();
  const demo = page.locator('viva-demo-diffusion');
  await expect(demo.locator('viva-diffusion-forward .signal')).toBeVisible();
  return demo;
}

async function setNumber(demo: ReturnType<Page['locator']>, slider: string, value: number) {
  const input = demo.locator(`viva-slider.${slider} input.number`);
  await input.fill(String(value));
  await input.press('Enter');
}

/** The x and y of every trace of one of the cell's line charts. */
function chartData(demo: ReturnType<Page['locator']>, chart: string) {
  return plotData(demo.locator(`viva-line-chart.${chart}`));
}

/** The layers a <viva-point-canvas> draws: points as [x, y] arrays, arrows as their segment count. */
function canvasLayers(demo: ReturnType<Page['locator']>, canvas: string) {
  return demo.locator(`viva-point-canvas.${canvas}`).evaluate((el) =>
    (
      el as unknown as {
        layers: ({ kind: 'points'; points: Float64Array } | { kind: 'arrows'; segments: Float64Array })[];
      }
    ).layers.map((l) => {
      const values = Array.from(l.kind === 'points' ? l.points : l.segments);
      return {
        kind: l.kind,
        count: values.length / (l.kind === 'points' ? 2 : 4),
        finite: values.every(Number.isFinite),
        first: values[0],
      };
    }),
  );
}

const firstNumber = async (demo: ReturnType<Page['locator']>, selector: string) =>
  Number((await demo.locator(selector).textContent())!.trim().split(' ')[0]);

test('the t slider moves the cloud from data to noise; the cosine schedule keeps more signal midway', async ({
  page,
}) => {
  const demo = await openDemo(page);
  const forward = demo.locator('viva-diffusion-forward');
  await setNumber(forward, 't', 0);
  await expect(forward.locator('.signal')).toHaveText('1.0000');
  await expect(forward.locator('.spread')).toHaveText('0.0000');
  const clean = (await canvasLayers(forward, 'forward-cloud'))[0];
  expect(clean).toMatchObject({ kind: 'points', count: 1000, finite: true });

  // Linear schedule, T = 1000: ᾱ_T ≈ 4.04e-5, so √ᾱ_T ≈ 0.0064.
  await setNumber(forward, 't', 1000);
  await expect(forward.locator('.signal')).toHaveText('0.0064');
  await expect
    .poll(async () => (await canvasLayers(forward, 'forward-cloud'))[0].first)
    .not.toBe(clean.first);
  await setNumber(forward, 't', 500);
  const linearSignal = Number(await forward.locator('.signal').textContent());
  expect(linearSignal).toBeLessThan(0.3);
  await forward.locator('viva-select.schedule select').selectOption('cosine');
  await expect(forward.locator('.signal')).toHaveText('0.7027'); // √(0.49384)
  const curves = await chartData(forward, 'schedules');
  expect(curves.length).toBeGreaterThanOrEqual(4);
  expect(curves.slice(0, 4).every((c) => c.y.length === 1000 && c.y.every(Number.isFinite))).toBe(true);
});

test('Run trains, samples, and the samples land far closer to the data than the untrained network’s', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const demo = await openDemo(page);
  const cell = page.locator('viva-cell#diffusion');
  // A shorter recipe keeps this test quick on a busy machine; the benchmark runs the full one.
  await setNumber(demo, 'train-steps', 600);
  await setNumber(demo, 'sample-steps', 50);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  await expect(cell.locator('viva-progress')).toBeVisible();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 200_000,
  });

  await expect(demo.locator('.step-count')).toHaveText('600');
  const untrained = await firstNumber(demo, '.quality-untrained');
  const trained = await firstNumber(demo, '.quality-latest');
  const noise = Number(await demo.locator('.quality-noise').textContent());
  const floor = Number(await demo.locator('.quality-floor').textContent());
  expect(untrained).toBeGreaterThan(noise);
  expect(trained).toBeLessThan(untrained / 4);
  expect(trained).toBeLessThan(noise / 2);
  expect(floor).toBeLessThan(trained + noise);

  const loss = await chartData(demo, 'loss-curve');
  expect(loss[0].y.length).toBeGreaterThan(10);
  expect(loss[0].y.every(Number.isFinite)).toBe(true);
  const samples = await canvasLayers(demo, 'samples');
  expect(samples).toHaveLength(2);
  expect(samples[1]).toMatchObject({ kind: 'points', count: 1000, finite: true });
  const field = await canvasLayers(demo, 'field');
  expect(field[1]).toMatchObject({ kind: 'arrows', count: 17 * 17, finite: true });

  // Run ends by playing the animation once; then the frame slider scrubs back to the noise at t = T.
  await expect(demo.locator('button.play')).toHaveText('Play', { timeout: 30_000 });
  await setNumber(demo, 'frame', 0);
  await expect(demo.locator('.frame-t')).toHaveText('1000');

  // Another sampler gives another result.
  await demo.locator('viva-select.method select').selectOption('ddim');
  await demo.locator('button.sample').click();
  await expect(demo.locator('.row-latest')).toContainText('DDIM, 50 steps', { timeout: 60_000 });
  expect(await firstNumber(demo, '.quality-latest')).not.toBe(trained);
});

test('Train and Pause keep what was learned; the per-timestep loss is drawn; Reset starts again', async ({
  page,
}) => {
  const demo = await openDemo(page);
  await setNumber(demo, 'train-steps', 20000);
  await demo.locator('button.train').click();
  await expect(demo.locator('button.train')).toHaveText('Pause');
  await expect
    .poll(async () => Number(await demo.locator('.step-count').textContent()), { timeout: 30_000 })
    .toBeGreaterThan(50);
  await demo.locator('button.train').click();
  await expect(demo.locator('button.train')).toContainText('more');
  const kept = Number(await demo.locator('.step-count').textContent());
  expect(kept).toBeGreaterThan(50);
  await page.waitForTimeout(300);
  await expect(demo.locator('.step-count')).toHaveText(String(kept));

  await demo.locator('viva-toggle.loss-by-t button').click();
  await expect
    .poll(async () => (await chartData(demo, 'loss-by-t-plot').catch(() => []))[0]?.y.length ?? 0, {
      timeout: 30_000,
    })
    .toBe(20);
  const byT = (await chartData(demo, 'loss-by-t-plot'))[0];
  expect(byT.y.every((v) => Number.isFinite(v) && v > 0)).toBe(true);

  await page.locator('viva-cell#diffusion button.reset').click();
  await expect(demo.locator('.step-count')).toHaveText('0');
  await expect(demo.locator('viva-slider.train-steps input.number')).toHaveValue('2500');
});

test('the tfjs engine trains in the cell on the page backend and continues the same network', async ({
  page,
}) => {
  const demo = await openDemo(page);
  await setNumber(demo, 'train-steps', 40);
  await demo.locator('button.train').click();
  await expect(demo.locator('.step-count')).toHaveText('40', { timeout: 30_000 });
  // On software WebGL (SwiftShader, as here) a tfjs step of this tiny net takes ~1 s: train only 10.
  await demo.locator('viva-select.engine select').selectOption('tfjs');
  await setNumber(demo, 'train-steps', 10);
  await demo.locator('button.train').click();
  await expect(demo.locator('.step-count')).toHaveText('50', { timeout: 50_000 });
  await expect(demo.locator('viva-diffusion-train .stats').first()).toContainText('(tfjs)');
  await expect(demo.locator('button.train')).toContainText('more');
  const loss = Number(await demo.locator('.loss').textContent());
  expect(Number.isFinite(loss) && loss > 0 && loss < 2).toBe(true);
});

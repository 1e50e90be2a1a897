import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';
import type { Page } from '@playwright/test';

type Demo = ReturnType<Page['locator']>;

/** Opens the cell's demo: with a link's settings (which loads it), or with its button. */
async function openDemo(page: Page, query = '') {
  await page.goto(`/#diffusion${query ? `?${query}` : ''}`);
  if (!query) await page.locator('viva-cell#diffusion button.open').click();
  const demo = page.locator('viva-demo-diffusion');
  await expect(demo.locator('.forward .signal')).toBeVisible();
  return demo;
}

/** The number box of a setting's slider (inside <viva-settings>), found by its label. */
const numberBox = (demo: Demo, label: string) => demo.getByRole('textbox', { name: label, exact: true });

async function setNumber(demo: Demo, label: string, value: number) {
  const input = numberBox(demo, label);
  await input.fill(String(value));
  await input.press('Enter');
}

/** The x and y of every trace of one of the cell's line charts. */
function chartData(demo: Demo, chart: string) {
  return plotData(demo.locator(`viva-line-chart.${chart}`));
}

/** The layers a <viva-point-canvas> draws: points as [x, y] arrays, arrows as their segment count. */
function canvasLayers(demo: Demo, canvas: string) {
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

const firstNumber = async (demo: Demo, selector: string) =>
  Number((await demo.locator(selector).textContent())!.trim().split(' ')[0]);

test('the t slider moves the cloud from data to noise; the cosine schedule keeps more signal midway', async ({
  page,
}) => {
  const demo = await openDemo(page);
  const forward = demo.locator('section.forward');
  const t = 'Timestep t (0 = data, 1000 = noise)';
  await setNumber(forward, t, 0);
  await expect(forward.locator('.signal')).toHaveText('1.0000');
  await expect(forward.locator('.spread')).toHaveText('0.0000');
  const clean = (await canvasLayers(forward, 'forward-cloud'))[0];
  expect(clean).toMatchObject({ kind: 'points', count: 1000, finite: true });

  // Linear schedule, T = 1000: ᾱ_T ≈ 4.04e-5, so √ᾱ_T ≈ 0.0064.
  await setNumber(forward, t, 1000);
  await expect(forward.locator('.signal')).toHaveText('0.0064');
  await expect
    .poll(async () => (await canvasLayers(forward, 'forward-cloud'))[0].first)
    .not.toBe(clean.first);
  await setNumber(forward, t, 500);
  const linearSignal = Number(await forward.locator('.signal').textContent());
  expect(linearSignal).toBeLessThan(0.3);
  await forward.getByLabel('Noise schedule').selectOption('cosine');
  await expect(forward.locator('.signal')).toHaveText('0.7027'); // √(0.49384)
  const curves = await chartData(forward, 'schedules');
  expect(curves.length).toBeGreaterThanOrEqual(4);
  expect(curves.slice(0, 4).every((c) => c.y.length === 1000 && c.y.every(Number.isFinite))).toBe(true);
});

test('Run trains, samples, and the samples land far closer to the data than the untrained network’s', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // A short recipe on the two moons, by link: the unit tests prove the same run (same float64 numbers)
  // brings the samples within a tenth of the untrained distance; the benchmark runs the full recipe.
  const demo = await openDemo(page, 'data=moons&steps=400&sampleSteps=50');
  const cell = page.locator('viva-cell#diffusion');
  await expect(numberBox(demo, 'Training steps')).toHaveValue('400');
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'running');
  await expect(cell.locator('viva-progress')).toBeVisible();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 200_000,
  });

  await expect(demo.locator('.step-count')).toHaveText('400');
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
  await demo.locator('viva-slider.frame input.number').fill('0');
  await demo.locator('viva-slider.frame input.number').press('Enter');
  await expect(demo.locator('.frame-t')).toHaveText('1000');

  // Another sampler gives another result.
  await demo.getByLabel('Sampler').selectOption('ddim');
  await demo.locator('button.sample').click();
  await expect(demo.locator('.row-latest')).toContainText('DDIM, 50 steps', { timeout: 60_000 });
  expect(await firstNumber(demo, '.quality-latest')).not.toBe(trained);
});

test('Train and Pause keep what was learned; the per-timestep loss is drawn; Reset starts again', async ({
  page,
}) => {
  const demo = await openDemo(page, 'steps=20000');
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
  await expect(demo.locator('section.train span.stats')).toContainText('(typed, in a worker)');

  await demo.getByRole('switch', { name: 'Loss at each timestep (held-out data)' }).click();
  await expect
    .poll(async () => (await chartData(demo, 'loss-by-t-plot').catch(() => []))[0]?.y.length ?? 0, {
      timeout: 30_000,
    })
    .toBe(20);
  const byT = (await chartData(demo, 'loss-by-t-plot'))[0];
  expect(byT.y.every((v) => Number.isFinite(v) && v > 0)).toBe(true);

  await page.locator('viva-cell#diffusion button.reset').click();
  await expect(demo.locator('.step-count')).toHaveText('0');
  await expect(numberBox(demo, 'Training steps')).toHaveValue('2500');
  await expect(demo.locator('.loss-by-t-plot')).toHaveCount(0);
});

test('the tfjs engine trains in the cell on the page backend and continues the same network', async ({
  page,
}) => {
  const demo = await openDemo(page, 'steps=40');
  await demo.locator('button.train').click();
  await expect(demo.locator('.step-count')).toHaveText('40', { timeout: 30_000 });
  // On software WebGL (SwiftShader, as here) a tfjs step of this tiny net takes ~1 s: train only 10.
  await demo.getByLabel('Engine').selectOption('tfjs');
  await setNumber(demo, 'Training steps', 10);
  await demo.locator('button.train').click();
  await expect(demo.locator('.step-count')).toHaveText('50', { timeout: 50_000 });
  await expect(demo.locator('section.train span.stats')).toContainText('(tfjs)');
  await expect(demo.locator('button.train')).toContainText('more');
  const loss = Number(await demo.locator('.loss').textContent());
  expect(Number.isFinite(loss) && loss > 0 && loss < 2).toBe(true);
});

test('Copy link restores the settings in a fresh page, and Run there gives the same numbers', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const demo = await openDemo(page);
  await demo.getByLabel('Data set').selectOption('moons');
  await demo.getByLabel('Seed').fill('7');
  await demo.getByLabel('Seed').press('Enter');
  await setNumber(demo, 'Training steps', 100);
  await demo.getByLabel('Sampler').selectOption('ddim');
  await setNumber(demo, 'Sampling steps (of T = 1000)', 20);
  const cell = page.locator('viva-cell#diffusion');
  await cell.locator('button.copy-link').click();
  await expect(cell.locator('.link-note')).toBeVisible();
  const link = await page.evaluate(() => location.href);
  expect(new URL(link).hash).toBe('#diffusion?data=moons&seed=7&steps=100&sampler=ddim&sampleSteps=20');
  const note = (await cell.locator('.link-note').textContent()) ?? '';
  if (note.startsWith('Copy this link')) expect(note).toContain(link);

  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 120_000,
  });
  const distance = await demo.locator('.quality-latest').textContent();
  const loss = await demo.locator('.loss').textContent();
  expect(Number(distance)).toBeGreaterThan(0);

  const fresh = await context.newPage();
  await fresh.goto(link);
  const again = fresh.locator('viva-demo-diffusion');
  await expect(again.getByLabel('Data set')).toHaveValue('moons');
  await expect(again.getByLabel('Seed')).toHaveValue('7');
  await expect(numberBox(again, 'Training steps')).toHaveValue('100');
  await expect(again.getByLabel('Sampler')).toHaveValue('ddim');
  await expect(numberBox(again, 'Sampling steps (of T = 1000)')).toHaveValue('20');
  const freshCell = fresh.locator('viva-cell#diffusion');
  await freshCell.locator('button.run').click();
  await expect(freshCell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 120_000,
  });
  await expect(again.locator('.quality-latest')).toHaveText(distance!);
  await expect(again.locator('.loss')).toHaveText(loss!);
  await expect(freshCell.locator('viva-run-cards li').first()).toContainText('seed 7');
});

test('the forward view opens with the clean data overlaid, and the schedule chart is not cut on the right', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const demo = await openDemo(page);
  const forward = demo.locator('section.forward');
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // At the default t = 250 the noised cloud hides the swiss roll; the clean data are drawn over it.
    const layers = await canvasLayers(forward, 'forward-cloud');
    expect(layers).toHaveLength(2);
    expect(layers.every((l) => l.kind === 'points' && l.count === 1000 && l.finite)).toBe(true);
    expect(layers[1]!.first).not.toBe(layers[0]!.first);
    await expect(forward.locator('viva-point-canvas.forward-cloud .legend')).toContainText(
      'x₀ (the clean data)',
    );

    const chart = forward.locator('viva-line-chart.schedules');
    await expect
      .poll(() => chart.evaluate((el) => (el as unknown as { xLabels: unknown[] }).xLabels.length))
      .toBeGreaterThan(1);
    const fit = await chart.evaluate((el) => {
      const c = el as unknown as { xLabels: { text: string; left: number; right: number }[] } & HTMLElement;
      const host = el.getBoundingClientRect();
      const canvas = el.shadowRoot!.querySelector('canvas')!;
      return {
        labels: c.xLabels,
        canvasWidth: canvas.clientWidth,
        host: { l: host.left, r: host.right },
        items: [...el.shadowRoot!.querySelectorAll('li')].map((li) => {
          const b = li.getBoundingClientRect();
          return { l: b.left, r: b.right };
        }),
        panelRight: el.closest('section')!.getBoundingClientRect().right,
      };
    });
    expect(fit.labels.map((l) => l.text)).toContain('1000');
    for (const l of fit.labels) {
      expect(l.left, `${width}: tick ${l.text}`).toBeGreaterThanOrEqual(0);
      expect(l.right, `${width}: tick ${l.text}`).toBeLessThanOrEqual(fit.canvasWidth);
    }
    expect(fit.items).toHaveLength(5); // four curves and the t marker
    for (const b of fit.items) {
      expect(b.l).toBeGreaterThanOrEqual(fit.host.l - 0.5);
      expect(b.r).toBeLessThanOrEqual(Math.min(fit.host.r, fit.panelRight) + 0.5);
    }
  }
});

// The research-methods cells in a real browser. Question 6: the hypothesis builder critiques as you type,
// shows the runs per arm for the power settings of a link, keeps user text as text, restores it after a
// reload and exports it as Markdown. Question 9: a link with small settings opens the fair comparison, Run
// trains both models over the seeds and the sweep (in the cell's worker) and shows finite intervals and
// p-values, and a new confidence level narrows the interval at once without training again.
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';

test('fair comparison: Run from a link gives intervals, p-values, seeds and the tuning trap; the level applies at once', async ({
  page,
}) => {
  await page.goto('/#fair-evaluation?trainSize=80&testSize=300&steps=80&seeds=3&sweep=2');
  const cell = page.locator('viva-cell#fair-evaluation');
  const demo = page.locator('viva-demo-fair-evaluation');
  await expect(demo.locator('p.empty')).toBeVisible();
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 30_000,
  });

  await expect(demo.locator('.where')).toContainText('in a worker');
  const accA = parseFloat((await demo.locator('.acc-a').textContent())!);
  expect(accA).toBeGreaterThan(60);
  expect(accA).toBeLessThanOrEqual(100);
  for (const cls of ['.perm-p', '.mcnemar-p']) {
    const text = (await demo.locator(cls).textContent())!;
    const p = parseFloat(text.replace(/^p [=<] /, ''));
    expect(text).toMatch(/^p [=<] [01]\.\d{3}$/);
    expect(p > 0 && p <= 1).toBe(true);
  }
  const seeds = await plotData(demo.locator('viva-line-chart.seed-chart'));
  expect(seeds).toHaveLength(2);
  expect(seeds.every((t) => t.y.length === 3 && t.y.every((y) => y > 0 && y <= 1))).toBe(true);
  const sizes = await plotData(demo.locator('viva-line-chart.size-chart'));
  expect(sizes[0]!.x.at(-1)).toBe(300);
  expect(sizes[0]!.y.every(Number.isFinite)).toBe(true);
  await expect(demo.locator('.tuning-table')).toBeVisible();
  await expect(demo.locator('.gap-unfair')).toHaveText(/^[+−]\d+\.\d$/);

  const width = async () => {
    const [lo, hi] = (await demo.locator('.diff-ci').textContent())!
      .replace(/[[\]]/g, '')
      .split(',')
      .map((s) => parseFloat(s.trim().replace('−', '-')));
    return hi! - lo!;
  };
  const at95 = await width();
  const level = demo.getByRole('textbox', { name: 'Confidence level', exact: true });
  await level.fill('0.8');
  await level.press('Enter');
  await expect.poll(width).toBeLessThan(at95);
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done');
});

test('hypothesis builder: critique as you type, runs from the power settings, saved across a reload, exported as Markdown', async ({
  page,
}) => {
  await page.goto('/#research-hypothesis?delta=1.5&sd=0.8');
  const demo = page.locator('viva-demo-research-hypothesis');
  await expect(demo.locator('.runs-needed')).toHaveText('6');
  await expect(demo.locator('.power-below')).toHaveText('73.8%');

  const size = demo.getByLabel('By how much', { exact: true });
  await size.fill('a lot');
  await expect(demo.locator('.note[data-field="claimSize"]')).toContainText('No number in the claim');
  await size.fill('1.5 points');
  await expect(demo.locator('.note[data-field="claimSize"]')).toHaveText('✓');
  const gap = demo.getByLabel('The gap', { exact: true });
  await gap.fill('<img src=x onerror="window.__pwned = 1"> is unexplained');
  await expect(demo.locator('img')).toHaveCount(0);

  await demo.getByRole('switch', { name: 'Paired by seed' }).click();
  await expect(demo.locator('.runs-needed')).toHaveText('5');
  await demo.getByRole('switch', { name: 'Paired by seed' }).click();
  await expect(demo.locator('.runs-needed')).toHaveText('6');
  await expect(page).not.toHaveURL(/paired/); // the link follows the settings 300 ms after a change

  await page.goto('/#research-hypothesis?delta=1.5'); // a link with a setting opens the demo
  await page.reload();
  await expect(demo.getByLabel('The gap', { exact: true })).toHaveValue(
    '<img src=x onerror="window.__pwned = 1"> is unexplained',
  );
  await expect(demo.locator('.save-status')).toContainText('Restored');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    demo.getByRole('button', { name: 'Export Markdown' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('hypothesis.md');
  const text = await (await download.createReadStream()).toArray();
  const md = Buffer.concat(text).toString('utf8');
  expect(md).toContain('- Size: 1.5 points');
  expect(md).toMatch(/## Runs needed\n6 runs per arm \(two-sample t-test/);
});

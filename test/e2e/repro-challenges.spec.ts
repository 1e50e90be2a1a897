// The reproducibility (question 8) and open-problems (question 13) cells in a real browser, on small
// settings reached through links. Q13: Run computes the four panels with finite numbers in range, the
// rotated test set and FGSM lose accuracy, the shortcut fits training perfectly and fails its test, and a
// changed setting changes the result.
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { plotData } from './plot-data.ts';

async function runCell(page: Page, id: string, state = 'done'): Promise<void> {
  const cell = page.locator(`viva-cell#${id}`);
  await cell.locator('button.run').click();
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', state, {
    timeout: 60_000,
  });
}

const percent = async (scope: Locator, cls: string) => parseFloat((await scope.locator(cls).textContent())!);

test('open problems: the four panels from a link, and a changed shortcut setting changes its result', async ({
  page,
}) => {
  await page.goto('/#challenges?steps=150&maxWidth=4&maxAngle=180');
  const demo = page.locator('viva-demo-challenges');
  await expect(demo.locator('h4#challenges-shift')).toContainText('distribution shift');
  await runCell(page, 'challenges');
  const [shift] = await plotData(demo.locator('viva-line-chart.shift'));
  expect(shift!.x).toEqual([0, 15, 30, 45, 60, 75, 90, 105, 120, 135, 150, 165, 180]);
  expect(shift!.y.every((v) => v >= 0 && v <= 1)).toBe(true);
  expect(shift!.y[0]).toBeGreaterThan(0.85);
  expect(shift!.y[12]).toBeLessThan(0.3);
  const [fgsm, random] = await plotData(demo.locator('viva-line-chart.fgsm'));
  expect(fgsm!.y[10]).toBeLessThan(random!.y[10]!);
  const eff = await plotData(demo.locator('viva-line-chart.efficiency'));
  expect(eff[0]!.x).toEqual([5, 9, 13, 17]);
  const table = demo.locator('table[data-panel="shortcut"]');
  expect(await percent(table, 'td.train')).toBe(100);
  const share = await percent(table, 'td.share');
  expect(share).toBeGreaterThan(50);
  expect(await percent(table, 'td.test')).toBeLessThan(await percent(table, 'td.control'));

  const agree = demo.getByRole('textbox', {
    name: 'Share of training examples where the shortcut agrees with the label',
    exact: true,
  });
  await agree.fill('0.5');
  await agree.press('Enter');
  await expect(page).toHaveURL(/agree=0\.5/);
  await runCell(page, 'challenges');
  expect(await percent(table, 'td.share')).toBeLessThan(share / 2);
  await expect(page.locator('viva-cell#challenges viva-run-cards li')).toHaveCount(2);
});

// The reproducibility (question 8) and open-problems (question 13) cells in a real browser, on small
// settings reached through links. Q13: Run computes the four panels with finite numbers in range, the
// rotated test set and FGSM lose accuracy, the shortcut fits training perfectly and fails its test, and a
// changed setting changes the result. Q8: Run writes a card, Replay reproduces every metric bit for bit,
// the sums table shows the notebook's case, the backend comparison runs (with its note where there is no
// GPU), the checklist is filled from the card, or from another cell's card. Both fit a 390 px screen.
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
  await page.goto('/#challenges?steps=100&maxWidth=4&maxAngle=180');
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

test('reproducibility: a card from a link, replayed bit for bit; sums, backends and the checklist', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/#reproducibility?steps=30&points=60&seed=7');
  const demo = page.locator('viva-demo-reproducibility');
  await expect(demo.locator('table.sums')).toBeVisible();
  await expect(demo.locator('tr[data-order="forward"] td.formula')).toHaveText('1');
  await expect(demo.locator('tr[data-order="reverse"] td.formula')).toHaveText('0');
  const distinct = async () => parseInt((await demo.locator('p.distinct').textContent())!.trim(), 10);
  expect(await distinct()).toBeGreaterThan(1);
  const before = await demo.locator('tr[data-order="forward"] td.mixed').textContent();
  const n = demo.getByRole('textbox', { name: 'Numbers to sum', exact: true });
  await n.fill('3');
  await n.press('Enter');
  await expect(demo.locator('tr[data-order="forward"] td.mixed')).not.toHaveText(before!);

  await runCell(page, 'reproducibility');
  const cards = demo.locator('viva-run-cards.repro-cards li');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('cpu');
  await expect(cards.first()).toContainText('seed 7');
  await cards.first().locator('button.replay').click();
  await expect(demo.locator('p.replay-summary')).toContainText(
    'All 6 metrics reproduced bit for bit on cpu',
    {
      timeout: 60_000,
    },
  );
  await expect(demo.locator('table.replay td.mark .ok')).toHaveCount(6);
  const checklist = demo.locator('pre.checklist');
  await expect(checklist).toContainText('- [x] Seed recorded: 7');
  await expect(checklist).toContainText('- [x] Replayed on cpu: 6 of 6 metrics identical bit for bit');
  await expect(checklist).toContainText('| steps | 30 |');

  await demo.locator('button.compare').click();
  await expect(demo.locator('table.backends')).toBeVisible({ timeout: 60_000 });
  const other = (await demo.locator('th.other-backend').textContent())!.trim();
  if (other !== 'webgl' && other !== 'webgpu') await expect(demo.locator('p.no-gpu')).toBeVisible();
  await expect(demo.locator('p.backend-diff')).toContainText(/Bit-identical|Largest \|Δ loss\|/);
});

/** The widest right edge inside the demo (through nested shadow roots) beyond the demo's own or the screen's. */
function overflow(demo: Locator): Promise<{ px: number; what: string }> {
  return demo.evaluate((host) => {
    const right = Math.min(host.getBoundingClientRect().right, document.documentElement.clientWidth);
    let worst = { px: 0, what: '' };
    const walk = (root: ParentNode) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right - right > worst.px)
          worst = { px: r.right - right, what: `${el.tagName.toLowerCase()}.${el.className}` };
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(host.shadowRoot!);
    return worst;
  });
}

test('both demos fit a 390 px screen after a run', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/#challenges?steps=40&maxWidth=2');
  await runCell(page, 'challenges');
  expect(await overflow(page.locator('viva-demo-challenges'))).toEqual({ px: 0, what: '' });
  await page.goto('/#reproducibility?steps=10&points=20');
  await runCell(page, 'reproducibility');
  const demo = page.locator('viva-demo-reproducibility');
  await demo.locator('viva-run-cards.repro-cards button.replay').click();
  await expect(demo.locator('table.replay')).toBeVisible({ timeout: 60_000 });
  expect(await overflow(demo)).toEqual({ px: 0, what: '' });

  // The open-problems run's card (another cell, same page) fills the checklist on request.
  await demo.locator('button.find-cards').click();
  await demo.locator('select.checklist-from').selectOption({ index: 1 });
  await expect(demo.locator('pre.checklist')).toContainText('# Reproducibility checklist: challenges');
  await expect(demo.locator('pre.checklist')).toContainText('| maxWidth | 2 |');
  expect(await overflow(demo)).toEqual({ px: 0, what: '' });
});

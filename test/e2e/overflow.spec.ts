// Every demo fits its panel (issue 17): at 1440×900 and 390×844, in the light and the dark theme, nothing in a
// demo is wider than its container — checked the way a user notices it, by comparing the panel's and the
// demo's scroll width with their client width, once every demo is open (the tables a run fills are checked at
// 390 px in the demos' own specs). The demos are read from the page, so a new demo is covered.
import type { Page } from '@playwright/test';
import { demoCells } from './demo-list.ts';
import { expect, test } from './fixtures.ts';

test.setTimeout(120_000);

/** Width overflow of the demo panel and the demo element, in px (0 when everything fits). */
function overflow(page: Page, id: string) {
  return page.evaluate((id) => {
    const cell = document.querySelector(`viva-cell#${id}`)!;
    const panel = cell.querySelector<HTMLElement>('.demo-panel')!;
    const demo = cell.querySelector<HTMLElement>('.demo-host > *');
    const over = (el: HTMLElement | null) => (el ? el.scrollWidth - el.clientWidth : 0);
    return { panel: over(panel), demo: over(demo), page: over(document.documentElement) };
  }, id);
}

async function checkBothThemes(page: Page, id: string, size: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const o = await overflow(page, id);
    expect.soft(o, `${id} at ${size} in the ${scheme} theme: px wider than its container`).toEqual({
      panel: 0,
      demo: 0,
      page: 0,
    });
  }
}

test('every demo, opened on a phone (390×844) and on a wide screen (1440×900), fits its panel in both themes', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const ids = await demoCells(page);
  expect(ids.length).toBeGreaterThanOrEqual(9);
  await page.locator('.first-visit button').click();
  for (const id of ids) {
    const cell = page.locator(`viva-cell#${id}`);
    await cell.scrollIntoViewIfNeeded();
    await cell.locator('.demo-toolbar button.open').click();
    await expect(cell.locator('.demo-host > *')).toBeAttached({ timeout: 30_000 });
    await checkBothThemes(page, id, '390×844');
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  for (const id of ids) await checkBothThemes(page, id, '1440×900');
});

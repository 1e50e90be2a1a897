// Accessibility (issue 15): an axe-core audit of the page in both themes and of every registered demo once
// opened (axe reaches into the demos' shadow roots), with zero serious or critical violations; and a
// keyboard-only tour in which Tab / Shift+Tab / Enter / Space / arrow keys reach and operate Run, the settings
// and a demo's own controls, and a plot's "Show the data as a table".
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import type { Page } from '@playwright/test';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Serious and critical violations inside `selector` (the whole page when null), one line per node. */
async function seriousViolations(page: Page, selector: string | null): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(TAGS);
  if (selector) builder = builder.include(selector);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary}`));
}

/** The ids of the cells that have a demo (every registered demo has one). */
async function demoCells(page: Page): Promise<string[]> {
  return page.locator('viva-cell:has(button.open)').evaluateAll((cells) => cells.map((c) => c.id));
}

test('axe: the whole page as first shown, formulas included, no serious or critical violations', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.locator('viva-cell#backprop')).toBeVisible();
  const found = await seriousViolations(page, null);
  expect(found, found.join('\n')).toEqual([]);
});

test('axe: every registered demo opened, in the light and the dark theme, no serious or critical violations', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await page.goto('/');
  await expect(page.locator('viva-cell#backprop')).toBeVisible();
  // The formulas (about 26 000 KaTeX nodes, audited by the test above) become their TeX source here, which
  // makes each audit of the page several times faster; the demos are what this test is about.
  await page.evaluate(() => {
    for (const k of document.querySelectorAll('.katex'))
      k.replaceWith(k.querySelector('annotation')?.textContent ?? '');
  });
  const ids = await demoCells(page);
  expect(ids.length).toBeGreaterThanOrEqual(15);
  for (const id of ids) {
    const cell = page.locator(`viva-cell#${id}`);
    await cell.locator('button.open').click();
    await expect(cell.locator('button.open')).toHaveCount(0);
    await expect(cell.locator(`viva-demo-${id}`)).toBeVisible();
  }
  // Let the demos draw their first state (plots, maps) before the audit.
  await page.waitForTimeout(1000);
  const found: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
    found.push(...(await seriousViolations(page, null)).map((v) => `[${scheme}] ${v}`));
  }
  expect(found, found.join('\n')).toEqual([]);
});

test('keyboard only: Run, a slider, Stop, a plot as a table; then open a demo, flip a switch, pick a query row', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('/#vanishing-gradients?steps=20&a.depth=6');
  const cell = page.locator('viva-cell#vanishing-gradients');
  const demo = cell.locator('viva-demo-vanishing-gradients');
  await expect(demo.locator('viva-line-chart').first()).toBeVisible();
  const focused = (): Promise<string> =>
    page.evaluate(() => {
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return el
        ? `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}|${el.getAttribute('aria-label') ?? ''}|${el.textContent?.trim().slice(0, 40) ?? ''}`
        : '';
    });
  /** Presses `key` until the focused element matches, at most `limit` times. */
  async function tabTo(match: (f: string) => boolean, key = 'Tab', limit = 120): Promise<string> {
    for (let i = 0; i < limit; i++) {
      const f = await focused();
      if (match(f)) return f;
      await page.keyboard.press(key);
    }
    throw new Error(`never reached the control; last focus: ${await focused()}`);
  }
  // Run, from the top of the cell.
  await cell.locator('button.reset').focus();
  await tabTo((f) => /^button\..*run/.test(f), 'Shift+Tab', 3);
  // The depth slider: forward with Tab, one step up with the arrow key.
  await tabTo((f) => f.startsWith('input') && f.includes('Depth'));
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/a\.depth=7/);
  // Back to Run with Shift+Tab and start it with Enter.
  await tabTo((f) => /^button\..*run/.test(f), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(cell.locator('[data-run-state]')).toHaveAttribute('data-run-state', /running|done/);
  await cell.locator('button.stop').focus();
  await page.keyboard.press('Space');
  await expect(cell.locator('[data-run-state]')).not.toHaveAttribute('data-run-state', 'running');
  // A plot: its text alternative, and its data as a table from the keyboard.
  await tabTo((f) => f.startsWith('summary.') && f.includes('Show the data as a table'));
  await page.keyboard.press('Enter');
  const table = demo.locator('viva-data-table table').first();
  await expect(table).toBeVisible();
  expect(await table.locator('tbody tr').count()).toBeGreaterThan(1);
  // Another demo, opened by keyboard: a switch with Space, a query row of the attention map with Enter.
  await page.goto('/#attention');
  const attention = page.locator('viva-cell#attention');
  await attention.locator('button.reset').focus();
  await tabTo((f) => f.startsWith('button.btn.open'));
  await page.keyboard.press('Enter');
  const demo2 = attention.locator('viva-demo-attention');
  await expect(demo2.locator('viva-attention-map.main')).toBeVisible();
  await tabTo((f) => f.startsWith('button') && f.includes('Causal mask'));
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/causal=true/);
  const rows = demo2.locator('viva-attention-map.main button.row-label');
  await tabTo((f) => f.startsWith('button.label.row-label'));
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(rows.nth(1)).toHaveAttribute('aria-pressed', 'true');
});

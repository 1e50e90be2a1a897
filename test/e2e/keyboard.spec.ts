// Every demo by keyboard alone (issue 15): from its cell, Tab reaches "Open the demo" and Enter opens it; Tab
// then visits every visible, enabled control of the demo (through its shadow roots) in turn without getting
// stuck; Shift+Enter runs it and Esc stops it. The demos are read from the page, so a new demo is covered.
import type { Page } from '@playwright/test';
import { demoCells } from './demo-list.ts';
import { expect, test } from './fixtures.ts';

test.setTimeout(150_000);

/** A description of the element that has the focus, looking through shadow roots. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el) return null;
    let light: Element = el; // the element's outermost shadow host in the document, or itself
    while (light.getRootNode() instanceof ShadowRoot) light = (light.getRootNode() as ShadowRoot).host;
    const cell = light.closest('viva-cell');
    return {
      tag: el.tagName.toLowerCase(),
      cls: typeof el.className === 'string' ? el.className : '',
      id: (el as HTMLElement & { __kbd?: number }).__kbd ?? null,
      cell: cell?.id ?? '',
      inDemo: !!cell?.querySelector('.demo-host')?.contains(light),
    };
  });

/** Numbers every visible, enabled, focusable control inside the demo (deep); returns how many. */
const markControls = (page: Page, id: string) =>
  page.evaluate((id) => {
    const host = document.querySelector(`viva-cell#${id} .demo-host`)!;
    const selector =
      'button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), a[href], summary, [tabindex="0"]';
    let n = 0;
    const visit = (root: ParentNode) => {
      for (const el of root.querySelectorAll<HTMLElement>('*')) {
        if (el.matches(selector) && el.tabIndex >= 0) {
          const box = el.getBoundingClientRect();
          const style = getComputedStyle(el);
          const shown = box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
          if (shown && !el.closest('details:not([open]) > :not(summary)'))
            (el as HTMLElement & { __kbd?: number }).__kbd = n++;
        }
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(host);
    return n;
  }, id);

test('every demo opens, is walked control by control, runs and stops from the keyboard alone', async ({
  page,
}) => {
  const ids = await demoCells(page);
  expect(ids.length).toBeGreaterThanOrEqual(9);
  const rows: string[] = [];
  for (const id of ids) {
    await page.goto('about:blank');
    await page.goto(`/?backend=cpu#${id}`);
    await expect(page.locator(`viva-cell#${id}`)).toBeFocused();
    // Tab to "Open the demo", Enter.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (f?.cls.includes('open')) break;
    }
    expect((await focused(page))?.cls, `${id}: Tab reaches Open the demo`).toContain('open');
    await page.keyboard.press('Enter');
    const cell = page.locator(`viva-cell#${id}`);
    await expect(cell.locator('.demo-host > *')).toBeAttached({ timeout: 30_000 });
    await page.waitForTimeout(300); // the demo's first render
    const total = await markControls(page, id);
    // Tab through the demo: every marked control is visited, in turn, until the focus leaves the demo.
    const seen = new Set<number>();
    let steps = 0;
    let entered = false;
    while (steps++ < total * 2 + 40) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (!f) break;
      if (f.inDemo) {
        entered = true;
        if (f.id !== null) seen.add(f.id);
      } else if (entered) break;
    }
    rows.push(`${id}: ${seen.size}/${total}`);
    expect(seen.size, `${id}: controls reached by Tab (${seen.size} of ${total})`).toBe(total);
    // Shift+Enter runs the focused cell's demo; Esc stops it.
    await cell.focus();
    await page.keyboard.press('Shift+Enter');
    await expect(cell.locator('[data-run-state]')).not.toHaveAttribute('data-run-state', 'idle', {
      timeout: 30_000,
    });
    await page.keyboard.press('Escape');
    await expect(cell.locator('[data-run-state]')).not.toHaveAttribute('data-run-state', 'running', {
      timeout: 30_000,
    });
  }
  console.info(`keyboard tour, controls reached by Tab:\n${rows.join('\n')}`);
});

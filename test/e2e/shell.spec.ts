// The shell a new user meets first (issue 17): the first-visit hint, the phone layout (no sideways scroll,
// a one-row header whose compute badge is not cut, the contents as a drawer, a jump to the demo), what Run
// does and its status next to the buttons, and the presenter view with Esc back to the notebook.
import { expect, test } from './fixtures.ts';

test('the first-visit hint says what a cell is, Run and rehearsing, and once dismissed never returns', async ({
  page,
}) => {
  await page.goto('/');
  const hint = page.locator('.first-visit');
  await expect(hint).toBeVisible();
  await expect(hint.locator('li')).toHaveCount(3);
  await expect(hint).toContainText('cell');
  await expect(hint).toContainText('Run');
  await expect(hint).toContainText('rehearse');
  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(page.locator('viva-cell#backprop')).toBeVisible();
  await expect(page.locator('.first-visit')).toHaveCount(0);
});

test('on a phone: no sideways scroll in either theme, a one-row header, the contents in a drawer', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto('/');
    await expect(page.locator('viva-cell#backprop')).toBeVisible();
    const layout = await page.evaluate(() => {
      const header = document.querySelector('.app-header')!;
      const boxes = [...header.children]
        .map((c) => c.getBoundingClientRect())
        .filter((b) => b.width > 0 && b.height > 0);
      const oneRow = Math.max(...boxes.map((b) => b.top)) < Math.min(...boxes.map((b) => b.bottom));
      const badge = document.querySelector('.compute-badge')!;
      return {
        page: document.documentElement.scrollWidth,
        viewport: document.documentElement.clientWidth,
        oneRow,
        badge: badge.scrollWidth - badge.clientWidth,
      };
    });
    expect(layout.page, scheme).toBeLessThanOrEqual(layout.viewport);
    expect(layout.oneRow, 'every header item on one row').toBe(true);
    expect(layout.badge, 'the compute badge is not cut').toBeLessThanOrEqual(0);
  }
  // The first screen shows a question, not the contents; the contents open as a drawer.
  await page.locator('.first-visit button').click();
  const firstCell = await page.locator('viva-cell#backprop h2').boundingBox();
  expect(firstCell!.y).toBeLessThan(300);
  await expect(page.locator('nav.toc')).toBeHidden();
  const toggle = page.getByRole('button', { name: 'Contents' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('nav.toc')).toBeVisible();
  await expect(page.locator('#toc-text')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('nav.toc')).toBeHidden();
  await expect(toggle).toBeFocused();
  await toggle.click();
  await page.locator('nav.toc a[data-id="attention"]').click();
  await expect(page.locator('nav.toc')).toBeHidden();
  await expect(page.locator('viva-cell#attention')).toBeFocused();
  // The demo stacks under the answer: a button jumps to it.
  await page.locator('viva-cell#attention button.jump-demo').click();
  await expect(page.locator('viva-cell#attention .demo-panel')).toBeFocused();
  await expect(page.locator('viva-cell#attention .demo-panel button.run')).toBeInViewport();
});

test('Run says what it does, its status sits under the buttons, and the presenter view returns with Esc', async ({
  page,
}) => {
  await page.goto('/?backend=wasm#vanishing-gradients?steps=10');
  const cell = page.locator('viva-cell#vanishing-gradients');
  await expect(cell.locator('.run-does')).toHaveText(/^Run trains networks A and B/);
  await cell.locator('button.run').click();
  const status = cell.locator('.status-line');
  await expect(status).toHaveText(/^done after \d+\.\d\d s/, { timeout: 60_000 });
  const [statusBox, hostBox] = await Promise.all([
    status.boundingBox(),
    cell.locator('.demo-host').boundingBox(),
  ]);
  expect(statusBox!.y, 'the status is above the demo, next to Run').toBeLessThan(hostBox!.y);

  await cell.getByRole('button', { name: 'Present' }).click();
  const panel = cell.locator('.demo-panel');
  await expect(panel).toBeFocused();
  const box = await panel.boundingBox();
  expect(box).toEqual({ x: 0, y: 0, width: 1400, height: 900 });
  await expect(cell.getByRole('button', { name: 'Back to the notebook' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.keyboard.press('Escape');
  await expect(cell).not.toHaveAttribute('presenting');
  await expect(cell.getByRole('button', { name: 'Present' })).toBeFocused();
  expect((await panel.boundingBox())!.width).toBeLessThan(1000);
});

import { gzipSync } from 'node:zlib';
import type { Response } from '@playwright/test';
import { compileNotebookDir } from '../../src/notebook/content-plugin.ts';
import { expect, test } from './fixtures.ts';

const questions = compileNotebookDir('notebooks');

test('all 16 cells render with their numbers, titles and badges', async ({ page }) => {
  await page.goto('/');
  const cells = page.locator('viva-cell');
  await expect(cells).toHaveCount(16);
  for (const q of questions) {
    const cell = page.locator(`viva-cell#${q.id}`);
    await expect(cell.locator('h2')).toHaveText(q.title);
    await expect(cell.locator('.cell-number')).toHaveText(`Q${q.number}`);
    await expect(cell.locator('.badge')).toHaveText([q.section, q.rarity, q.difficulty]);
    await expect(cell.locator('.answer p').first()).not.toBeEmpty();
    expect(await cell.locator('.katex').count(), q.id).toBeGreaterThan(0);
  }
});

test('the table of contents groups by section and filters by section, rarity, difficulty and text', async ({
  page,
}) => {
  await page.goto('/');
  const toc = page.locator('nav.toc');
  await expect(toc.locator('h2')).toHaveText([
    'Deep learning theory',
    'Research methodology',
    'Advanced topics',
    'Reinforcement learning',
    'Graph neural networks',
    'Model interpretability',
  ]);
  await expect(toc.locator('.count')).toContainText('16 of 16 questions');

  await page.selectOption('#toc-section', 'Research methodology');
  await expect(toc.locator('li a')).toHaveCount(4);
  await expect(page.locator('viva-cell:visible')).toHaveCount(4);
  await expect(toc.locator('.count')).toContainText('4 of 16 questions');

  await page.selectOption('#toc-rarity', 'Added');
  await expect(page.locator('viva-cell:visible')).toHaveCount(1);
  await expect(page.locator('viva-cell:visible h2')).toHaveText(questions[8]!.title);

  await page.click('button.clear');
  await expect(page.locator('viva-cell:visible')).toHaveCount(16);

  await page.selectOption('#toc-difficulty', 'Easy');
  await expect(page.locator('viva-cell:visible')).toHaveCount(1);
  await page.selectOption('#toc-difficulty', '');

  await page.fill('#toc-text', 'bellman');
  await expect(page.locator('viva-cell#dqn')).toBeVisible();
  await page.fill('#toc-text', 'no-such-word-anywhere');
  await expect(page.locator('viva-cell:visible')).toHaveCount(0);
  await expect(page.locator('.empty')).toHaveText('No question matches these filters.');
});

test('a deep link scrolls to and focuses its cell, even when filters would hide it', async ({ page }) => {
  await page.goto('/#attention');
  await expect(page.locator('viva-cell#attention')).toBeFocused();
  await expect(page.locator('viva-cell#attention')).toBeInViewport();
  await page.selectOption('#toc-section', 'Advanced topics');
  await page.locator('nav.toc a[href="#diffusion"]').click();
  await expect(page.locator('viva-cell#diffusion')).toBeFocused();
  await page.evaluate(() => (location.hash = '#gnn'));
  await expect(page.locator('viva-cell#gnn')).toBeFocused();
  await expect(page.locator('viva-cell#gnn')).toBeInViewport();
});

test('j and k move between cells, ? shows the shortcuts', async ({ page }) => {
  await page.goto('/#backprop');
  await expect(page.locator('viva-cell#backprop')).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.locator('viva-cell#vanishing-gradients')).toBeFocused();
  await expect(page).toHaveURL(/#vanishing-gradients$/);
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect(page.locator('viva-cell#vanishing-gradients')).toBeFocused();
  await page.keyboard.press('?');
  const dialog = page.locator('dialog.shortcuts');
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('kbd')).toHaveText(['Shift+Enter', 'Esc', 'j', 'k', 'r', '?']);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // Typing j in the search box types, it does not move.
  await page.fill('#toc-text', '');
  await page.locator('#toc-text').press('j');
  await expect(page.locator('#toc-text')).toHaveValue('j');
});

test('the theme toggle cycles system → light → dark and persists across reload', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  const html = page.locator('html');
  const toggle = page.locator('button.theme-toggle');
  await expect(toggle).toHaveText('Theme: system');
  await expect(html).toHaveAttribute('data-theme', 'light');
  await toggle.click();
  await toggle.click();
  await expect(toggle).toHaveText('Theme: dark');
  await expect(html).toHaveAttribute('data-theme', 'dark');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(18, 20, 24)');
  await page.reload();
  await expect(html).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('button.theme-toggle')).toHaveText('Theme: dark');
  await page.locator('button.theme-toggle').click();
  await page.reload();
  await expect(page.locator('button.theme-toggle')).toHaveText('Theme: system');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(html).toHaveAttribute('data-theme', 'dark');
});

test('the header loads tfjs on request and says in plain words where the demos run', async ({ page }) => {
  await page.goto('/');
  const badge = page.locator('.compute-badge');
  const words = badge.locator('.long');
  await expect(words).toHaveText('Compute: starts with the first demo');
  await badge.click();
  // The GPU with the renderer in the tooltip, or (on a machine whose GPU is software, like these) the CPU
  // through WebAssembly, saying so.
  await expect(words).toHaveText(
    /^Running on (the GPU \((WebGPU|WebGL)\)|the CPU \(WebAssembly\) \(the GPU here is software: .+\))$/,
    { timeout: 30_000 },
  );
  await expect(badge).toHaveAccessibleName(/^Running on the (GPU|CPU)/);
  await page.goto('/?backend=webgl'); // a forced GPU backend is kept, software or not
  await page.locator('.compute-badge').click();
  await expect(page.locator('.compute-badge .long')).toHaveText(
    'Running on the GPU (WebGL) (webgl chosen by the link)',
    { timeout: 30_000 },
  );
  await expect(page.locator('.compute-badge')).toHaveAttribute('title', /renderer: \S+/);
  await page.goto('/?backend=cpu');
  await page.locator('.compute-badge').click();
  await expect(page.locator('.compute-badge .long')).toHaveText(
    'Running on the CPU (plain JavaScript, the slowest) (cpu chosen by the link)',
  );
});

test('before any demo runs, the page loads at most 150 KB of gzipped JavaScript and no tfjs, Plotly or mathjs', async ({
  page,
}) => {
  // Responses are collected synchronously and their bodies read only after the page has settled, so no
  // read is left pending when the test ends.
  const scripts: Response[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r);
  });
  await page.goto('/');
  await expect(page.locator('viva-cell')).toHaveCount(16);
  await page.waitForLoadState('networkidle');
  const initial = [...scripts];
  const sizes = await Promise.all(initial.map(async (r) => gzipSync(await r.body()).length));
  const total = sizes.reduce((s, x) => s + x, 0);
  test.info().annotations.push({ type: 'initial JS (gzip)', description: `${(total / 1024).toFixed(1)} KB` });
  expect(total).toBeLessThanOrEqual(150 * 1024);
  expect(initial.map((r) => r.url()).join(' ')).not.toMatch(/tfjs|plotly|mathjs|demo/i);
  // The backprop cell (on screen) offers its demo without having loaded it.
  await expect(page.locator('viva-cell#backprop .demo-summary')).toContainText(
    'step its forward and backward passes',
  );
  await page.locator('viva-cell#backprop button.open').click();
  await expect(page.locator('viva-demo-backprop')).toBeAttached();
  expect(scripts.some((r) => /backprop-demo/.test(r.url()))).toBe(true);
});

test('wide screens put cells beside the contents; narrow screens stack them', async ({ page }) => {
  await page.goto('/');
  const columns = () =>
    page.evaluate(
      () => getComputedStyle(document.querySelector('.layout')!).gridTemplateColumns.split(' ').length,
    );
  expect(await columns()).toBe(2);
  await page.setViewportSize({ width: 600, height: 900 });
  expect(await columns()).toBe(1);
});

test('the print stylesheet prints the answers without the chrome', async ({ page }) => {
  await page.goto('/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('header.app-header')).toBeHidden();
  await expect(page.locator('nav.toc')).toBeHidden();
  await expect(page.locator('viva-cell#backprop .answer')).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.locator('viva-cell#backprop details.pitfalls')).toHaveAttribute('open', '');
});

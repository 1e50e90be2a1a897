// Offline use (issue 15): after one visit the service worker has precached every file the notebook can load,
// so with the network off a reload renders all 16 cells, every demo opens (its chunk comes from the cache) and
// demos that fetch more (tfjs' WASM binary in a worker, Plotly) run. Every response after going offline must
// come from the service worker, and the service worker itself must ask the network for nothing.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' }); // the other specs block it (playwright.config.ts)

const DIST = process.env.VIVA_DIST ?? 'dist';

/** Every file of the build, as a site path. */
function builtFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? builtFiles(p) : ['/' + relative(DIST, p)];
  });
}

/** Waits for the service worker to be active (so its precache is complete); returns the precached paths. */
async function precached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    const names = (await caches.keys()).filter((n) => n.startsWith('workbox-precache'));
    const paths: string[] = [];
    for (const n of names)
      for (const req of await (await caches.open(n)).keys()) paths.push(new URL(req.url).pathname);
    return paths;
  });
}

/** Records, from now on, every response not served by the service worker and every request it sent out. */
function watchNetwork(context: BrowserContext): { network: string[]; cached: string[] } {
  const seen = { network: [] as string[], cached: [] as string[] };
  context.on('response', (r) => {
    if (r.request().serviceWorker()) seen.network.push(`service worker fetched ${r.url()}`);
    else if (r.fromServiceWorker()) seen.cached.push(new URL(r.url()).pathname);
    else if (!r.url().startsWith('data:')) seen.network.push(`network: ${r.url()}`);
  });
  context.on('requestfailed', (r) => seen.network.push(`failed: ${r.url()}`));
  return seen;
}

test('offline after one visit: all 16 cells render, every demo opens, a WASM and a Plotly demo run', async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.locator('viva-cell')).toHaveCount(16);
  const cached = await precached(page);
  // Everything the build wrote is precached but the service worker's own files and KaTeX's woff/ttf fonts
  // (browsers that read woff2 never ask for them).
  const expected = builtFiles().filter(
    (f) => !/\.(woff|ttf)$/.test(f) && f !== '/sw.js' && !/^\/workbox-[\w-]+\.js$/.test(f),
  );
  expect(expected.filter((f) => !cached.includes(f === '/index.html' ? '/index.html' : f))).toEqual([]);
  expect(cached.filter((f) => f.endsWith('.wasm'))).toHaveLength(3);
  expect(cached.some((f) => /plotly.*\.js$/.test(f))).toBe(true);

  await context.setOffline(true);
  const seen = watchNetwork(context);
  await page.reload();
  await expect(page.locator('viva-cell')).toHaveCount(16);
  await expect(page.locator('viva-cell .katex').first()).toBeVisible();

  // Every demo's chunk loads from the cache.
  const ids = await page.locator('viva-cell:has(button.open)').evaluateAll((cells) => cells.map((c) => c.id));
  expect(ids.length).toBeGreaterThanOrEqual(10);
  for (const id of ids) {
    const cell = page.locator(`viva-cell#${id}`);
    await cell.locator('button.open').click();
    await expect(cell.locator('.demo-host > *')).toHaveCount(1);
    await expect(cell.locator('[data-run-state]')).not.toHaveAttribute('data-run-state', 'error');
  }

  // tfjs on WASM in a worker: the transformer trains 20 steps; its .wasm comes from the cache.
  await page.goto('/?backend=wasm#transformer?engine=wasm&dModel=16&layers=1&steps=20');
  const transformer = page.locator('viva-cell#transformer');
  await transformer.locator('button.run').click();
  await expect(transformer.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 60_000,
  });
  await expect(transformer.locator('.step')).toHaveText('20');
  await expect(transformer.locator('.params.engine')).toContainText('training on wasm');

  // The worker's chunk and the WASM binary were answered by the service worker.
  expect(seen.cached.some((f) => /\/trainer\.worker-[\w-]+\.js$/.test(f))).toBe(true);
  expect(seen.cached.some((f) => /\/tfjs-backend-wasm[\w-]*\.wasm$/.test(f))).toBe(true);

  // Plotly and tfjs on WASM in the page: the normalization cell trains 20 steps and draws its batch-statistics
  // spread with Plotly.
  await page.goto('/?backend=wasm#normalization?steps=20&batch=8');
  const norm = page.locator('viva-cell#normalization');
  await norm.locator('button.run').click();
  await expect(norm.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
    timeout: 60_000,
  });
  const spread = norm.locator('viva-plot.spread .chart');
  await expect
    .poll(() => spread.evaluate((el) => (el as unknown as { data?: unknown[] }).data?.length ?? 0))
    .toBeGreaterThan(0);
  expect(seen.cached.some((f) => /plotly.*\.js$/.test(f))).toBe(true);

  expect(seen.network).toEqual([]);
});

/** Installs a "new version": the same worker script under another URL, as a deploy would change its bytes. */
function installNewVersion(page: Page): Promise<void> {
  return page.evaluate(async () => {
    await navigator.serviceWorker.register('/sw.js?next', { scope: '/' });
  });
}

const activeScript = (page: Page) =>
  page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL ?? '');

test('a new version waits for the click: the prompt names the running demo, Esc keeps the page, Reload updates', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/#diffusion?steps=20000');
  await precached(page);
  const cell = page.locator('viva-cell#diffusion');
  const runState = cell.locator('[data-run-state]');
  await cell.locator('button.run').click();
  await expect(runState).toHaveAttribute('data-run-state', 'running');
  await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
  await installNewVersion(page);

  const prompt = page.locator('viva-update-prompt .update-prompt');
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  const title = await cell.locator('h2').textContent();
  await expect(prompt).toContainText(`The “${title}” demo is running: reloading stops it`);
  // From the keyboard: Tab into the prompt, Esc closes it and gives focus back; the demo keeps running (the
  // page's own Esc would stop it) and the page was not reloaded.
  const stop = cell.locator('button.stop');
  await stop.focus();
  await prompt.getByRole('button', { name: 'Later' }).focus();
  await page.keyboard.press('Escape');
  await expect(prompt).toHaveCount(0);
  await expect(stop).toBeFocused();
  await expect(runState).toHaveAttribute('data-run-state', 'running');
  expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  expect(await activeScript(page)).toMatch(/\/sw\.js$/);
  await stop.click();
  await expect(runState).toHaveAttribute('data-run-state', 'stopped');

  // On the next visit the new version still waits and the prompt asks again (with nothing running it says
  // what a reload would lose); Reload now activates it and reloads.
  const waiting = () =>
    page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting != null);
  await page.reload();
  await expect(prompt).toBeVisible({ timeout: 30_000 });
  await expect(prompt).toContainText('Reloading stops any demo that is running');
  // On a phone it stays inside the window, in the dark theme too.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const box = (await prompt.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await waiting()).toBe(true);
  await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload now' }).click()]);
  await expect(page.locator('viva-cell')).toHaveCount(16);
  expect(await waiting()).toBe(false);
  await expect(prompt).toHaveCount(0);
});

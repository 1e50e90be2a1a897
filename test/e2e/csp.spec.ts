// The strict Content-Security-Policy of the built page (issue 15; vite.config.ts writes it, docs/decisions.md
// says why each directive reads as it does). Every registered demo opens and a representative set runs with
// small settings, with zero `securitypolicyviolation` events and zero console errors (the fixture).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const DIST = process.env.VIVA_DIST ?? 'dist';

/** Records every CSP violation the document reports, from before the page's first script runs. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      ),
    );
  });
}

const violations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** The policy's directives, by name. */
async function policy(page: Page): Promise<Map<string, string[]>> {
  const text = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  return new Map(
    text!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );
}

test('the built page ships the strict policy, has no inline script, and every demo opens under it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await recordViolations(page);
  await page.goto('/');
  const csp = await policy(page);
  expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(csp.get('default-src')).toEqual(["'self'"]);
  expect(csp.get('worker-src')).toEqual(["'self'"]);
  expect(csp.get('connect-src')).toEqual(["'self'"]);
  expect(csp.get('style-src')).toEqual(["'self'"]);
  // No inline script anywhere in the built page: the theme is set by /theme-boot.js, before first paint.
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attrs, body] of scripts) {
    expect(attrs).toMatch(/\ssrc="/);
    expect(body!.trim()).toBe('');
  }
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toMatch(/^(light|dark)$/);

  // Every cell with a demo, read from the page, on the default backend.
  const ids = await page.locator('viva-cell:has(button.open)').evaluateAll((cells) => cells.map((c) => c.id));
  expect(ids.length).toBeGreaterThanOrEqual(10);
  for (const id of ids) {
    const cell = page.locator(`viva-cell#${id}`);
    await cell.locator('button.open').click();
    await expect(cell.locator('.demo-host > *')).toHaveCount(1);
  }
  // KaTeX's fonts load under font-src.
  expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
  expect(await violations(page)).toEqual([]);
});

/** Cells run with small settings: mathjs (backprop), tfjs on WASM in the page with a Plotly chart
 *  (normalization) and in a worker (transformer), a typed-array worker (diffusion), main-thread loops (dqn, gnn). */
const RUNS = [
  'backprop?steps=20',
  'normalization?steps=20&batch=8',
  'transformer?engine=wasm&dModel=16&layers=1&steps=20',
  'diffusion?steps=10&sampleSteps=10',
  'dqn?gridEpisodes=5&episodes=2',
  'gnn?epochs=10',
];

test('a representative set of demos runs with zero policy violations', async ({ page }) => {
  test.setTimeout(90_000);
  await recordViolations(page);
  for (const link of RUNS) {
    const id = link.split('?')[0]!;
    await page.goto(`/?backend=wasm#${link}`); // after the first, a same-page link: the cell takes its settings
    const cell = page.locator(`viva-cell#${id}`);
    await cell.locator('button.run').click();
    await expect(cell.locator('[data-run-state]'), link).toHaveAttribute('data-run-state', 'done', {
      timeout: 60_000,
    });
    expect(await violations(page), link).toEqual([]);
  }
  // Plotly drew under the policy: normalization's batch-statistics spread holds its data.
  const spread = page.locator('viva-cell#normalization viva-plot.spread .chart');
  const traces = await spread.evaluate((el) => (el as unknown as { data?: unknown[] }).data?.length ?? 0);
  expect(traces).toBeGreaterThan(0);
  expect(await violations(page)).toEqual([]);
});

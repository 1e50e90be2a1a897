// The demos the whole-notebook specs walk through, found rather than listed, so a new demo is covered
// without editing them: from the registry's source (a demo's id is its question's id, so `/#<id>` opens its
// cell), or from the page as drawn.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

/** Every demo id in src/demos/registry.ts, in its order. */
export const DEMO_IDS = [
  ...readFileSync('src/demos/registry.ts', 'utf8').matchAll(/^ {4}'([a-z-]+)',$/gm),
].map((m) => m[1]!);

/** Loads the page and returns the ids of the cells that have a demo, in page order. */
export async function demoCells(page: Page): Promise<string[]> {
  await page.goto('/');
  await expect(page.locator('viva-cell').first()).toBeAttached();
  return page.evaluate(() =>
    [...document.querySelectorAll('viva-cell')]
      .filter((c) => c.querySelector('.demo-panel'))
      .map((c) => c.id),
  );
}

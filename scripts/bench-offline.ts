// Offline use (issue 15): the precache (files and MB, read from the built service worker's manifest and the
// files on disk), and in headless Chromium, in a fresh context each round: the first load (navigation to all
// 16 cells drawn), the time until the service worker is active (its precache complete), and the reload with
// the network off (navigation to all 16 cells drawn, every file from the cache).
//
// Run: npx tsx scripts/bench-offline.ts   (builds into .tmp/dist-bench-offline; prints a table and
// one line `BENCH_JSON {…}`)
import { statSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { serveBuiltSite } from './lib/built-site.ts';

const PORT = Number(process.env.VIVA_BENCH_PORT ?? 4194);
const DIST = '.tmp/dist-bench-offline';
const ROUNDS = 3;
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]!;

const load0 = loadavg()[0]!;
const site = await serveBuiltSite(PORT, DIST);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
try {
  const manifest = [...readFileSync(join(DIST, 'sw.js'), 'utf8').matchAll(/url:"([^"]+)"/g)].map(
    (m) => m[1]!,
  );
  const bytes = manifest.reduce((s, url) => s + statSync(join(DIST, url)).size, 0);
  const byKind = (re: RegExp) => manifest.filter((u) => re.test(u)).length;

  const first: number[] = [];
  const ready: number[] = [];
  const offline: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let t = performance.now();
    await page.goto(`${site.origin}/`);
    await page.locator('viva-cell').nth(15).waitFor();
    first.push(performance.now() - t);
    await page.evaluate(() => navigator.serviceWorker.ready);
    ready.push(performance.now() - t);
    await context.setOffline(true);
    t = performance.now();
    await page.reload();
    await page.locator('viva-cell').nth(15).waitFor();
    offline.push(performance.now() - t);
    await context.close();
  }
  const result = {
    precacheFiles: manifest.length,
    precacheMB: +(bytes / 1e6).toFixed(2),
    js: byKind(/\.js$/),
    wasm: byKind(/\.wasm$/),
    woff2: byKind(/\.woff2$/),
    firstLoadMs: Math.round(median(first)),
    precachedMs: Math.round(median(ready)),
    offlineReloadMs: Math.round(median(offline)),
    rounds: ROUNDS,
    loadAverage: +((load0 + loadavg()[0]!) / 2).toFixed(1),
  };
  console.table({
    'precache: files': result.precacheFiles,
    'precache: MB': result.precacheMB,
    'first load to 16 cells, median ms': result.firstLoadMs,
    'first load to precache complete, median ms': result.precachedMs,
    'offline reload to 16 cells, median ms': result.offlineReloadMs,
    'load average (start/end mean)': result.loadAverage,
  });
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
} finally {
  await browser.close();
  site.close();
}

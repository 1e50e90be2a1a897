// Slow devices (issue 15): first paint, first contentful paint and time to interactive of the built site in
// headless Chromium, without throttling and under 4× CPU throttling (DevTools Protocol,
// Emulation.setCPUThrottlingRate, set before the page loads); the device-speed estimate the page made
// (src/ui/kit/device-speed.ts: its benchmark time and its verdict); and, under throttling, the note the
// transformer cell shows when it picks smaller defaults.
//
// Time to interactive follows Lighthouse's definition without the network part: after the first contentful
// paint, the first 5 s window with no main-thread task over 50 ms; TTI is the end of the last long task before
// that window (or the FCP / DOMContentLoaded, whichever is later, when there is none).
// Builds the site into .tmp/dist-slow-device and serves it on 127.0.0.1:4193.
//
// Run: npx tsx scripts/bench-slow-device.ts   (prints a table and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { chromium, type Browser } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { serveBuiltSite } from './lib/built-site.ts';

const PORT = Number(process.env.VIVA_BENCH_PORT ?? 4193);
const DIST = '.tmp/dist-slow-device';
const RATES = [1, 4];
const REPEATS = Number(process.env.VIVA_BENCH_REPEATS ?? 3);
const QUIET_MS = 5000;

interface Load {
  rate: number;
  firstPaint: number;
  fcp: number;
  tti: number;
  benchMs: number;
  speed: string;
  note: string;
}

async function loadOnce(
  browser: Browser,
  origin: string,
  rate: number,
  openTransformer: boolean,
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { benchLong: { start: number; end: number }[] };
    w.benchLong = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        w.benchLong.push({ start: e.startTime, end: e.startTime + e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await page.goto(`${origin}/`);
  await page.locator('viva-cell#backprop').waitFor({ timeout: 120_000 });
  // Wait for a quiet window of QUIET_MS after the last long task (at most 60 s).
  const measured = await page.evaluate(
    async ({ quiet }) => {
      const w = window as unknown as { benchLong: { start: number; end: number }[] };
      // (no named helper functions in here: tsx would wrap them in a __name() the page does not have)
      const deadline = performance.now() + 60_000;
      for (;;) {
        // The paint entries can land a frame after the first cell is in the DOM: read them every time.
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
        const fp = performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        const floor = Math.max(fcp, nav?.domContentLoadedEventEnd ?? 0);
        if (Number.isNaN(fcp) && performance.now() < deadline) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        const after = w.benchLong.filter((t) => t.end > fcp);
        const lastEnd = after.length ? Math.max(...after.map((t) => t.end)) : floor;
        if (performance.now() - Math.max(lastEnd, floor) >= quiet || performance.now() > deadline)
          return {
            firstPaint: fp,
            fcp,
            tti: Math.max(lastEnd, floor),
            benchMs: Number(document.documentElement.dataset.deviceBenchMs ?? NaN),
            speed: document.documentElement.dataset.deviceSpeed ?? '?',
          };
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    { quiet: QUIET_MS },
  );
  let note = '';
  if (openTransformer) {
    const cell = page.locator('viva-cell#transformer');
    await cell.locator('button.open').click();
    await cell.locator('viva-demo-transformer').waitFor({ timeout: 120_000 });
    const n = cell.locator('.device-note');
    note = (await n.count()) ? ((await n.first().textContent()) ?? '').trim() : '(no note)';
  }
  await context.close();
  return { rate, ...measured, note };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const site = await serveBuiltSite(PORT, DIST);
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
try {
  const loads: Load[] = [];
  for (const rate of RATES)
    for (let r = 0; r < REPEATS; r++) loads.push(await loadOnce(browser, site.origin, rate, r === 0));
  console.log(`Headless Chromium, built site, load average ${loadavg()[0]!.toFixed(1)} (2 cores shared)`);
  console.log('CPU throttle | first paint ms | FCP ms | TTI ms | device bench ms | device speed');
  const summary = RATES.map((rate) => {
    const of = loads.filter((l) => l.rate === rate);
    const row = {
      rate,
      firstPaint: median(of.map((l) => l.firstPaint)),
      fcp: median(of.map((l) => l.fcp)),
      tti: median(of.map((l) => l.tti)),
      benchMs: median(of.map((l) => l.benchMs)),
      speed: of.map((l) => l.speed).join('/'),
      note: of[0]!.note,
    };
    console.log(
      `${rate}× | ${row.firstPaint.toFixed(0)} | ${row.fcp.toFixed(0)} | ${row.tti.toFixed(0)} | ${row.benchMs.toFixed(2)} | ${row.speed}`,
    );
    return row;
  });
  for (const s of summary) console.log(`${s.rate}×, transformer cell: ${s.note}`);
  console.log(
    `BENCH_JSON ${JSON.stringify({ loadAverage: loadavg()[0], repeats: REPEATS, summary, loads })}`,
  );
} finally {
  await browser.close();
  site.close();
}

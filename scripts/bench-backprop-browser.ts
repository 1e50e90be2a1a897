// The backprop cell in headless Chromium: while the MLP trains (Run), how long is the longest main-thread
// task (budget: none over 50 ms), and how many SGD steps per second does the page sustain?
// Builds the site into .tmp/dist-bench and serves it on 127.0.0.1:4199.
// Run: npx tsx scripts/bench-backprop-browser.ts
import { chromium } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { longTasks, recordLongTasks, serveBuiltSite } from './lib/built-site.ts';

const site = await serveBuiltSite(4199, '.tmp/dist-bench');
try {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`${site.origin}/#backprop`);
  const cell = page.locator('viva-cell#backprop');
  await cell.locator('button.open').click();
  await page.locator('viva-demo-backprop').waitFor();
  // Measure training alone: start the trainer's Play, sample for 8 s, pause.
  await recordLongTasks(page);
  await page.locator('viva-demo-backprop button.train').click();
  await page.waitForTimeout(8000);
  const stats = await page.locator('viva-demo-backprop .stats').textContent();
  await page.locator('viva-demo-backprop button.train').click();
  const tasks = await longTasks(page);
  const stepsPerSecond = Number(/(\d+) steps\/s/.exec(stats ?? '')?.[1] ?? NaN);
  const maxTask = Math.max(0, ...tasks);
  console.log(`MLP(2,[16,16,1]) training in Chromium: ${stepsPerSecond} steps/s`);
  console.log(
    `main-thread tasks over 50 ms while training: ${tasks.length} (longest ${maxTask.toFixed(0)} ms)`,
  );
  console.log(
    `BENCH_JSON ${JSON.stringify({ browserStepsPerSecond: stepsPerSecond, longTasksOver50ms: tasks.length, longestTaskMs: Math.round(maxTask) })}`,
  );
  await browser.close();
} finally {
  site.close();
}

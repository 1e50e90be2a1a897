// The backprop cell in headless Chromium: while the MLP trains (Run), how long is the longest main-thread
// task (budget: none over 50 ms), and how many SGD steps per second does the page sustain?
// Builds the site into .tmp/dist-bench and serves it on 127.0.0.1:4199.
// Run: npx tsx scripts/bench-backprop-browser.ts
import { execSync, spawn } from 'node:child_process';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';

const PORT = 4199;
const DIST = '.tmp/dist-bench';

execSync(`npx vite build --outDir ${DIST}`, { stdio: 'ignore' });
const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort', '--outDir', DIST],
  {
    stdio: 'ignore',
    detached: true,
  },
);
try {
  await waitForServer(`http://127.0.0.1:${PORT}/`);
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(`http://127.0.0.1:${PORT}/#backprop`);
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasks.push(e.duration);
    }).observe({ type: 'longtask', buffered: false });
  });
  const cell = page.locator('viva-cell#backprop');
  await cell.locator('button.open').click();
  await page.locator('viva-demo-backprop').waitFor();
  // Measure training alone: start the trainer's Play, sample for 8 s, pause.
  await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks = []));
  await page.locator('viva-mlp-trainer button.train').click();
  await page.waitForTimeout(8000);
  const stats = await page.locator('viva-mlp-trainer .stats').textContent();
  await page.locator('viva-mlp-trainer button.train').click();
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  const stepsPerSecond = Number(/(\d+) steps\/s/.exec(stats ?? '')?.[1] ?? NaN);
  const maxTask = longTasks.length ? Math.max(...longTasks) : 0;
  console.log(`MLP(2,[16,16,1]) training in Chromium: ${stepsPerSecond} steps/s`);
  console.log(
    `main-thread tasks over 50 ms while training: ${longTasks.length} (longest ${maxTask.toFixed(0)} ms)`,
  );
  console.log(
    `BENCH_JSON ${JSON.stringify({ browserStepsPerSecond: stepsPerSecond, longTasksOver50ms: longTasks.length, longestTaskMs: Math.round(maxTask) })}`,
  );
  await browser.close();
} finally {
  process.kill(-server.pid!);
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

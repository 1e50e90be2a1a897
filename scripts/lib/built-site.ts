// What the in-browser benchmarks share: the site built and served by `vite preview` on 127.0.0.1, and the
// main thread's long tasks (every task over 50 ms, from the browser's `longtask` entries) recorded in a page.
import { execSync, spawn } from 'node:child_process';
import type { Page } from 'playwright';

export interface BuiltSite {
  /** e.g. http://127.0.0.1:4191 (no trailing slash). */
  origin: string;
  close(): void;
}

/** Builds the site into `dist` and serves it on `port`; resolves once it answers. */
export async function serveBuiltSite(port: number, dist: string): Promise<BuiltSite> {
  execSync(`npx vite build --outDir ${dist}`, { stdio: 'ignore' });
  const server = spawn(
    'npx',
    ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist],
    { stdio: 'ignore', detached: true },
  );
  const origin = `http://127.0.0.1:${port}`;
  const close = () => {
    try {
      process.kill(-server.pid!);
    } catch {
      // the server has already exited
    }
  };
  try {
    await waitForServer(`${origin}/`);
  } catch (e) {
    close();
    throw e;
  }
  return { origin, close };
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

/** Starts (or restarts from empty) the record of the page's long tasks. */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks?: number[] };
    if (!w.longTasks)
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.longTasks!.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    w.longTasks = [];
  });
}

/** The durations (ms) of the long tasks recorded since recordLongTasks. */
export function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { longTasks?: number[] }).longTasks ?? []);
}

// In headless Chromium (SwiftShader, no real GPU here): (1) layerGradientNorms at depth 64, width 64,
// batch 64 on the WebGL, WASM and CPU backends, imported straight from kernels/ through Vite's dev server;
// (2) the vanishing-gradient cell's control-to-plot latency on the CPU backend (?backend=cpu): the time from
// a depth typed into configuration A's number field (the real `change` event) to the gradient plot drawn
// with that many layers, at depths 8–32 with the cell's default width 32 and batch 32 (the budget is
// 100 ms at depth ≤ 32). The report cache is cleared before each change, so every change computes A's
// report afresh (B, untouched by the change, is re-warmed first, as it would be cached for a user).
//
// Run: npx tsx scripts/bench-vanishing-browser.ts   (prints a table and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright';
import { createServer } from 'vite';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';

const PORT = Number(process.env.VIVA_BENCH_PORT ?? 4193);
const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Median ms of layerGradientNorms(64, 64, 64) on a backend, timed inside the page. */
async function kernelTiming(page: Page, backend: string): Promise<number[]> {
  return page.evaluate(async (backend) => {
    // Module URLs on the dev server (held in variables: they are browser paths, not paths for tsc).
    const [computeUrl, kernelUrl] = ['/src/runtime/compute.ts', '/kernels/vanishing.ts'];
    const { ComputeRuntime } = (await import(computeUrl)) as typeof import('../src/runtime/compute');
    const { layerGradientNorms } = (await import(kernelUrl)) as typeof import('../kernels/vanishing');
    const runtime = new ComputeRuntime(backend as 'webgl' | 'wasm' | 'cpu');
    await runtime.ensure();
    if (runtime.state.backend !== backend) throw new Error(`got ${runtime.state.backend}, not ${backend}`);
    const cfg = {
      depth: 64,
      width: 64,
      activation: 'relu',
      init: 'he',
      residual: true,
      norm: 'none',
      seed: 1,
      batch: 64,
    } as const;
    for (let i = 0; i < 3; i++) await layerGradientNorms(cfg);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      await layerGradientNorms(cfg);
      times.push(performance.now() - t0);
    }
    return times;
  }, backend);
}

/** ms from typing a depth into A's field to the gradient plot drawn with it. */
async function controlLatency(page: Page, depth: number): Promise<number> {
  return page.evaluate(async (depth) => {
    type Plot = HTMLElement & {
      drawCount: number;
      whenDrawn(): Promise<void>;
      traces: { name?: string; y: ArrayLike<number> }[];
    };
    type Configs = [unknown, unknown];
    const demo = document.querySelector('viva-demo-vanishing-gradients') as unknown as HTMLElement & {
      reports: { cache: Map<string, unknown>; request(c: Configs): Promise<void> };
      configs(): Configs;
      updateComplete: Promise<boolean>;
    };
    const root = demo.shadowRoot!;
    const slider = root
      .querySelector('.net.a viva-settings.shape')!
      .shadowRoot!.querySelector('[data-key="a.depth"] viva-slider')!;
    const input = slider.shadowRoot!.querySelector('input.number') as HTMLInputElement;
    // Every change computes A afresh, as a user's first visit to a depth does: clear the report cache
    // (TypeScript-private, reachable at run time), then re-warm the current A and B, so the change recomputes
    // A only; B, which the change does not touch, stays cached as it would for a user.
    demo.reports.cache.clear();
    await demo.reports.request(demo.configs());
    const plot = root.querySelector('viva-line-chart.gradients') as Plot;
    await demo.updateComplete; // and the re-warmed reports' own redraw is over before the clock starts
    await plot.whenDrawn();
    const before = plot.drawCount;
    const t0 = performance.now();
    input.value = String(depth);
    input.dispatchEvent(new Event('change'));
    await new Promise<void>((resolve) => {
      const check = () => {
        const a = plot.traces.find((t) => t.name === 'A at init');
        if (plot.drawCount > before && a?.y.length === depth) resolve();
        else requestAnimationFrame(check);
      };
      check();
    });
    return performance.now() - t0;
  }, depth);
}

async function main(): Promise<void> {
  const server = await createServer({ server: { port: PORT, strictPort: true }, logLevel: 'error' });
  await server.listen();
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  // tsx compiles this file with esbuild's keepNames, which wraps the functions handed to page.evaluate in a
  // __name helper that only exists in Node; give the pages a no-op one.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  try {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/`);
    const kernel: Record<string, number> = {};
    for (const backend of ['webgl', 'wasm', 'cpu'])
      kernel[backend] = median(await kernelTiming(page, backend));

    const cell = await context.newPage();
    await cell.goto(`http://127.0.0.1:${PORT}/?backend=cpu#vanishing-gradients`);
    await cell.locator('viva-cell#vanishing-gradients button.open').click();
    await cell.locator('viva-demo-vanishing-gradients .verdict.b[data-kind]').waitFor({ timeout: 120_000 });
    const latency: Record<number, number[]> = {};
    for (let round = 0; round < 6; round++) {
      for (const depth of [8, 16, 24, 32]) {
        const ms = await controlLatency(cell, depth);
        if (round > 0) (latency[depth] ??= []).push(ms); // round 0 warms up
      }
    }
    const load = loadavg()[0]!.toFixed(1);
    console.log(`Headless Chromium (SwiftShader), load average ${load} (2 cores)`);
    console.log('layerGradientNorms, depth 64, width 64, batch 64 (median of 10, ms):');
    for (const [b, ms] of Object.entries(kernel)) console.log(`  ${b.padEnd(6)}${ms.toFixed(1).padStart(9)}`);
    console.log('control change → gradient plot drawn, CPU backend, width 32, batch 32 (ms, 5 runs):');
    for (const [d, xs] of Object.entries(latency)) {
      const sorted = xs.slice().sort((a, b) => a - b);
      console.log(
        `  depth ${d.padEnd(4)} median ${median(xs).toFixed(1).padStart(7)}  [${sorted.map((x) => x.toFixed(0)).join(', ')}]`,
      );
    }
    const result = {
      loadAverage: Number(load),
      webglDepth64Ms: kernel.webgl,
      wasmDepth64Ms: kernel.wasm,
      cpuDepth64Ms: kernel.cpu,
      cpuControlToPlotMs: Object.fromEntries(Object.entries(latency).map(([d, xs]) => [d, median(xs)])),
    };
    console.log(`BENCH_JSON ${JSON.stringify(result)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();

// The backprop cell's typed expressions (issue 17): what a slider move and a new expression cost.
//  1. Node: the symbolic derivatives of x + x + … + x (30 terms) and x·x·…·x (12 factors), taken once per
//     expression (prepareGradientCheck); one slider move of the three-tanh example (ExpressionSession.set at
//     a new value of x: graph, walkthrough, core, finite differences and symbolic evaluation), no re-derivation.
//  2. Headless Chromium (skipped with --node-only): 20 moves of that example's x slider in the page, each
//     timed from the input event to the cell and its graph having re-rendered, and the main thread's tasks
//     over 50 ms. Builds into .tmp/dist-bench-backprop and serves on 127.0.0.1:4197.
// Run: npx tsx scripts/bench-backprop.ts [--node-only]   (prints lines and one line `BENCH_JSON {…}`)
import { loadavg } from 'node:os';
import { chromium } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { prepareGradientCheck } from '../src/autograd/gradient-check';
import { ExpressionSession } from '../src/demos/backprop/expression-session';
import { longTasks, recordLongTasks, serveBuiltSite } from './lib/built-site.ts';

const EXAMPLE = 'sigmoid(w1*tanh(a1*x+c1)+w2*tanh(a2*x+c2)+w3*tanh(a3*x+c3)+b)';
const AT = { w1: 0.5, a1: 1, x: 0.3, c1: 0, w2: -0.4, a2: 0.7, c2: 0.2, w3: 0.9, a3: -1.2, c3: 0.1, b: 0 };

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};
const ms = (x: number) => `${x.toFixed(2)} ms`;

/** Median and worst of `runs` timings of `f` (after 3 warm-up calls). */
function timeIt(f: () => void, runs: number): { median: number; max: number } {
  for (let i = 0; i < 3; i++) f();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return { median: quantile(t, 0.5), max: Math.max(...t) };
}

const result: Record<string, number> = { loadAverage1m: Number(loadavg()[0]!.toFixed(2)) };
for (const [name, expr] of [
  ['sum30', Array.from({ length: 30 }, () => 'x').join('+')],
  ['product12', Array.from({ length: 12 }, () => 'x').join('*')],
  ['example', EXAMPLE],
] as const) {
  const t = timeIt(() => prepareGradientCheck(expr), 20);
  console.log(`derive once (${name}): median ${ms(t.median)}, max ${ms(t.max)}`);
  result[`derive_${name}_medianMs`] = Number(t.median.toFixed(3));
}

const session = new ExpressionSession();
session.set(EXAMPLE, AT);
let k = 0;
const move = timeIt(() => {
  k++;
  session.set(EXAMPLE, { ...AT, x: -1 + (k % 200) * 0.01 });
}, 200);
console.log(
  `slider move (Node, session only): median ${ms(move.median)}, max ${ms(move.max)}; derivations ${session.derivations}`,
);
result.nodeMoveMedianMs = Number(move.median.toFixed(3));
result.nodeMoveMaxMs = Number(move.max.toFixed(3));

if (!process.argv.includes('--node-only')) {
  const site = await serveBuiltSite(4197, '.tmp/dist-bench-backprop');
  try {
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const at = Object.entries(AT)
      .map(([n, v]) => `${n}=${v}`)
      .join(',');
    await page.goto(
      `${site.origin}/#backprop?expr=${encodeURIComponent(EXAMPLE)}&at=${encodeURIComponent(at)}`,
    );
    await page.locator('viva-demo-backprop viva-graph-view g.node.output').waitFor();
    await page.waitForTimeout(3000); // the trainer's plots load and draw first: not part of a move
    await recordLongTasks(page);
    const times = await page.evaluate(async () => {
      type Updating = HTMLElement & { updateComplete: Promise<boolean> };
      const demo = document.querySelector('viva-demo-backprop') as Updating;
      const slider = demo.shadowRoot!.querySelector('viva-slider[data-variable="x"]') as Updating;
      const range = slider.shadowRoot!.querySelector('input[type=range]') as HTMLInputElement;
      const graph = demo.shadowRoot!.querySelector('viva-graph-view') as Updating;
      const out: number[] = [];
      for (let i = 1; i <= 20; i++) {
        const t0 = performance.now();
        range.value = String(-1 + i * 0.1);
        range.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        await demo.updateComplete;
        await graph.updateComplete;
        out.push(performance.now() - t0);
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      }
      return out;
    });
    const tasks = await longTasks(page);
    // The same span with no moves, to tell the moves' long tasks from the busy machine's.
    await recordLongTasks(page);
    await page.waitForTimeout(Math.max(1000, times.reduce((a, b) => a + b, 0) + 20 * 20));
    const idle = await longTasks(page);
    const core = await page.locator('viva-demo-backprop tr[data-variable="x"] td.core').textContent();
    console.log(
      `slider move (Chromium, input → cell and graph re-rendered, 20 moves): median ${ms(quantile(times, 0.5))}, ` +
        `max ${ms(Math.max(...times))}; tasks over 50 ms: ${tasks.length} [${tasks.map(Math.round).join(', ')}] ` +
        `(idle page, same span: ${idle.length}); ∂f/∂x at x = 1: ${core?.trim()}`,
    );
    result.browserMoveMedianMs = Number(quantile(times, 0.5).toFixed(2));
    result.browserMoveMaxMs = Number(Math.max(...times).toFixed(2));
    result.browserLongTasks = tasks.length;
    result.browserIdleLongTasks = idle.length;
    await browser.close();
  } finally {
    site.close();
  }
}
console.log(`load average (1 min) at start: ${result.loadAverage1m}`);
console.log(`BENCH_JSON ${JSON.stringify(result)}`);

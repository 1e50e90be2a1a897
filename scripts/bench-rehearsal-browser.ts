// Rehearsal views in headless Chromium with 1,000 stored attempts (budget: each under 100 ms): opening a
// question's rehearsal (its attempts, card and notes read from IndexedDB and drawn) and opening the progress
// view (all attempts and cards read, the figures computed and drawn). The 1,000 attempts are made in Node by
// the real store (its in-memory backend, FSRS scheduling), exported, and imported through the page's own
// import. Each figure is the median of 7 openings, from the click until the view is drawn (a
// MutationObserver sees the last element appear).
// Builds the site into .tmp/dist-i14-views and serves it on 127.0.0.1:4200.
// Run: npx tsx scripts/bench-rehearsal-browser.ts
import { writeFileSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium, type Page } from 'playwright';
import { chromiumArgs, chromiumExecutable } from '../test/chromium.ts';
import { compileNotebookDir } from '../src/notebook/content-plugin.ts';
import { GRADES, type Attempt } from '../src/rehearsal/contract.ts';
import { openRehearsalStore } from '../src/rehearsal/store.ts';
import { serveBuiltSite } from './lib/built-site.ts';

const N = 1000;
const questions = compileNotebookDir('notebooks');

/** A seeded stream in [0, 1) (mulberry32), so every run stores the same attempts. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function makeBackup(): Promise<string> {
  const store = await openRehearsalStore({ indexedDB: null });
  const rand = random(14);
  const start = Date.parse('2026-06-01T08:00:00Z');
  for (let i = 0; i < N; i++) {
    const q = questions[i % questions.length]!;
    const when = new Date(start + i * 3 * 3600_000);
    const covered = q.keyPoints.filter(() => rand() < 0.6).map((k) => k.id);
    const attempt: Attempt = {
      id: `bench-${i}`,
      questionId: q.id,
      startedAt: when.toISOString(),
      durationMs: Math.round(60_000 + rand() * 120_000),
      targetMs: 120_000,
      typed: 'A typed answer of a few words, as a real attempt would have.',
      clipId: null,
      autoCovered: covered,
      covered,
      grade: GRADES[Math.floor(rand() * 4)]!,
      mode: 'single',
      demo: null,
      followUp: null,
    };
    await store.recordAttempt(attempt, new Date(when.getTime() + attempt.durationMs));
  }
  return JSON.stringify(await store.exportAll());
}

/**
 * Clicks `button` and resolves with the ms until `count` elements match `done` (checked on every DOM change).
 * Written as page source text: tsx would wrap a function's inner closures in a helper the page lacks.
 */
const TIME_OPEN = `({ button, done, count }) => new Promise((resolve) => {
  const t0 = performance.now();
  const observer = new MutationObserver(() => {
    if (document.querySelectorAll(done).length >= count) {
      observer.disconnect();
      resolve(performance.now() - t0);
    }
  });
  observer.observe(document.body, { subtree: true, childList: true, attributes: true });
  document.querySelector(button).click();
})`;

async function timeOpen(page: Page, button: string, done: string, count: number): Promise<number> {
  return (await page.evaluate(`(${TIME_OPEN})(${JSON.stringify({ button, done, count })})`)) as number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const range = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;

const backup = await makeBackup();
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/rehearsal-1000.json', backup);
const site = await serveBuiltSite(4200, '.tmp/dist-i14-views');
try {
  const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: chromiumArgs });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('dialog', (d) => void d.accept()); // the import asks before replacing everything
  await page.goto(`${site.origin}/#backprop`);
  await page.getByRole('button', { name: 'Rehearsal', exact: true }).click();
  await page.locator('.rehearsal-views button[data-view="data"]').click();
  await page.locator('input.import-file').setInputFiles('.tmp/rehearsal-1000.json');
  await page.locator('.data-message', { hasText: 'Imported' }).waitFor();
  await page.keyboard.press('Escape');

  const q = questions[0]!;
  const perQuestion = Math.ceil(N / questions.length);
  const rehearse: number[] = [];
  const progress: number[] = [];
  for (let i = 0; i < 7; i++) {
    rehearse.push(
      await timeOpen(page, `viva-cell#${q.id} .rehearse-button`, `viva-cell#${q.id} li.attempt`, perQuestion),
    );
    await page.locator(`viva-cell#${q.id} .close-rehearsal`).click();
    progress.push(await timeOpen(page, 'button.open-rehearsal', '.progress-view[data-ready] table', 1));
    await page.keyboard.press('Escape');
  }
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`${N} stored attempts; load average ${load}`);
  console.log(
    `open rehearsal (${perQuestion} attempts of one question): median ${median(rehearse).toFixed(1)} ms (${range(rehearse)})`,
  );
  console.log(`open the progress view: median ${median(progress).toFixed(1)} ms (${range(progress)})`);
  console.log(
    `BENCH_JSON ${JSON.stringify({ attempts: N, openRehearsalMs: median(rehearse), openProgressMs: median(progress), load })}`,
  );
  await browser.close();
} finally {
  site.close();
}

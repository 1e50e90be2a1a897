// Rehearsal mode (issue 14), the data half in Node: with 1,000 stored attempts over the 16 shipped questions
// (seeded, spread over 120 days, graded and scheduled through the real store),
//  1. the progress figures (progressReport: due today, coverage, weakest points, grades, times);
//  2. the mock-interview draw (drawMockSession, 5 questions);
//  3. opening the store and reading what the progress view needs (attempts and cards), over fake-indexeddb:
//     a Node stand-in for IndexedDB, so this is the data layer's cost, not a browser's; the views add the
//     browser figure;
//  4. export of everything and import back (validation included).
// Median of 20 runs after 3 warm-ups; wall-clock ms. The machine is shared: the load average is printed.
//
// Run: npx tsx scripts/bench-rehearsal.ts      Prints a table and one line `BENCH_JSON {…}`.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { loadavg } from 'node:os';
import { compileNotebookDir } from '../src/notebook/content-plugin';
import type { Attempt } from '../src/rehearsal/contract';
import { GRADES } from '../src/rehearsal/contract';
import { drawMockSession } from '../src/rehearsal/mock';
import { progressReport } from '../src/rehearsal/progress';
import { openRehearsalStore } from '../src/rehearsal/store';
import { createRng } from '../src/runtime/rng';

const ATTEMPTS = 1000;
const RUNS = 20;
const DAY = 86_400_000;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function time(fn: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

const questions = compileNotebookDir('notebooks');
const rng = createRng(14);
const start = Date.parse('2026-01-01T09:00:00Z');
const attempts: Attempt[] = Array.from({ length: ATTEMPTS }, (_, i) => {
  const q = questions[rng.int(questions.length)]!;
  const covered = q.keyPoints.filter(() => rng.uniform() < 0.6).map((kp) => kp.id);
  return {
    id: `att-${String(i).padStart(4, '0')}`,
    questionId: q.id,
    startedAt: new Date(start + (i / ATTEMPTS) * 120 * DAY).toISOString(),
    durationMs: Math.round(60_000 + rng.uniform() * 120_000),
    targetMs: 120_000,
    typed: 'an answer of a few words '.repeat(20),
    clipId: null,
    autoCovered: covered.slice(0, 2),
    covered,
    grade: GRADES[rng.int(4)]!,
    mode: rng.uniform() < 0.2 ? 'mock' : 'single',
    demo: null,
    followUp: null,
  };
});

const factory = new IDBFactory();
const store = await openRehearsalStore({ indexedDB: factory, name: 'bench' });
for (const a of attempts) await store.recordAttempt(a, new Date(Date.parse(a.startedAt) + 120_000));
const cards = await store.cards();
const now = new Date(start + 121 * DAY);

const progressMs = await time(() => progressReport(questions, cards, attempts, now));
const mockMs = await time(() => drawMockSession(questions, cards, attempts, { count: 5, seed: 3, now }));
const openOnlyMs = await time(() => openRehearsalStore({ indexedDB: factory, name: 'bench' }));
const readMs = await time(() => Promise.all([store.attempts(), store.cards()]));
const openMs = await time(async () => {
  const s = await openRehearsalStore({ indexedDB: factory, name: 'bench' });
  const [all, cs] = await Promise.all([s.attempts(), s.cards()]);
  progressReport(questions, cs, all, now);
});
const backup = await store.exportAll();
const exportMs = await time(() => store.exportAll());
const importMs = await time(async () => {
  const r = await store.importAll(backup);
  if (!r.ok) throw new Error(r.problems.join('; '));
});
const bytes = JSON.stringify(backup).length;

const rows: [string, number][] = [
  ['progress figures (progressReport)', progressMs],
  ['mock draw, 5 questions', mockMs],
  ['open store: schema, then every record read and validated (fake-indexeddb)', openOnlyMs],
  ['read attempts and cards (fake-indexeddb)', readMs],
  ['all three: open + read + progress figures', openMs],
  ['export everything', exportMs],
  ['import back (validate, clear, write)', importMs],
];
console.log(
  `${ATTEMPTS} attempts over ${questions.length} questions, ${cards.length} cards; backup ${(bytes / 1024).toFixed(0)} KiB`,
);
for (const [name, ms] of rows) console.log(`${name.padEnd(76)} ${ms.toFixed(2).padStart(8)} ms`);
const load = loadavg()
  .map((x) => x.toFixed(1))
  .join(' ');
console.log(`load average ${load}`);
console.log(
  'BENCH_JSON ' +
    JSON.stringify({
      attempts: ATTEMPTS,
      progressMs,
      mockMs,
      openMs,
      exportMs,
      importMs,
      backupBytes: bytes,
      load,
    }),
);

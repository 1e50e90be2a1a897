// The reproducibility session in Node (in-thread compute on the tfjs CPU backend): a run writes a kit run
// card with the backend it ran on, a replay reproduces every metric bit for bit, a card edited by one bit
// shows ✗ on that metric only, the backend comparison of CPU with itself is bit-identical, and the
// checklist is filled from the card.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, expect, test } from 'vitest';
import {
  checklistMarkdown,
  checklistWithReplay,
  compareMetrics,
} from '../../../src/demos/reproducibility/card-tools';
import { ReproSession, sumsFor } from '../../../src/demos/reproducibility/session';
import { REPRO_SETTINGS } from '../../../src/demos/reproducibility/settings';
import { defaults } from '../../../src/ui/kit/settings';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const values = { ...defaults(REPRO_SETTINGS), steps: 20, points: 40, hidden: 4, seed: 5 };
const live = () => new AbortController().signal;

test('a run writes a card; a replay reproduces every metric bit for bit; an edited card shows ✗', async () => {
  const s = new ReproSession();
  const card = await s.train(values, live());
  expect(card.question).toBe('reproducibility');
  expect(card.backend).toBe('cpu');
  expect(card.seed).toBe(5);
  expect(card.settings).toEqual(values);
  expect(card.metrics.steps).toBe(20);
  expect(card.metrics.weightChecksum).toMatch(/^[0-9a-f]{8}$/);
  expect(s.metrics()).toEqual(card.metrics);
  expect(s.cards.cards[0]).toBe(card);

  const r = await s.replayCard(card, live());
  expect(r.rows.map((row) => row.key)).toEqual(Object.keys(card.metrics));
  expect(r.rows.every((row) => row.same)).toBe(true);

  const loss = card.metrics.finalLoss as number;
  const nudged = new Float32Array([loss]);
  new Uint32Array(nudged.buffer)[0]! ^= 1; // the last bit of the float32 loss
  const edited = { ...card, metrics: { ...card.metrics, finalLoss: nudged[0]! } };
  const rows = (await s.replayCard(edited, live())).rows;
  expect(rows.filter((row) => !row.same).map((row) => row.key)).toEqual(['finalLoss']);
});

test('CPU against the best backend in Node (CPU again): bit-identical, difference 0', async () => {
  const s = new ReproSession();
  const c = await s.compareBackends(values, live());
  expect(c.diff.bitIdentical).toBe(true);
  expect(c.diff.maxLossDiff).toBe(0);
});

test('compareMetrics by hand: Object.is per key, keys the replay adds come last', () => {
  expect(compareMetrics({ a: 1, b: 'x', z: 0 }, { a: 1, b: 'y', z: -0, c: true })).toEqual([
    { key: 'a', card: 1, replay: 1, same: true },
    { key: 'b', card: 'x', replay: 'y', same: false },
    { key: 'z', card: 0, replay: -0, same: false },
    { key: 'c', card: undefined, replay: true, same: false },
  ]);
});

test('the checklist is filled from the card, ticks what it records, and escapes table pipes', async () => {
  const s = new ReproSession();
  const card = await s.train(values, live());
  const md = checklistMarkdown({ ...card, userAgent: 'a|b' });
  expect(md).toContain('- [x] Seed recorded: 5');
  expect(md).toContain('- [x] Backend: cpu');
  expect(md).toContain(`tfjs-core ${tf.version_core}`);
  expect(md).toContain('two moons, 40 points, noise 0.15');
  expect(md).toContain(`| weightChecksum | ${String(card.metrics.weightChecksum)} |`);
  expect(md).toContain('| hidden | 4 |');
  expect(md).toContain('Browser: a\\|b');
  expect(md).toContain('- [ ] Replayed on the same backend');
  const r = await s.replayCard(card, live());
  expect(checklistWithReplay(card, r.rows, 'cpu')).toContain(
    '- [x] Replayed on cpu: 6 of 6 metrics identical bit for bit',
  );
  expect(checklistMarkdown({ ...card, seed: null, backend: null })).toContain('- [ ] Seed recorded: none');
});

test('sumsFor: the notebook case gives 1 forward and 0 reverse', () => {
  const { formula, mixed } = sumsFor(100, 6, 1);
  expect([formula.forward, formula.reverse]).toEqual([1, 0]);
  expect(Number.isFinite(mixed.float64)).toBe(true);
});

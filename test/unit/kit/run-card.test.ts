import { describe, expect, it } from 'vitest';
import { RunCardLog, cardFileName, makeRunCard, metricsSummary } from '../../../src/ui/kit/run-card';

const input = {
  question: 'dqn',
  outcome: 'done' as const,
  settings: { episodes: 10, seed: 4 },
  backend: 'webgl',
  renderer: 'ANGLE (NVIDIA H200)',
  tfjsVersion: '4.22.0',
  appVersion: '0.1.0',
  userAgent: 'test',
  startedAt: new Date('2026-11-29T10:00:00.000Z'),
  durationMs: 1234.6,
  metrics: { meanReturn: 21.5, solved: false, loss: NaN },
};

describe('run cards', () => {
  it('records settings, seed, environment and finite metrics (NaN kept as text)', () => {
    const c = makeRunCard(input);
    expect(c).toEqual({
      format: 1,
      question: 'dqn',
      outcome: 'done',
      settings: { episodes: 10, seed: 4 },
      seed: 4,
      backend: 'webgl',
      renderer: 'ANGLE (NVIDIA H200)',
      tfjsVersion: '4.22.0',
      appVersion: '0.1.0',
      userAgent: 'test',
      startedAt: '2026-11-29T10:00:00.000Z',
      durationMs: 1235,
      metrics: { meanReturn: 21.5, solved: false, loss: 'NaN' },
    });
    expect(cardFileName(c)).toBe('viva-dqn-2026-11-29T10-00-00-000Z.json');
    expect(metricsSummary({ a: 0.000123456, b: 3, c: 1.23456 })).toBe('a 1.235e-4 · b 3 · c 1.235');
    expect(metricsSummary({ loss: 5.548327108889357e22, steps: 200 })).toBe('loss 5.548e+22 · steps 200');
  });

  it('keeps the renderer only for GPU backends; the log keeps the newest few', () => {
    expect(makeRunCard({ ...input, backend: 'cpu' }).renderer).toBeNull();
    const log = new RunCardLog(2);
    for (const q of ['a', 'b', 'c']) log.add(makeRunCard({ ...input, question: q }));
    expect(log.cards.map((c) => c.question)).toEqual(['c', 'b']);
  });
});

// Progress figures and the mock-interview draw (issue 14) on small fixtures worked by hand; the draw's first
// pick is checked against its stated law (probability weight / total weight) over many seeds.
import { describe, expect, it } from 'vitest';
import type { Attempt, Grade, StoredCard } from '../../../src/rehearsal/contract';
import { drawMockSession, mockWeight, type MockQuestion } from '../../../src/rehearsal/mock';
import { answerTimes, gradeHistory, progressReport } from '../../../src/rehearsal/progress';

const kps = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `kp${i + 1}`, text: `p${i + 1}`, phrases: [] }));
const fu = (q: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ question: `${q} f${i}?`, answerHtml: '' }));

const questions: MockQuestion[] = [
  {
    id: 'q1',
    number: 1,
    title: 'Q1',
    section: 'Theory',
    rarity: 'Very common',
    keyPoints: kps(4),
    followUps: fu('q1', 3),
  },
  {
    id: 'q2',
    number: 2,
    title: 'Q2',
    section: 'Theory',
    rarity: 'Added',
    keyPoints: kps(2),
    followUps: fu('q2', 2),
  },
  {
    id: 'q3',
    number: 3,
    title: 'Q3',
    section: 'Methods',
    rarity: 'Medium',
    keyPoints: kps(4),
    followUps: [],
  },
];

// Noon UTC keeps every time on the same local calendar day from UTC−11 to UTC+11.
const now = new Date('2026-03-10T12:00:00Z');
const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 2, day, 12, minute)).toISOString();

function attempt(
  id: string,
  questionId: string,
  startedAt: string,
  grade: Grade,
  covered: string[],
  ms: number,
): Attempt {
  return {
    id,
    questionId,
    startedAt,
    durationMs: ms,
    targetMs: 120_000,
    typed: '',
    clipId: null,
    autoCovered: [],
    covered,
    grade,
    mode: 'single',
    demo: null,
    followUp: null,
  };
}

const card = (questionId: string, due: string): StoredCard => ({
  questionId,
  due,
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 1,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: at(1),
});

const attempts = [
  attempt('a1', 'q2', at(8), 'good', ['kp1'], 150_000),
  attempt('a2', 'q2', at(9), 'easy', ['kp1', 'kp2'], 100_000),
  attempt('a3', 'q3', at(9, 30), 'again', ['kp2'], 130_000),
];
// q1 never rehearsed; q2 due in three days; q3 overdue by two days.
const cards = [card('q2', at(13)), card('q3', at(8))];

describe('progress', () => {
  it('computes due today, coverage, weakest points, grade history and answer times', () => {
    const r = progressReport(questions, cards, attempts, now);
    expect(r.dueToday).toEqual({ due: [{ questionId: 'q3', due: at(8) }], unseen: ['q1'] });
    // Theory: q1 (4 points, unseen) and q2 (latest a2 covers both of its 2): 1 of 2 rehearsed, 2 of 6 points.
    expect(r.sections).toEqual([
      { section: 'Theory', questions: 2, rehearsed: 1, keyPoints: 6, keyPointsCovered: 2 },
      { section: 'Methods', questions: 1, rehearsed: 1, keyPoints: 4, keyPointsCovered: 1 },
    ]);
    // q3's kp1, kp3, kp4 missed once in one attempt (rate 1); q2's kp2 missed once in two (rate 1/2).
    expect(r.weakest.map((w) => [w.questionId, w.keyPointId, w.missed, w.attempts])).toEqual([
      ['q3', 'kp1', 1, 1],
      ['q3', 'kp3', 1, 1],
      ['q3', 'kp4', 1, 1],
      ['q2', 'kp2', 1, 2],
    ]);
    expect(gradeHistory(attempts)).toEqual([
      { day: '2026-03-08', again: 0, hard: 0, good: 1, easy: 0 },
      { day: '2026-03-09', again: 1, hard: 0, good: 0, easy: 1 },
    ]);
    const times = answerTimes(attempts);
    expect(times.series.map((s) => s.attemptId)).toEqual(['a1', 'a2', 'a3']);
    expect([times.medianMs, times.overTarget]).toEqual([130_000, 2]);
    expect(answerTimes([]).medianMs).toBeNull();
  });
});

describe('mock interview draw', () => {
  // By hand: q1 0.5·1 + 0.25·1 + 0.25·0.5 = 0.875;
  // q2 due in 3 days → 1/4; weakness over a2 then a1: ((0 + 0)/2 + (1/2 + 1/3)/2)/2 = 5/24;
  //    0.5·0.25 + 0.25·0.25 + 0.25·5/24 = 0.2395833…;
  // q3 overdue → 1; weakness (3/4 + 1)/2 = 0.875; 0.5 + 0.25·0.5 + 0.25·0.875 = 0.84375.
  const expected = [0.875, 0.5 * 0.25 + 0.0625 + 0.25 * (5 / 24), 0.84375];

  it('weighs by due date, rarity and weakness', () => {
    const cardOf = new Map(cards.map((c) => [c.questionId, c]));
    questions.forEach((q, i) => {
      const mine = attempts.filter((a) => a.questionId === q.id);
      expect(mockWeight(q, cardOf.get(q.id), mine, now)).toBeCloseTo(expected[i]!, 12);
    });
  });

  it('draws distinct questions, reproducibly, each with one of its own follow-ups', () => {
    const one = drawMockSession(questions, cards, attempts, { count: 3, seed: 11, now });
    expect(drawMockSession(questions, cards, attempts, { count: 3, seed: 11, now })).toEqual(one);
    expect(new Set(one.map((m) => m.questionId)).size).toBe(3);
    for (const m of one) {
      const q = questions.find((x) => x.id === m.questionId)!;
      if (q.followUps.length === 0) expect(m.followUp).toBeNull();
      else expect(q.followUps).toContain(m.followUp);
    }
    expect(drawMockSession(questions, cards, attempts, { count: 10, seed: 1, now })).toHaveLength(3);
    expect(() => drawMockSession(questions, cards, attempts, { count: 0, seed: 1, now })).toThrow(RangeError);
  });

  it('picks first with probability weight / total weight (3,000 seeds, within 0.03)', () => {
    const total = expected.reduce((s, w) => s + w, 0);
    const hits = new Map<string, number>();
    const followUps = new Set<string>();
    const n = 3000;
    for (let seed = 1; seed <= n; seed++) {
      const [first] = drawMockSession(questions, cards, attempts, { count: 1, seed, now });
      hits.set(first!.questionId, (hits.get(first!.questionId) ?? 0) + 1);
      if (first!.questionId === 'q1') followUps.add(first!.followUp!.question);
    }
    questions.forEach((q, i) =>
      expect(Math.abs((hits.get(q.id) ?? 0) / n - expected[i]! / total)).toBeLessThan(0.03),
    );
    expect(followUps.size).toBe(3);
  });
});

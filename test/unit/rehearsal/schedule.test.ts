// FSRS scheduling (issue 14): the stored schedule after a sequence of grades equals ts-fsrs's own for the
// same sequence and times, through a JSON round trip at every step (as IndexedDB and export store it).
import { createEmptyCard, fsrs, Rating, State, type Grade as FsrsGrade } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import type { Grade, StoredCard } from '../../../src/rehearsal/contract';
import {
  fromStoredCard,
  fromStoredLog,
  gradeToRating,
  isDueBy,
  ratingToGrade,
  reviewCard,
} from '../../../src/rehearsal/schedule';

const MIN = 60_000;
const DAY = 86_400_000;
const t0 = new Date('2026-03-02T09:00:00Z');

describe('schedule', () => {
  it('maps grades to ratings and back', () => {
    expect((['again', 'hard', 'good', 'easy'] as Grade[]).map(gradeToRating)).toEqual([
      Rating.Again,
      Rating.Hard,
      Rating.Good,
      Rating.Easy,
    ]);
    expect([1, 2, 3, 4].map(ratingToGrade)).toEqual(['again', 'hard', 'good', 'easy']);
    expect(() => ratingToGrade(0)).toThrow(/rating 0 is not a grade/);
  });

  it('follows the default learning steps by hand: Again → 1 minute, Good → 10 minutes, both Learning', () => {
    const again = reviewCard(null, 'q', 'again', 'a', 'r', t0).card;
    const good = reviewCard(null, 'q', 'good', 'a', 'r', t0).card;
    expect(Date.parse(again.due) - t0.getTime()).toBe(MIN);
    expect(Date.parse(good.due) - t0.getTime()).toBe(10 * MIN);
    expect([again.state, good.state, good.reps]).toEqual([State.Learning, State.Learning, 1]);
  });

  it('stores, after a sequence of grades, exactly the schedule ts-fsrs computes for it', () => {
    const steps: [Grade, FsrsGrade, number][] = [
      ['good', Rating.Good, 0],
      ['good', Rating.Good, 10 * MIN],
      ['again', Rating.Again, 3 * DAY],
      ['hard', Rating.Hard, 3 * DAY + 5 * MIN],
      ['good', Rating.Good, 5 * DAY],
      ['easy', Rating.Easy, 12 * DAY],
      ['good', Rating.Good, 40 * DAY],
    ];
    const reference = fsrs({ enable_fuzz: false });
    let refCard = createEmptyCard(t0);
    let stored: StoredCard | null = null;
    for (const [i, [grade, rating, offset]] of steps.entries()) {
      const now = new Date(t0.getTime() + offset);
      const ref = reference.next(refCard, now, rating);
      refCard = ref.card;
      const out = reviewCard(stored, 'attention', grade, `a${i}`, `r${i}`, now);
      stored = JSON.parse(JSON.stringify(out.card)) as StoredCard;
      const log = JSON.parse(JSON.stringify(out.review.log)) as typeof out.review.log;
      expect(fromStoredCard(stored), `step ${i}`).toEqual(ref.card);
      expect(stored.due, `step ${i}`).toBe(ref.card.due.toISOString());
      expect(stored.last_review).toBe(now.toISOString());
      expect(fromStoredLog(log), `step ${i}`).toEqual(ref.log);
      expect(out.review).toMatchObject({ questionId: 'attention', attemptId: `a${i}`, grade });
    }
    expect(stored!.reps).toBe(steps.length);
    expect(stored!.lapses).toBe(1);
    expect(stored!.state).toBe(State.Review);
  });

  it('is reproducible (fuzz off) and says what is due', () => {
    const a = reviewCard(null, 'q', 'easy', 'a', 'r', t0).card;
    const b = reviewCard(null, 'q', 'easy', 'a', 'r', t0).card;
    expect(a).toEqual(b);
    expect(Date.parse(a.due) - t0.getTime()).toBeGreaterThanOrEqual(DAY);
    expect(isDueBy(null, t0)).toBe(true);
    expect(isDueBy(a, t0)).toBe(false);
    expect(isDueBy(a, new Date(Date.parse(a.due) + 1))).toBe(true);
  });
});

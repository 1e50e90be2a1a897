// Scheduling of a question's rehearsals with FSRS through ts-fsrs (issue 14), not a hand-written scheduler.
// This module only converts: Grade ↔ ts-fsrs Rating, Card ↔ StoredCard, ReviewLog ↔ StoredReview (dates as
// ISO strings so that a record survives IndexedDB and JSON unchanged). Fuzz is off, so the same grades at
// the same times always give the same schedule.
//
// Example: reviewCard(null, 'attention', 'good', 'a1', 'r1', new Date()) → { card: { due: '…', state: 1, … },
//   review: { grade: 'good', log: { rating: 3, … } } }
import { createEmptyCard, fsrs, Rating, type Card, type Grade as FsrsGrade, type ReviewLog } from 'ts-fsrs';
import type { Grade, StoredCard, StoredReview } from './contract.ts';

/** The one scheduler: ts-fsrs defaults (90% retention, short-term learning steps), fuzz off. */
export const scheduler = fsrs({ enable_fuzz: false });

const RATING_OF: Record<Grade, FsrsGrade> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

export function gradeToRating(grade: Grade): FsrsGrade {
  return RATING_OF[grade];
}

export function ratingToGrade(rating: number): Grade {
  const found = (Object.keys(RATING_OF) as Grade[]).find((g) => RATING_OF[g] === rating);
  if (!found) throw new Error(`rating ${rating} is not a grade (1 again, 2 hard, 3 good, 4 easy)`);
  return found;
}

export function toStoredCard(questionId: string, card: Card): StoredCard {
  return {
    questionId,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsed_days,
    scheduled_days: card.scheduled_days,
    learning_steps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    last_review: card.last_review ? card.last_review.toISOString() : null,
  };
}

export function fromStoredCard(stored: StoredCard): Card {
  const card: Card = {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: stored.elapsed_days,
    scheduled_days: stored.scheduled_days,
    learning_steps: stored.learning_steps,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state,
  };
  if (stored.last_review !== null) card.last_review = new Date(stored.last_review);
  return card;
}

/** A question never rehearsed: ts-fsrs's empty card, due now. */
export function newStoredCard(questionId: string, now: Date): StoredCard {
  return toStoredCard(questionId, createEmptyCard(now));
}

export function toStoredLog(log: ReviewLog): StoredReview['log'] {
  return {
    rating: log.rating,
    state: log.state,
    due: log.due.toISOString(),
    stability: log.stability,
    difficulty: log.difficulty,
    elapsed_days: log.elapsed_days,
    last_elapsed_days: log.last_elapsed_days,
    scheduled_days: log.scheduled_days,
    learning_steps: log.learning_steps,
    review: log.review.toISOString(),
  };
}

/** The ReviewLog back from a stored review (for ts-fsrs's rollback or rescheduling). */
export function fromStoredLog(log: StoredReview['log']): ReviewLog {
  return {
    rating: Number(log.rating),
    state: Number(log.state),
    due: new Date(String(log.due)),
    stability: Number(log.stability),
    difficulty: Number(log.difficulty),
    elapsed_days: Number(log.elapsed_days),
    last_elapsed_days: Number(log.last_elapsed_days),
    scheduled_days: Number(log.scheduled_days),
    learning_steps: Number(log.learning_steps),
    review: new Date(String(log.review)),
  };
}

/**
 * Schedules one review of a question graded `grade` at `now`: the card after it (a new card when the
 * question has none yet) and the review as stored, tied to its attempt.
 */
export function reviewCard(
  current: StoredCard | null,
  questionId: string,
  grade: Grade,
  attemptId: string,
  reviewId: string,
  now: Date,
): { card: StoredCard; review: StoredReview } {
  const card = current ? fromStoredCard(current) : createEmptyCard(now);
  const next = scheduler.next(card, now, gradeToRating(grade));
  return {
    card: toStoredCard(questionId, next.card),
    review: { id: reviewId, questionId, attemptId, grade, log: toStoredLog(next.log) },
  };
}

/** Whether the card is due by the end of `now`'s local day (a question never rehearsed has no card: due). */
export function isDueBy(card: StoredCard | null, now: Date): boolean {
  if (!card) return true;
  const endOfDay = new Date(now);
  endOfDay.setHours(23, 59, 59, 999);
  return Date.parse(card.due) <= endOfDay.getTime();
}

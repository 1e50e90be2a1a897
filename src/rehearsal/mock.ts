// The mock-interview draw (issue 14): N distinct questions drawn by due date, rarity and weakness, seeded,
// each with one of its own follow-up questions chosen by the same seeded generator.
//
// A question's weight is 0.5·due + 0.25·rarity + 0.25·weakness, each in [0, 1]:
//   due       1 when it has no card or is due now, else 1 / (1 + days until due);
//   rarity    Very common 1, Common 0.75, Medium 0.5, Added 0.25 (what interviewers ask most comes first);
//   weakness  over its last three attempts, the mean of (share of key points missed + grade weakness) / 2,
//             grade weakness again 1, hard 2/3, good 1/3, easy 0; 0.5 when never rehearsed.
// Sampling without replacement with probability proportional to weight (Efraimidis–Spirakis keys u^(1/w)).
//
// Example: drawMockSession(questions, cards, attempts, { count: 5, seed: 7, now: new Date() })
//   → [{ questionId: 'attention', followUp: { question: 'Why divide by √d_k?', … }, weight: 0.875 }, …]
import { createRng } from '../runtime/rng.ts';
import type { Attempt, FollowUp, Grade, StoredCard } from './contract.ts';
import type { ProgressQuestion } from './progress.ts';

export interface MockQuestion extends ProgressQuestion {
  followUps: FollowUp[];
}

export interface MockItem {
  questionId: string;
  /** One of the question's own follow-ups, asked after the answer (null when the page has none). */
  followUp: FollowUp | null;
  /** The draw weight, for the summary ("chosen because it was due / weak"). */
  weight: number;
}

export interface MockOptions {
  count: number;
  seed: number;
  now: Date;
}

const DAY_MS = 86_400_000;
export const RARITY_WEIGHT: Record<string, number> = {
  'Very common': 1,
  Common: 0.75,
  Medium: 0.5,
  Added: 0.25,
};
const GRADE_WEAKNESS: Record<Grade, number> = { again: 1, hard: 2 / 3, good: 1 / 3, easy: 0 };

export function dueScore(card: StoredCard | null | undefined, now: Date): number {
  if (!card) return 1;
  const days = (Date.parse(card.due) - now.getTime()) / DAY_MS;
  return days <= 0 ? 1 : 1 / (1 + days);
}

export function weaknessScore(question: MockQuestion, attempts: Attempt[]): number {
  const mine = attempts
    .filter((a) => a.questionId === question.id)
    .sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0))
    .slice(0, 3);
  if (mine.length === 0) return 0.5;
  const total = question.keyPoints.length;
  const each = mine.map((a) => {
    const covered = question.keyPoints.filter((kp) => a.covered.includes(kp.id)).length;
    const missedShare = total === 0 ? 0 : 1 - covered / total;
    return (missedShare + GRADE_WEAKNESS[a.grade]) / 2;
  });
  return each.reduce((s, x) => s + x, 0) / each.length;
}

export function mockWeight(
  question: MockQuestion,
  card: StoredCard | null | undefined,
  attempts: Attempt[],
  now: Date,
): number {
  const rarity = RARITY_WEIGHT[question.rarity] ?? 0.5;
  return 0.5 * dueScore(card, now) + 0.25 * rarity + 0.25 * weaknessScore(question, attempts);
}

export function drawMockSession(
  questions: MockQuestion[],
  cards: StoredCard[],
  attempts: Attempt[],
  { count, seed, now }: MockOptions,
): MockItem[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(`a mock interview needs a whole number of questions from 1, got ${count}`);
  }
  const rng = createRng(seed);
  const cardOf = new Map(cards.map((c) => [c.questionId, c]));
  const byQuestion = new Map<string, Attempt[]>();
  for (const a of attempts) {
    const list = byQuestion.get(a.questionId);
    if (list) list.push(a);
    else byQuestion.set(a.questionId, [a]);
  }
  const keyed = [...questions]
    .sort((a, b) => a.number - b.number)
    .map((q) => {
      const weight = mockWeight(q, cardOf.get(q.id), byQuestion.get(q.id) ?? [], now);
      return { q, weight, key: Math.log(1 - rng.uniform()) / weight };
    })
    .sort((a, b) => b.key - a.key);
  return keyed.slice(0, Math.min(count, keyed.length)).map(({ q, weight }) => ({
    questionId: q.id,
    followUp: q.followUps.length === 0 ? null : q.followUps[rng.int(q.followUps.length)]!,
    weight,
  }));
}

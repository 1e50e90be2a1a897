// The progress figures of the rehearsal mode (issue 14), from the stored cards and attempts: what is due
// today, coverage per section, the weakest key points (missed most often), the grades per day and the time
// per answer against its target. Pure functions over plain data; days are the user's local days.
//
// Example: progressReport(questions, cards, attempts, new Date()).dueToday → { due: [{ questionId, due }], unseen }
import type { Attempt, Grade, KeyPoint, StoredCard } from './contract.ts';
import { GRADES } from './contract.ts';

/** What progress needs of a compiled question (src/notebook/question.ts's Question has all of it). */
export interface ProgressQuestion {
  id: string;
  number: number;
  title: string;
  section: string;
  rarity: string;
  keyPoints: KeyPoint[];
}

export interface DueToday {
  /** Questions rehearsed before and due by the end of today, the most overdue first. */
  due: { questionId: string; due: string }[];
  /** Questions never rehearsed (no card), in notebook order. */
  unseen: string[];
}

export interface SectionCoverage {
  section: string;
  questions: number;
  /** Questions with at least one attempt. */
  rehearsed: number;
  /** Key points of the section's questions, and how many the latest attempt of each question covered. */
  keyPoints: number;
  keyPointsCovered: number;
}

export interface WeakPoint {
  questionId: string;
  keyPointId: string;
  text: string;
  /** Attempts at the question that did not cover the point, out of all attempts at it. */
  missed: number;
  attempts: number;
}

export type GradeDay = { day: string } & Record<Grade, number>;

export interface AnswerTimes {
  /** One entry per attempt, oldest first. */
  series: {
    attemptId: string;
    questionId: string;
    startedAt: string;
    durationMs: number;
    targetMs: number;
  }[];
  /** Median duration in ms (null without attempts) and how many answers ran over their target. */
  medianMs: number | null;
  overTarget: number;
}

export interface ProgressReport {
  dueToday: DueToday;
  sections: SectionCoverage[];
  weakest: WeakPoint[];
  grades: GradeDay[];
  times: AnswerTimes;
}

/** The local calendar day of an ISO time, as YYYY-MM-DD. */
export function localDay(time: string | Date): string {
  const d = new Date(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function endOfDay(now: Date): number {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end.getTime();
}

export function dueToday(questions: ProgressQuestion[], cards: StoredCard[], now: Date): DueToday {
  const byId = new Map(cards.map((c) => [c.questionId, c]));
  const limit = endOfDay(now);
  const due: DueToday['due'] = [];
  const unseen: string[] = [];
  for (const q of [...questions].sort((a, b) => a.number - b.number)) {
    const card = byId.get(q.id);
    if (!card) unseen.push(q.id);
    else if (Date.parse(card.due) <= limit) due.push({ questionId: q.id, due: card.due });
  }
  due.sort((a, b) => Date.parse(a.due) - Date.parse(b.due) || (a.questionId < b.questionId ? -1 : 1));
  return { due, unseen };
}

/** The latest attempt at each question (by start time). */
function latestByQuestion(attempts: Attempt[]): Map<string, Attempt> {
  const latest = new Map<string, Attempt>();
  for (const a of attempts) {
    const prev = latest.get(a.questionId);
    if (!prev || a.startedAt > prev.startedAt) latest.set(a.questionId, a);
  }
  return latest;
}

export function sectionCoverage(questions: ProgressQuestion[], attempts: Attempt[]): SectionCoverage[] {
  const latest = latestByQuestion(attempts);
  const out = new Map<string, SectionCoverage>();
  for (const q of [...questions].sort((a, b) => a.number - b.number)) {
    const s = out.get(q.section) ?? {
      section: q.section,
      questions: 0,
      rehearsed: 0,
      keyPoints: 0,
      keyPointsCovered: 0,
    };
    const last = latest.get(q.id);
    s.questions += 1;
    s.keyPoints += q.keyPoints.length;
    if (last) {
      s.rehearsed += 1;
      s.keyPointsCovered += q.keyPoints.filter((kp) => last.covered.includes(kp.id)).length;
    }
    out.set(q.section, s);
  }
  return [...out.values()];
}

/** Key points missed at least once, the most often missed first (ties: higher miss rate, notebook order). */
export function weakestKeyPoints(
  questions: ProgressQuestion[],
  attempts: Attempt[],
  limit = 10,
): WeakPoint[] {
  const byQuestion = new Map<string, Attempt[]>();
  for (const a of attempts) {
    const list = byQuestion.get(a.questionId);
    if (list) list.push(a);
    else byQuestion.set(a.questionId, [a]);
  }
  const weak: (WeakPoint & { order: number })[] = [];
  for (const q of questions) {
    const tries = byQuestion.get(q.id) ?? [];
    q.keyPoints.forEach((kp, i) => {
      const missed = tries.filter((a) => !a.covered.includes(kp.id)).length;
      if (missed > 0) {
        weak.push({
          questionId: q.id,
          keyPointId: kp.id,
          text: kp.text,
          missed,
          attempts: tries.length,
          order: q.number * 100 + i,
        });
      }
    });
  }
  weak.sort(
    (a, b) => b.missed - a.missed || b.missed / b.attempts - a.missed / a.attempts || a.order - b.order,
  );
  return weak.slice(0, limit).map(({ order: _order, ...w }) => w);
}

/** Grades per local day, oldest day first. */
export function gradeHistory(attempts: Attempt[]): GradeDay[] {
  const days = new Map<string, GradeDay>();
  for (const a of attempts) {
    const day = localDay(a.startedAt);
    const row = days.get(day) ?? { day, again: 0, hard: 0, good: 0, easy: 0 };
    if (GRADES.includes(a.grade)) row[a.grade] += 1;
    days.set(day, row);
  }
  return [...days.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

export function answerTimes(attempts: Attempt[]): AnswerTimes {
  const series = [...attempts]
    .sort((a, b) => (a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : 0))
    .map((a) => ({
      attemptId: a.id,
      questionId: a.questionId,
      startedAt: a.startedAt,
      durationMs: a.durationMs,
      targetMs: a.targetMs,
    }));
  const sorted = series.map((s) => s.durationMs).sort((a, b) => a - b);
  const n = sorted.length;
  const medianMs = n === 0 ? null : n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  return { series, medianMs, overTarget: series.filter((s) => s.durationMs > s.targetMs).length };
}

export function progressReport(
  questions: ProgressQuestion[],
  cards: StoredCard[],
  attempts: Attempt[],
  now: Date,
): ProgressReport {
  return {
    dueToday: dueToday(questions, cards, now),
    sections: sectionCoverage(questions, attempts),
    weakest: weakestKeyPoints(questions, attempts),
    grades: gradeHistory(attempts),
    times: answerTimes(attempts),
  };
}

// Field-by-field validation of rehearsal records (issue 14), shared by import (a backup file) and by opening
// the store (records read back from IndexedDB). Every problem is a sentence naming the path, e.g.
// "attempts[3].grade must be one of again, hard, good, easy".
import {
  GRADES,
  type Attempt,
  type Note,
  type RehearsalSettings,
  type StoredCard,
  type StoredReview,
} from './contract.ts';

type Check = (value: unknown, path: string, problems: string[]) => void;

const fail = (problems: string[], path: string, what: string, value: unknown): void => {
  const shown =
    value === undefined ? 'missing' : `got ${JSON.stringify(value)?.slice(0, 40) ?? String(value)}`;
  problems.push(`${path} must be ${what} (${shown})`);
};

const text: Check = (v, path, p) => {
  if (typeof v !== 'string') fail(p, path, 'text', v);
};
const id: Check = (v, path, p) => {
  if (typeof v !== 'string' || v.trim() === '') fail(p, path, 'non-empty text', v);
};
const idOrNull: Check = (v, path, p) => {
  if (v !== null) id(v, path, p);
};
const time: Check = (v, path, p) => {
  if (typeof v !== 'string' || !/^\d{4}-\d\d-\d\dT/.test(v) || !Number.isFinite(Date.parse(v)))
    fail(p, path, 'an ISO date and time', v);
};
const timeOrNull: Check = (v, path, p) => {
  if (v !== null) time(v, path, p);
};
const amount: Check = (v, path, p) => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail(p, path, 'a number ≥ 0', v);
};
const count: Check = (v, path, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) fail(p, path, 'a whole number ≥ 0', v);
};
const grade: Check = (v, path, p) => {
  if (!GRADES.includes(v as never)) p.push(`${path} must be one of ${GRADES.join(', ')}`);
};
const oneOf =
  (allowed: readonly unknown[]): Check =>
  (v, path, p) => {
    if (!allowed.includes(v)) p.push(`${path} must be one of ${allowed.join(', ')}`);
  };
const ids: Check = (v, path, p) => {
  if (!Array.isArray(v)) return fail(p, path, 'a list of key point ids', v);
  v.forEach((x, i) => id(x, `${path}[${i}]`, p));
};
const base64: Check = (v, path, p) => {
  if (typeof v !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v) || v.length % 4 !== 0)
    fail(p, path, 'base64 data', typeof v === 'string' ? `${v.length} characters` : v);
};
const blob: Check = (v, path, p) => {
  if (typeof Blob === 'undefined' || !(v instanceof Blob)) fail(p, path, 'audio data (a Blob)', typeof v);
};
const object =
  (spec: Record<string, Check>): Check =>
  (v, path, p) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(p, path, 'an object', v);
    const rec = v as Record<string, unknown>;
    for (const [key, check] of Object.entries(spec)) check(rec[key], `${path}.${key}`, p);
    for (const key of Object.keys(rec))
      if (!(key in spec)) p.push(`${path}.${key} is not a field (expected: ${Object.keys(spec).join(', ')})`);
  };
const orNull =
  (check: Check): Check =>
  (v, path, p) => {
    if (v !== null) check(v, path, p);
  };
const logValues: Check = (v, path, p) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(p, path, 'an object', v);
  for (const [key, x] of Object.entries(v as Record<string, unknown>)) {
    const ok = x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
    if (!ok) fail(p, `${path}.${key}`, 'a number, text or null', x);
  }
  for (const key of ['rating', 'state', 'due', 'review'])
    if (!(key in (v as object))) p.push(`${path}.${key} is missing`);
};

export const checkAttempt = object({
  id,
  questionId: id,
  startedAt: time,
  durationMs: amount,
  targetMs: amount,
  typed: text,
  clipId: idOrNull,
  autoCovered: ids,
  covered: ids,
  grade,
  mode: oneOf(['single', 'mock']),
  demo: orNull(object({ promptId: id, query: text })),
  followUp: orNull(object({ question: text, typed: text })),
} satisfies Record<keyof Attempt, Check>);

export const checkCard = object({
  questionId: id,
  due: time,
  stability: amount,
  difficulty: amount,
  elapsed_days: amount,
  scheduled_days: amount,
  learning_steps: count,
  reps: count,
  lapses: count,
  state: oneOf([0, 1, 2, 3]),
  last_review: timeOrNull,
} satisfies Record<keyof StoredCard, Check>);

export const checkReview = object({
  id,
  questionId: id,
  attemptId: id,
  grade,
  log: logValues,
} satisfies Record<keyof StoredReview, Check>);

export const checkNote = object({ questionId: id, markdown: text, updatedAt: time } satisfies Record<
  keyof Note,
  Check
>);

const TIMER = { min: 10, max: 1800 };
const timer: Check = (v, path, p) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < TIMER.min || v > TIMER.max)
    fail(p, path, `a whole number of seconds from ${TIMER.min} to ${TIMER.max}`, v);
};
const bool: Check = (v, path, p) => {
  if (typeof v !== 'boolean') fail(p, path, 'true or false', v);
};
export const checkSettings = object({ timerSeconds: timer, hideAnswers: bool } satisfies Record<
  keyof RehearsalSettings,
  Check
>);

const clipFields = {
  id,
  questionId: id,
  attemptId: idOrNull,
  mimeType: text,
  createdAt: time,
  durationMs: amount,
};
/** A clip as stored (with its Blob) and as exported (with base64 `data`). */
export const checkStoredClip = object({ ...clipFields, blob });
export const checkExportedClip = object({ ...clipFields, data: base64 });

/** Checks each item of a list, and that the key field is unique. */
export function checkList(value: unknown, path: string, check: Check, key: string, problems: string[]): void {
  if (!Array.isArray(value)) return fail(problems, path, 'a list', value);
  const seen = new Map<unknown, number>();
  value.forEach((item, i) => {
    check(item, `${path}[${i}]`, problems);
    const k = (item as Record<string, unknown> | null)?.[key];
    if (k === undefined) return;
    const first = seen.get(k);
    if (first !== undefined) problems.push(`${path}[${i}].${key} repeats ${path}[${first}].${key}`);
    else seen.set(k, i);
  });
}

/** At most `max` problems, then how many more there were. */
export function summarize(problems: string[], max = 20): string[] {
  return problems.length <= max
    ? problems
    : [...problems.slice(0, max), `… and ${problems.length - max} more problems`];
}

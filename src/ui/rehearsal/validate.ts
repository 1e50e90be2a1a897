// The rehearsal views' input checks, pure so they are tested in Node: each returns '' or the message shown
// beside the field.

export const TIMER_MIN_S = 10;
export const TIMER_MAX_S = 1800;

/** The problem with a typed timer target, or '' when it is a whole number of seconds in range. */
export function timerProblem(text: string): string {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !Number.isInteger(n)) return 'Give the target as a whole number of seconds.';
  if (n < TIMER_MIN_S || n > TIMER_MAX_S)
    return `The target must be between ${TIMER_MIN_S} and ${TIMER_MAX_S} seconds.`;
  return '';
}

/** The problem with the typed number of mock-interview questions, or ''. */
export function mockCountProblem(text: string, max: number): string {
  const t = text.trim();
  const n = Number(t);
  if (t === '' || !Number.isInteger(n) || n < 1 || n > max) return `Choose a whole number from 1 to ${max}.`;
  return '';
}

// The toy sequence tasks the tiny transformer learns: read L digits, then after a separator write them
// reversed (or sorted). A decoder-only model sees one sequence [d1 … dL, SEP, r1 … r(L−1)] and is trained to
// predict r1 … rL at positions L … 2L−1 (teacher forcing); the causal mask stops it peeking at the answer.
//
// Example: answerFor('reverse', [3, 1, 4]) → [4, 1, 3]; makeBatch('reverse', 3, 2, createRng(1))
import type { Rng } from '../../src/runtime/rng';

export const TASKS = ['reverse', 'sort'] as const;
export type TaskKind = (typeof TASKS)[number];

/** Tokens 0–9 are the digits; 10 separates the question from the answer. */
export const SEPARATOR = 10;
export const VOCAB_SIZE = 11;
export const MIN_LENGTH = 2;
export const MAX_LENGTH = 8;

export function checkTask(task: string): TaskKind {
  if (!(TASKS as readonly string[]).includes(task))
    throw new Error(`task must be one of ${TASKS.join(', ')}, got "${task}"`);
  return task as TaskKind;
}

export function checkLength(length: number): number {
  if (!Number.isInteger(length) || length < MIN_LENGTH || length > MAX_LENGTH)
    throw new Error(`sequence length must be an integer from ${MIN_LENGTH} to ${MAX_LENGTH}, got ${length}`);
  return length;
}

/** The right answer for one input, computed directly (the reference the model is scored against). */
export function answerFor(task: TaskKind, digits: readonly number[]): number[] {
  for (const d of digits) {
    if (!Number.isInteger(d) || d < 0 || d > 9) throw new Error(`digits must be integers 0–9, got ${d}`);
  }
  return task === 'reverse' ? digits.slice().reverse() : digits.slice().sort((a, b) => a - b);
}

/** The model's input for a question and (a prefix of) its answer: [d1 … dL, SEP, a1 … a(L−1)]. */
export function encodeInput(digits: readonly number[], answer: readonly number[]): number[] {
  const L = digits.length;
  const seq = [...digits, SEPARATOR, ...answer.slice(0, L - 1)];
  while (seq.length < 2 * L) seq.push(0); // positions after the answer so far; the causal mask hides them
  return seq;
}

export interface Batch {
  /** batchSize × 2L token ids, row-major. */
  inputs: Int32Array;
  /** batchSize × L answer digits, row-major (the targets at positions L … 2L−1). */
  targets: Int32Array;
  batchSize: number;
  length: number;
}

/** batchSize random questions with their answers, drawn from `rng` (so a seed fixes the batch). */
export function makeBatch(task: TaskKind, length: number, batchSize: number, rng: Rng): Batch {
  checkTask(task);
  checkLength(length);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 4096)
    throw new Error(`batchSize must be an integer from 1 to 4096, got ${batchSize}`);
  const inputs = new Int32Array(batchSize * 2 * length);
  const targets = new Int32Array(batchSize * length);
  for (let b = 0; b < batchSize; b++) {
    const digits = Array.from({ length }, () => rng.int(10));
    const answer = answerFor(task, digits);
    inputs.set(encodeInput(digits, answer), b * 2 * length);
    targets.set(answer, b * length);
  }
  return { inputs, targets, batchSize, length };
}

/**
 * Reads a test input typed by the user: digits, optionally separated by spaces or commas ("31415",
 * "3 1 4 1 5"). Returns the digits or an error message that says what is allowed.
 */
export function parseDigits(text: string, length: number): { digits: number[] } | { error: string } {
  const cleaned = text.replace(/[\s,]+/g, '');
  if (cleaned === '') return { error: `Type ${length} digits, e.g. ${'31415926'.slice(0, length)}.` };
  if (!/^[0-9]+$/.test(cleaned))
    return { error: `Only the digits 0–9 are allowed (spaces and commas are ignored); got "${text}".` };
  if (cleaned.length !== length)
    return { error: `The model was built for ${length} digits; "${cleaned}" has ${cleaned.length}.` };
  return { digits: Array.from(cleaned, Number) };
}

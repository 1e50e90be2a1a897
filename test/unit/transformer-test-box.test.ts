// The transformer's test box: an answer (with its ✓ or ✗) is shown only for the input in the box. Before
// this, "abc" kept the last answer's ✓ beside it. Hand-worked cases for a 5-digit model.
import { describe, expect, it } from 'vitest';
import type { Prediction } from '../../kernels/transformer/trainer';
import { keptTestError, testBoxState } from '../../src/demos/transformer/transformer-maps';

const prediction = (input: number[]): Prediction => ({
  input,
  output: [...input].reverse(),
  expected: [...input].reverse(),
  correct: true,
  attention: [],
});

describe('testBoxState', () => {
  const p = prediction([1, 2, 3, 4, 5]);
  it('shows the answer only for the very input it was computed on (spaces and commas ignored)', () => {
    expect(testBoxState('12345', 5, '', p)).toBe('answer');
    expect(testBoxState('12 3,45', 5, '', p)).toBe('answer');
    expect(testBoxState('54321', 5, '', p)).toBe('stale');
    expect(testBoxState('12345', 5, '', null)).toBe('none');
  });

  it('shows no answer beside an invalid input, with or without its message yet', () => {
    expect(testBoxState('abc', 5, '', p)).toBe('invalid');
    expect(testBoxState('abc', 5, 'Only the digits 0–9 are allowed', p)).toBe('invalid');
    expect(testBoxState('1234', 5, '', p)).toBe('invalid'); // one digit short
    expect(testBoxState('', 5, '', p)).toBe('invalid');
  });

  it('keeps a message while the typed text is still invalid and drops it once it is valid', () => {
    expect(keptTestError('12a', 5, 'bad')).toBe('bad');
    expect(keptTestError('1234', 5, 'bad')).toBe('bad');
    expect(keptTestError('12345', 5, 'bad')).toBe('');
    expect(keptTestError('12a', 5, '')).toBe(''); // no message appears while typing
  });
});

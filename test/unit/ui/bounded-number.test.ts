import { describe, expect, it } from 'vitest';
import { readBounded } from '../../../src/ui/controls/bounded-number';

describe('reading a bounded number', () => {
  const depth = { min: 1, max: 64, step: 1, integer: true };

  it('takes an in-range value as typed', () => {
    expect(readBounded('20', depth)).toEqual({ value: 20, message: null });
    expect(readBounded(' 0.3 ', { min: 0, max: 1, step: 0.1 })).toEqual({ value: 0.3, message: null });
  });

  it('clamps out-of-range values and says so', () => {
    expect(readBounded('300', depth)).toEqual({
      value: 64,
      message: '300 is above the maximum 64; using 64.',
    });
    expect(readBounded('-5', depth)).toEqual({ value: 1, message: '-5 is below the minimum 1; using 1.' });
  });

  it('refuses non-numbers and keeps the previous value', () => {
    expect(readBounded('abc', depth)).toEqual({
      value: null,
      message: '"abc" is not a number; enter a value from 1 to 64.',
    });
    expect(readBounded('', depth).value).toBeNull();
    expect(readBounded('Infinity', depth).value).toBeNull();
  });

  it('snaps to the step and explains the rounding', () => {
    expect(readBounded('2.6', depth)).toEqual({ value: 3, message: '2.6 rounded to 3 (step 1).' });
    expect(readBounded('0.25', { min: 0, max: 1, step: 0.1 }).value).toBe(0.3);
  });
});

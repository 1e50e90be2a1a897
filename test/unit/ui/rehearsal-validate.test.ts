// The rehearsal views' input checks: the timer target and the mock interview's number of questions, on
// hand-picked good and bad inputs (the bounds themselves, one past them, decimals, blanks, words).
import { describe, expect, it } from 'vitest';
import { mockCountProblem, timerProblem } from '../../../src/ui/rehearsal/validate';

describe('timerProblem', () => {
  it('accepts whole seconds from 10 to 1800', () => {
    for (const ok of ['10', '120', ' 90 ', '1800']) expect(timerProblem(ok), ok).toBe('');
  });
  it('names the range or the form for everything else', () => {
    expect(timerProblem('9')).toBe('The target must be between 10 and 1800 seconds.');
    expect(timerProblem('1801')).toBe('The target must be between 10 and 1800 seconds.');
    for (const bad of ['', '  ', '12.5', 'two minutes', '1e9x'])
      expect(timerProblem(bad), bad).toBe('Give the target as a whole number of seconds.');
  });
});

describe('mockCountProblem', () => {
  it('accepts 1 to the number of questions', () => {
    expect(mockCountProblem('1', 16)).toBe('');
    expect(mockCountProblem('16', 16)).toBe('');
  });
  it('rejects 0, too many, decimals and blanks', () => {
    for (const bad of ['0', '17', '2.5', '', 'three'])
      expect(mockCountProblem(bad, 16), bad).toBe('Choose a whole number from 1 to 16.');
  });
});

// The update prompt's words (src/ui/update-message.ts): what a reload would cost, for none, one and several
// running demos, against sentences written out by hand.
import { describe, expect, it } from 'vitest';
import { updateMessage } from '../../src/ui/update-message.ts';

describe('updateMessage', () => {
  it('with nothing running, still says what a reload would lose', () => {
    expect(updateMessage([])).toBe(
      'Reloading stops any demo that is running, and an attempt you have not saved is lost.',
    );
  });

  it('names the one running demo', () => {
    expect(updateMessage(['Why diffusion works'])).toBe(
      'The “Why diffusion works” demo is running: reloading stops it, and an attempt you have not saved is lost.',
    );
  });

  it('lists several running demos with commas and "and"', () => {
    expect(updateMessage(['A', 'B'])).toBe(
      'The “A” and “B” demos are running: reloading stops them, and an attempt you have not saved is lost.',
    );
    expect(updateMessage(['A', 'B', 'C'])).toMatch(
      /^The “A”, “B” and “C” demos are running: reloading stops them/,
    );
  });
});

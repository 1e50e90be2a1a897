// What the page says when recording cannot start: each getUserMedia failure (DOMException names from the
// Media Capture spec) maps to its own plain message, and every message offers typing instead.
import { describe, expect, it } from 'vitest';
import { microphoneProblem } from '../../../src/ui/rehearsal/recorder';

describe('microphoneProblem', () => {
  it('names a refused permission, a missing microphone and a busy one', () => {
    expect(microphoneProblem(new DOMException('denied', 'NotAllowedError'))).toMatch(
      /^The microphone is blocked/,
    );
    expect(microphoneProblem(new DOMException('insecure', 'SecurityError'))).toMatch(
      /^The microphone is blocked/,
    );
    expect(microphoneProblem(new DOMException('none', 'NotFoundError'))).toMatch(/^No microphone was found/);
    expect(microphoneProblem(new DOMException('busy', 'NotReadableError'))).toMatch(
      /in use by another program/,
    );
  });
  it('passes anything else through with its message, and always offers typing', () => {
    const other = microphoneProblem(new Error('boom'));
    expect(other).toContain('(boom)');
    for (const name of ['NotAllowedError', 'NotFoundError', 'NotReadableError', 'AbortError'])
      expect(microphoneProblem(new DOMException('x', name))).toMatch(/type your answer instead\.$/i);
  });
});

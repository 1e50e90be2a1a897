import { describe, expect, it } from 'vitest';
import { effectiveTheme, nextTheme, storedTheme } from '../../../src/notebook/theme';
import { canStart, canStop } from '../../../src/notebook/run-state';

describe('themes', () => {
  it('follows the system unless the user chose, and cycles system → light → dark → system', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
  });

  it('reads only valid stored choices', () => {
    const store = (v: string | null) => ({ getItem: () => v });
    expect(storedTheme(store('dark'))).toBe('dark');
    expect(storedTheme(store('neon'))).toBe('system');
    expect(storedTheme(store(null))).toBe('system');
  });
});

describe('run states', () => {
  it('starts from anything but running and stops only a running cell', () => {
    expect(['idle', 'done', 'error', 'stopped', 'running'].map((s) => canStart(s as never))).toEqual([
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(canStop('running')).toBe(true);
    expect(canStop('done')).toBe(false);
  });
});

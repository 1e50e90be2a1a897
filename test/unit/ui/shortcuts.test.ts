import { describe, expect, it } from 'vitest';
import { shortcutFor } from '../../../src/ui/shortcuts';

const key = (
  k: string,
  mods: Partial<Record<'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {},
) => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...mods,
});

describe('keyboard shortcuts', () => {
  it('maps Shift+Enter, Esc, j, k and ? to their actions', () => {
    expect(shortcutFor(key('Enter', { shiftKey: true }), false)).toBe('run');
    expect(shortcutFor(key('Escape'), false)).toBe('stop');
    expect(shortcutFor(key('j'), false)).toBe('next');
    expect(shortcutFor(key('k'), false)).toBe('previous');
    expect(shortcutFor(key('?', { shiftKey: true }), false)).toBe('help');
  });

  it('leaves typing alone, but Esc and Shift+Enter still work in a field', () => {
    expect(shortcutFor(key('j'), true)).toBeNull();
    expect(shortcutFor(key('?'), true)).toBeNull();
    expect(shortcutFor(key('Escape'), true)).toBe('stop');
    expect(shortcutFor(key('Enter', { shiftKey: true }), true)).toBe('run');
  });

  it('ignores keys with Ctrl, Meta or Alt, and plain Enter', () => {
    expect(shortcutFor(key('j', { ctrlKey: true }), false)).toBeNull();
    expect(shortcutFor(key('Enter'), false)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { demoHash, demoUrl, parseDemoHash } from '../../../src/ui/kit/link-state';

describe('demo links', () => {
  it('splits a hash into the question id and the settings query', () => {
    expect(parseDemoHash('#attention?temperature=2&seed=3')).toEqual({
      id: 'attention',
      query: 'temperature=2&seed=3',
    });
    expect(parseDemoHash('#backprop')).toEqual({ id: 'backprop', query: '' });
    expect(parseDemoHash('')).toBeNull();
    expect(parseDemoHash('#?a=1')).toBeNull();
  });

  it('builds the hash and the full link', () => {
    expect(demoHash('dqn', '')).toBe('#dqn');
    expect(demoHash('dqn', 'episodes=10')).toBe('#dqn?episodes=10');
    expect(demoUrl('http://127.0.0.1:4173/#old?x=1', 'dqn', 'seed=2')).toBe(
      'http://127.0.0.1:4173/#dqn?seed=2',
    );
  });
});

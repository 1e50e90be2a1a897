// The attention cell's settings table: today's defaults (so the first visit is unchanged), links that
// restore every setting, and the sentence's check (the tokenizer's message; a bad sentence is refused and
// the last good one stays).
import { describe, expect, it } from 'vitest';
import { defaults, fromQuery } from '../../src/ui/kit/settings';
import { SettingsStore } from '../../src/ui/kit/settings-store';
import { ATTENTION_SETTINGS, REBUILD_KEYS } from '../../src/demos/attention/settings';

describe('the attention settings table', () => {
  it("holds today's defaults", () => {
    expect(defaults(ATTENTION_SETTINGS)).toEqual({
      sentence: 'the cat sat on the mat',
      heads: '2',
      temperature: 1,
      seed: 3,
      scale: true,
      causal: false,
    });
    expect(REBUILD_KEYS).toEqual(['sentence', 'heads', 'seed']);
  });

  it('round-trips every setting through a link', () => {
    const store = new SettingsStore(ATTENTION_SETTINGS);
    expect(store.toQuery()).toBe('');
    const problems = store.patch({
      sentence: 'a dog, barking',
      heads: '4',
      temperature: 0.35,
      seed: 42,
      scale: false,
      causal: true,
    });
    expect(problems).toEqual([]);
    const query = store.toQuery();
    expect(query).toBe('sentence=a+dog%2C+barking&heads=4&temperature=0.35&seed=42&scale=false&causal=true');
    const other = new SettingsStore(ATTENTION_SETTINGS);
    expect(other.applyQuery(query)).toEqual([]);
    expect(other.values).toEqual(store.values);
  });

  it('refuses a sentence the tokenizer refuses, with its message, and keeps the last good one', () => {
    const store = new SettingsStore(ATTENTION_SETTINGS);
    expect(store.set('sentence', '   ')).toEqual({ value: null, message: 'Type at least one word.' });
    expect(store.get('sentence')).toBe('the cat sat on the mat');
    const long = Array.from({ length: 13 }, (_, i) => `w${i}`).join(' ');
    expect(store.set('sentence', long).message).toBe(
      'At most 12 tokens (words or punctuation marks); this has 13.',
    );
    expect(store.set('heads', '3').message).toBe('"3" is not one of 1, 2, 4.');
    expect(store.set('temperature', 50)).toEqual({
      value: 5,
      message: '50 is above the maximum 5; using 5.',
    });
    const link = fromQuery(ATTENTION_SETTINGS, 'sentence=&heads=8');
    expect(link.values).toEqual(defaults(ATTENTION_SETTINGS));
    expect(link.notes).toEqual([
      'Sentence (up to 12 tokens) (sentence) in the link was ignored: Type at least one word.',
      'Heads (d_model = 8) (heads) in the link was ignored: "8" is not one of 1, 2, 4.',
    ]);
  });
});

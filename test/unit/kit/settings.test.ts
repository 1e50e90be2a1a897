// The settings table: validation (clamp, snap, refuse), defaults, links (only non-defaults written; unknown
// keys and bad values ignored with a note naming them), and the store's change events.
import { describe, expect, it } from 'vitest';
import {
  checkValue,
  defaults,
  defineSettings,
  fromQuery,
  seedSetting,
  toQuery,
  type SettingValues,
} from '../../../src/ui/kit/settings';
import { SettingsStore, type SettingsChange } from '../../../src/ui/kit/settings-store';

const TABLE = defineSettings([
  { key: 'depth', kind: 'integer', label: 'Depth', min: 1, max: 64, step: 1, default: 8, apply: 'rebuild' },
  {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate',
    min: 0.001,
    max: 1,
    step: 0.001,
    default: 0.05,
    apply: 'live',
  },
  {
    key: 'act',
    kind: 'choice',
    label: 'Activation',
    options: [
      { value: 'relu', label: 'ReLU' },
      { value: 'tanh', label: 'tanh' },
    ],
    default: 'relu',
    apply: 'rebuild',
  },
  { key: 'clip', kind: 'toggle', label: 'Clip', default: false, apply: 'live' },
  { key: 'text', kind: 'text', label: 'Sentence', default: 'the cat', maxLength: 20, apply: 'live' },
  seedSetting(7),
]);

describe('settings table', () => {
  it('gives the defaults, typed by key', () => {
    const d: SettingValues<typeof TABLE> = defaults(TABLE);
    expect(d).toEqual({ depth: 8, lr: 0.05, act: 'relu', clip: false, text: 'the cat', seed: 7 });
  });

  it('clamps, snaps and refuses numbers with a message', () => {
    const depth = TABLE[0];
    expect(checkValue(depth, 300)).toEqual({ value: 64, message: '300 is above the maximum 64; using 64.' });
    expect(checkValue(depth, '-3')).toEqual({ value: 1, message: '-3 is below the minimum 1; using 1.' });
    expect(checkValue(depth, '2.5')).toEqual({ value: 3, message: '2.5 rounded to 3 (step 1).' });
    expect(checkValue(depth, 'abc').value).toBeNull();
    expect(checkValue(depth, 'abc').message).toContain('is not a number');
    expect(checkValue(depth, NaN).value).toBeNull();
    expect(checkValue(depth, '').value).toBeNull();
    expect(checkValue(TABLE[1], '0.1234')).toEqual({
      value: 0.123,
      message: '0.1234 rounded to 0.123 (step 0.001).',
    });
    expect(checkValue(TABLE[1], 0.3)).toEqual({ value: 0.3, message: null });
  });

  it('refuses a choice that is not offered, parses toggles, bounds text', () => {
    expect(checkValue(TABLE[2], 'gelu')).toEqual({
      value: null,
      message: '"gelu" is not one of relu, tanh.',
    });
    expect(checkValue(TABLE[3], 'true').value).toBe(true);
    expect(checkValue(TABLE[3], '0').value).toBe(false);
    expect(checkValue(TABLE[3], 'maybe').value).toBeNull();
    expect(checkValue(TABLE[4], 'x'.repeat(21)).message).toBe(
      'The text is 21 characters long; at most 20 fit.',
    );
  });

  it('rejects a table with a repeated key or a default outside its range', () => {
    expect(() =>
      defineSettings([
        { key: 'a', kind: 'toggle', label: 'A', default: true, apply: 'live' },
        { key: 'a', kind: 'toggle', label: 'A', default: true, apply: 'live' },
      ]),
    ).toThrow('setting key "a" appears twice');
    expect(() =>
      defineSettings([
        { key: 'n', kind: 'integer', label: 'N', min: 1, max: 4, step: 1, default: 9, apply: 'live' },
      ]),
    ).toThrow('its default 9 is not valid');
  });

  it('writes only non-default settings into the link, and reads them back exactly', () => {
    const v = { ...defaults(TABLE), depth: 20, act: 'tanh', clip: true, text: 'a b&c', seed: 123 };
    const q = toQuery(TABLE, v);
    expect(q).toBe('depth=20&act=tanh&clip=true&text=a+b%26c&seed=123');
    expect(fromQuery(TABLE, q)).toEqual({ values: v, notes: [] });
    expect(toQuery(TABLE, defaults(TABLE))).toBe('');
  });

  it('refuses a value off the step grid in a link rather than rounding it', () => {
    expect(fromQuery(TABLE, 'lr=0.1234').notes).toEqual([
      'Learning rate (lr) in the link was ignored: 0.1234 is not an allowed value (0.001 to 1, in steps of 0.001).',
    ]);
    expect(fromQuery(TABLE, 'depth=2.5').values.depth).toBe(8);
  });

  it('ignores unknown keys and bad values in a link, each with a note naming it', () => {
    const { values, notes } = fromQuery(TABLE, 'depth=999&bogus=1&act=gelu&lr=0.2&seed=x');
    expect(values).toEqual({ ...defaults(TABLE), lr: 0.2 });
    expect(notes).toEqual([
      'Depth (depth) in the link was ignored: 999 is not an allowed value (1 to 64, whole numbers).',
      'Unknown setting "bogus" in the link was ignored.',
      'Activation (act) in the link was ignored: "gelu" is not one of relu, tanh.',
      'Seed (seed) in the link was ignored: "x" is not a number; enter a value from 0 to 2147483647.',
    ]);
  });
});

describe('SettingsStore', () => {
  it('validates each change, keeps the message, tells listeners whether a rebuild is needed', () => {
    const store = new SettingsStore(TABLE);
    const changes: SettingsChange<typeof TABLE>[] = [];
    store.subscribe((c) => changes.push(c));
    expect(store.set('depth', '100')).toEqual({
      value: 64,
      message: '100 is above the maximum 64; using 64.',
    });
    expect(store.get('depth')).toBe(64);
    expect(store.messages.get('depth')).toContain('maximum 64');
    store.set('lr', 0.5);
    store.set('lr', 'oops'); // refused: value kept, no event
    expect(store.get('lr')).toBe(0.5);
    expect(changes.map((c) => [c.keys, c.rebuild, c.source])).toEqual([
      [['depth'], true, 'control'],
      [['lr'], false, 'control'],
    ]);
    store.set('depth', 5);
    expect(store.messages.has('depth')).toBe(false);
  });

  it('restores a link, patches a replay, and resets to the defaults', () => {
    const store = new SettingsStore(TABLE);
    expect(store.applyQuery('depth=3&nope=2')).toEqual(['Unknown setting "nope" in the link was ignored.']);
    expect(store.values).toEqual({ ...defaults(TABLE), depth: 3 });
    expect(store.toQuery()).toBe('depth=3');
    expect(store.patch({ seed: 9, act: 'tanh', depth: 1000 }, 'replay')).toEqual([
      'Depth (depth) was ignored: 1000 is not an allowed value (1 to 64, whole numbers).',
    ]);
    expect(store.values).toMatchObject({ seed: 9, act: 'tanh', depth: 3 });
    store.reset();
    expect(store.values).toEqual(defaults(TABLE));
  });
});

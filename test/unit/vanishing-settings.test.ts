// The vanishing-gradient cell's settings table: today's defaults (configuration A the deep sigmoid preset, B
// the healthy one, batch 32, seed 1, lr 0.02, 200 steps, no clipping), links that restore every setting,
// the preset menus' patches, and the clip threshold enabled only with clipping on.
import { describe, expect, it } from 'vitest';
import { defaults, type SettingValue } from '../../src/ui/kit/settings';
import { SettingsStore } from '../../src/ui/kit/settings-store';
import { presetNet } from '../../src/demos/vanishing/presets';
import {
  REPORT_KEYS,
  VANISHING_SETTINGS,
  configsOf,
  netOf,
  presetOf,
  presetPatch,
} from '../../src/demos/vanishing/settings';

describe('the vanishing-gradient settings table', () => {
  it("holds today's defaults", () => {
    const d = defaults(VANISHING_SETTINGS);
    expect(d).toEqual({
      'a.depth': 20,
      'a.width': 32,
      'a.activation': 'sigmoid',
      'a.init': 'xavier',
      'a.norm': 'none',
      'a.residual': false,
      'b.depth': 20,
      'b.width': 32,
      'b.activation': 'relu',
      'b.init': 'he',
      'b.norm': 'none',
      'b.residual': true,
      batch: 32,
      seed: 1,
      lr: 0.02,
      steps: 200,
      clipOn: false,
      clip: 1,
    });
    expect([presetOf(d, 'a'), presetOf(d, 'b')]).toEqual(['deep-sigmoid', 'healthy']);
    expect(configsOf(d)).toEqual([
      { ...presetNet('deep-sigmoid'), batch: 32, seed: 1 },
      { ...presetNet('healthy'), batch: 32, seed: 1 },
    ]);
    expect([...REPORT_KEYS].filter((k) => !/^[ab]\./.test(k))).toEqual(['batch', 'seed']);
    expect(REPORT_KEYS.size).toBe(14);
  });

  it('round-trips every setting through a link', () => {
    const store = new SettingsStore(VANISHING_SETTINGS);
    expect(store.patch(presetPatch('a', 'naive'))).toEqual([]);
    expect(
      store.patch({ 'b.depth': 8, 'b.norm': 'layer', lr: 0.15, steps: 30, clipOn: true, clip: 2.5, seed: 7 }),
    ).toEqual([]);
    const query = store.toQuery();
    expect(query).toBe(
      'a.activation=relu&a.init=naive&b.depth=8&b.norm=layer&seed=7&lr=0.15&steps=30&clipOn=true&clip=2.5',
    );
    const other = new SettingsStore(VANISHING_SETTINGS);
    expect(other.applyQuery(query)).toEqual([]);
    expect(other.values).toEqual(store.values);
    expect(netOf(other.values, 'a')).toEqual(presetNet('naive'));
    expect(other.applyQuery('a.depth=65&b.activation=swish')).toEqual([
      'Depth (weight layers) (a.depth) in the link was ignored: 65 is not an allowed value (1 to 64, whole numbers).',
      'Activation (b.activation) in the link was ignored: "swish" is not one of sigmoid, tanh, relu, gelu.',
    ]);
  });

  it('a preset patches one configuration only; any other change makes it custom', () => {
    const store = new SettingsStore(VANISHING_SETTINGS);
    store.patch(presetPatch('b', 'naive-bn'));
    expect(netOf(store.values, 'b')).toEqual(presetNet('naive-bn'));
    expect(netOf(store.values, 'a')).toEqual(presetNet('deep-sigmoid'));
    expect(presetOf(store.values, 'b')).toBe('naive-bn');
    store.set('b.width', 31);
    expect(presetOf(store.values, 'b')).toBe('custom');
  });

  it('enables the clip threshold only with clipping on', () => {
    const clip = VANISHING_SETTINGS.find((s) => s.key === 'clip')!;
    const store = new SettingsStore(VANISHING_SETTINGS);
    const values = () => store.values as unknown as Record<string, SettingValue>;
    expect(clip.enabledWhen!(values())).toBe(false);
    store.set('clipOn', true);
    expect(clip.enabledWhen!(values())).toBe(true);
  });
});

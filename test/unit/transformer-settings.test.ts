// The transformer cell's settings table: its defaults are the cell's shipped settings of before the kit
// (written out here by hand), every size it offers is a model the kernel accepts, its ranges are the
// kernels', the values read as the trainer's settings, and a link written from changed settings restores
// them in a fresh store.
import { describe, expect, it } from 'vitest';
import { checkTransformerConfig } from '../../kernels/transformer/model';
import { MAX_LENGTH, MIN_LENGTH, VOCAB_SIZE, checkLength, parseDigits } from '../../kernels/transformer/task';
import { TRANSFORMER_SETTINGS } from '../../src/demos/transformer/settings';
import {
  DEFAULT_SETTINGS,
  defaultTestInput,
  transformerSettings,
} from '../../src/demos/transformer/transformer-controls';
import { defaults, type ChoiceSetting, type NumberSetting } from '../../src/ui/kit/settings';
import { SettingsStore } from '../../src/ui/kit/settings-store';

const setting = <S>(key: string) => TRANSFORMER_SETTINGS.find((s) => s.key === key) as S;

describe('the transformer settings', () => {
  it('default to the settings the cell shipped with', () => {
    expect(defaults(TRANSFORMER_SETTINGS)).toEqual({
      task: 'reverse',
      digits: 5,
      dModel: '32',
      layers: '2',
      heads: '2',
      lr: 0.005,
      seed: 1,
      steps: 1000,
      engine: 'auto',
      stop: true,
    });
    expect(DEFAULT_SETTINGS).toEqual({
      task: 'reverse',
      length: 5,
      dModel: 32,
      layers: 2,
      heads: 2,
      learningRate: 0.005,
      seed: 1,
      maxSteps: 1000,
      stopAtTarget: true,
      engine: 'auto',
    });
    expect(defaultTestInput(5)).toBe('31415');
  });

  it('every size it offers builds a valid model (d_model divisible by the heads, within the limits)', () => {
    const values = (k: string) => setting<ChoiceSetting>(k).options.map((o) => Number(o.value));
    const digits = setting<NumberSetting>('digits');
    let checked = 0;
    for (const dModel of values('dModel'))
      for (const heads of values('heads'))
        for (const layers of values('layers'))
          for (const length of [digits.min, digits.max]) {
            const config = { vocabSize: VOCAB_SIZE, maxLength: 2 * length, dModel, heads, layers };
            expect(() => checkTransformerConfig({ ...config, ffMultiplier: 2, seed: 1 })).not.toThrow();
            checked++;
          }
    expect(checked).toBe(3 * 3 * 3 * 2);
  });

  it('takes its ranges from the kernels: digits MIN_LENGTH…MAX_LENGTH, learning rate up to 0.1', () => {
    const digits = setting<NumberSetting>('digits');
    expect([digits.min, digits.max]).toEqual([MIN_LENGTH, MAX_LENGTH]);
    expect(checkLength(digits.min)).toBe(digits.min);
    expect(() => checkLength(digits.max + 1)).toThrow();
    const lr = setting<NumberSetting>('lr');
    expect([lr.min, lr.max, lr.step]).toEqual([0.0005, 0.1, 0.0005]);
    // Every digit count has a default test input of that many digits.
    for (let n = digits.min; n <= digits.max; n++)
      expect(parseDigits(defaultTestInput(n), n)).toHaveProperty('digits');
  });

  it('only the steps per run and the stopping rule apply without a new model', () => {
    expect(TRANSFORMER_SETTINGS.filter((s) => s.apply === 'live').map((s) => s.key)).toEqual([
      'steps',
      'stop',
    ]);
    const store = new SettingsStore(TRANSFORMER_SETTINGS);
    const seen: boolean[] = [];
    store.subscribe((c) => seen.push(c.rebuild));
    store.set('steps', 200);
    store.set('stop', false);
    store.set('heads', '4');
    expect(seen).toEqual([false, false, true]);
  });

  it('a link written from changed settings restores them, and they read as the trainer’s settings', () => {
    const a = new SettingsStore(TRANSFORMER_SETTINGS);
    a.patch({ task: 'sort', digits: 4, dModel: '16', lr: '0.01', seed: 3, steps: 20, stop: false });
    expect(a.toQuery()).toBe('task=sort&digits=4&dModel=16&lr=0.01&seed=3&steps=20&stop=false');
    const b = new SettingsStore(TRANSFORMER_SETTINGS);
    expect(b.applyQuery(a.toQuery())).toEqual([]);
    expect(b.values).toEqual(a.values);
    expect(transformerSettings(b.values)).toEqual({
      task: 'sort',
      length: 4,
      dModel: 16,
      layers: 2,
      heads: 2,
      learningRate: 0.01,
      seed: 3,
      maxSteps: 20,
      stopAtTarget: false,
      engine: 'auto',
    });
    // A size the cell does not offer is ignored, with a note naming it.
    const notes = b.applyQuery('heads=3&engine=tpu');
    expect(b.values.heads).toBe('2');
    expect(b.values.engine).toBe('auto');
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/Heads \(heads\)/);
  });
});

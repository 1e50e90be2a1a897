// The normalization cell's settings table: its defaults are the cell's shipped values of before the kit, its
// ranges are inside what the training kernel accepts, and a link written from changed settings restores them
// (and ignores what it must, with a note).
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { trainNormComparison } from '../../kernels/normalization';
import { NORMALIZATION_SETTINGS } from '../../src/demos/normalization/settings';
import { defaults, type NumberSetting } from '../../src/ui/kit/settings';
import { SettingsStore } from '../../src/ui/kit/settings-store';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const numberSetting = (key: string) => NORMALIZATION_SETTINGS.find((s) => s.key === key) as NumberSetting;

describe('the normalization settings', () => {
  it('default to the values the cell shipped with', () => {
    expect(defaults(NORMALIZATION_SETTINGS)).toEqual({
      norm: 'batch',
      bnMode: 'train',
      batch: 32,
      steps: 200,
      lr: 0.05,
      seed: 1,
    });
  });

  it('keep the sliders’ ranges of before: batch 2–256, steps 20–2000 by 10, lr 0.001–1', () => {
    const range = (k: string) => {
      const s = numberSetting(k);
      return [s.min, s.max, s.step];
    };
    expect(range('batch')).toEqual([2, 256, 1]);
    expect(range('steps')).toEqual([20, 2000, 10]);
    expect(range('lr')).toEqual([0.001, 1, 0.001]);
  });

  it('the extremes of every range are accepted by the training kernel', async () => {
    const extremes = [
      {
        batchSize: numberSetting('batch').min,
        steps: numberSetting('steps').min,
        lr: numberSetting('lr').min,
      },
      {
        batchSize: numberSetting('batch').max,
        steps: numberSetting('steps').max,
        lr: numberSetting('lr').max,
      },
    ];
    for (const seed of [numberSetting('seed').min, numberSetting('seed').max])
      for (const e of extremes) {
        const run = trainNormComparison({ ...e, seed, evalEvery: 1000 });
        const first = await run.next(); // validation happens before the first step
        await run.return();
        expect(first.value && first.value.step).toBe(1);
      }
  });

  it('a link written from changed settings restores them in a fresh store', () => {
    const a = new SettingsStore(NORMALIZATION_SETTINGS);
    a.set('batch', 8);
    a.set('steps', '20');
    a.set('seed', 3);
    a.set('norm', 'layer');
    expect(a.toQuery()).toBe('norm=layer&batch=8&steps=20&seed=3');
    const b = new SettingsStore(NORMALIZATION_SETTINGS);
    expect(b.applyQuery(a.toQuery())).toEqual([]);
    expect(b.values).toEqual(a.values);
    expect(b.values).toEqual({ norm: 'layer', bnMode: 'train', batch: 8, steps: 20, lr: 0.05, seed: 3 });
  });

  it('a link with a value out of range or an unknown key is ignored for that key, with a note', () => {
    const b = new SettingsStore(NORMALIZATION_SETTINGS);
    const notes = b.applyQuery('batch=1&steps=25&lr=0.01&bogus=2');
    expect(b.values).toMatchObject({ batch: 32, steps: 200, lr: 0.01 });
    expect(notes).toHaveLength(3);
    expect(notes[0]).toMatch(
      /Batch size \(batch\) in the link was ignored: 1 is not an allowed value \(2 to 256, whole numbers\)/,
    );
    expect(notes[1]).toMatch(
      /Steps \(steps\) in the link was ignored: 25 is not an allowed value \(20 to 2000, in steps of 10\)/,
    );
    expect(notes[2]).toMatch(/Unknown setting "bogus"/);
  });
});

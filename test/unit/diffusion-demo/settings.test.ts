// The diffusion cell's settings table: its defaults are the controls' shipped defaults (written out here, as
// the sections had them before the table), and a link carries every setting there and back.
import { describe, expect, it } from 'vitest';
import { DIFFUSION_SETTINGS } from '../../../src/demos/diffusion/settings';
import { defaults, fromQuery, toQuery, type Setting } from '../../../src/ui/kit/settings';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

describe('the diffusion settings', () => {
  it('default to the shipped recipe and views', () => {
    expect(defaults(DIFFUSION_SETTINGS)).toEqual({
      data: 'swissroll',
      schedule: 'linear',
      seed: 1,
      t: 250,
      steps: 2500,
      lr: 0.003,
      batch: '128',
      engine: 'typed',
      byT: false,
      fieldT: 100,
      sampler: 'ddpm',
      sampleSteps: 100,
    });
    expect(new SettingsStore(DIFFUSION_SETTINGS).toQuery()).toBe('');
  });

  it('offer the controls the cell had, with their ranges', () => {
    const byKey = new Map<string, Setting>(DIFFUSION_SETTINGS.map((s) => [s.key, s]));
    expect(byKey.get('steps')).toMatchObject({ min: 10, max: 20000, step: 10 });
    expect(byKey.get('lr')).toMatchObject({ min: 0.0001, max: 0.03, step: 0.0001 });
    expect(byKey.get('t')).toMatchObject({ min: 0, max: 1000 });
    expect(byKey.get('fieldT')).toMatchObject({ min: 1, max: 1000 });
    expect(byKey.get('sampleSteps')).toMatchObject({ min: 1, max: 1000 });
    const options = (key: string) => {
      const s = byKey.get(key);
      return s?.kind === 'choice' ? s.options.map((o) => o.value) : [];
    };
    expect(options('data')).toEqual(['swissroll', 'moons', 'gaussians8', 'rings']);
    expect(options('schedule')).toEqual(['linear', 'cosine']);
    expect(options('batch')).toEqual(['32', '64', '128', '256', '512']);
    expect(options('engine')).toEqual(['typed', 'tfjs']);
    expect(options('sampler')).toEqual(['ddpm', 'ddim']);
  });

  it('go into a link and come back from it', () => {
    const store = new SettingsStore(DIFFUSION_SETTINGS);
    const problems = store.patch({
      data: 'moons',
      schedule: 'cosine',
      seed: 42,
      t: 999,
      steps: 200,
      lr: 0.0123,
      batch: '64',
      engine: 'tfjs',
      byT: true,
      fieldT: 7,
      sampler: 'ddim',
      sampleSteps: 20,
    });
    expect(problems).toEqual([]);
    const query = store.toQuery();
    expect(query).toBe(
      'data=moons&schedule=cosine&seed=42&t=999&steps=200&lr=0.0123&batch=64&engine=tfjs&byT=true&fieldT=7&sampler=ddim&sampleSteps=20',
    );
    const restored = new SettingsStore(DIFFUSION_SETTINGS);
    expect(restored.applyQuery(query)).toEqual([]);
    expect(restored.values).toEqual(store.values);
    expect(toQuery(DIFFUSION_SETTINGS, restored.values)).toBe(query);
  });

  it('ignore what a link cannot mean, naming it', () => {
    const { values, notes } = fromQuery(DIFFUSION_SETTINGS, 'steps=5&sampler=euler&width=3&seed=2');
    expect(values.steps).toBe(2500);
    expect(values.sampler).toBe('ddpm');
    expect(values.seed).toBe(2);
    expect(notes).toHaveLength(3);
    expect(notes.join(' ')).toMatch(/steps.*sampler.*width/);
  });
});

// The contrastive cell's settings table: its defaults are the kernels' defaults (the benchmarked run), every
// choice maps onto a value the kernels take, and a link's query round-trips through the store.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAIRS, DEFAULT_PAIR_STEPS } from '../../../kernels/contrastive-pairs';
import { DEFAULT_CONTRASTIVE, DEFAULT_STEPS, OBJECTIVES } from '../../../kernels/contrastive-train';
import { CONTRASTIVE_SETTINGS, pairOptions, trainerOptions } from '../../../src/demos/contrastive/settings';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

describe('contrastive settings', () => {
  it('defaults are the kernels’ defaults', () => {
    const store = new SettingsStore(CONTRASTIVE_SETTINGS);
    expect(trainerOptions(store.values)).toEqual(DEFAULT_CONTRASTIVE);
    expect(pairOptions(store.values)).toEqual(DEFAULT_PAIRS);
    expect(store.values.steps).toBe(DEFAULT_STEPS);
    expect(store.values.pairSteps).toBe(DEFAULT_PAIR_STEPS);
  });
  it('every objective and batch reaches the trainer; a query round-trips', () => {
    const store = new SettingsStore(CONTRASTIVE_SETTINGS);
    for (const o of OBJECTIVES) {
      expect(store.set('objective', o).message).toBeNull();
      expect(trainerOptions(store.values).objective).toBe(o);
    }
    store.set('batch', '256');
    expect(trainerOptions(store.values).batch).toBe(256);
    const again = new SettingsStore(CONTRASTIVE_SETTINGS);
    again.applyQuery(store.toQuery());
    expect(again.values).toEqual(store.values);
  });
});

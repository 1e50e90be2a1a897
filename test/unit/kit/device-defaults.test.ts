// Slow devices (issue 15): the device estimate, the slow defaults a settings table declares and how the store
// uses them (only where no link or replay sets a value; never on a normal device); and reduced motion in the
// paced loop (the animation jumps to its end).
import { afterEach, describe, expect, it } from 'vitest';
import { paced } from '../../../src/runtime/loop';
import {
  benchmarkMs,
  classifyDevice,
  deviceSpeed,
  setDeviceSpeed,
  SLOW_BENCH_MS,
} from '../../../src/ui/kit/device-speed';
import { defineSettings, seedSetting } from '../../../src/ui/kit/settings';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

const TABLE = defineSettings([
  {
    key: 'steps',
    kind: 'integer',
    label: 'Steps',
    min: 10,
    max: 2000,
    step: 10,
    default: 600,
    slowDefault: 200,
    apply: 'rebuild',
  },
  { key: 'width', kind: 'integer', label: 'Width', min: 4, max: 64, step: 4, default: 32, apply: 'rebuild' },
  seedSetting(7),
]);

afterEach(() => setDeviceSpeed('normal'));

describe('the device estimate', () => {
  it('is slow above the benchmark threshold, or with at most 2 cores and 2 GB, and normal otherwise', () => {
    expect(classifyDevice({ benchMs: SLOW_BENCH_MS / 2, cores: 2, memoryGb: 8 })).toBe('normal');
    expect(classifyDevice({ benchMs: SLOW_BENCH_MS / 2 })).toBe('normal');
    expect(classifyDevice({ benchMs: SLOW_BENCH_MS * 1.01, cores: 16, memoryGb: 64 })).toBe('slow');
    expect(classifyDevice({ benchMs: 0.1, cores: 2, memoryGb: 2 })).toBe('slow');
    expect(classifyDevice({ benchMs: 0.1, cores: 4, memoryGb: 2 })).toBe('normal');
    expect(() => classifyDevice({ benchMs: NaN })).toThrow('benchMs must be a non-negative number');
  });

  it('keeps the fastest run, running at least 3 times and until the budget is spent', () => {
    // start, then (t0, t1) per run: runs of 5, 2, 4 ms end at 12 ms < 15, so a 4th (3 ms) runs.
    const ticks = [0, 0, 5, 5, 7, 8, 12, 12, 15];
    let i = 0;
    expect(benchmarkMs(15, () => ticks[i++]!)).toBe(2);
    expect(i).toBe(9);
    // A budget already spent still gives 3 runs.
    const slow = [0, 0, 100, 100, 180, 180, 300];
    let j = 0;
    expect(benchmarkMs(12, () => slow[j++]!)).toBe(80);
    expect(j).toBe(7);
  });

  it('is normal until start-up sets it', () => {
    expect(deviceSpeed()).toBe('normal');
  });
});

describe('slow defaults in the settings store', () => {
  it('never change anything on a normal device', () => {
    const s = new SettingsStore(TABLE);
    expect(s.values).toEqual({ steps: 600, width: 32, seed: 7 });
    expect(s.slowKeys).toEqual([]);
    expect(s.toQuery()).toBe('');
  });

  it('start a slow device at the slow default, written into links, and reset goes back to it', () => {
    setDeviceSpeed('slow');
    const s = new SettingsStore(TABLE);
    expect(s.values).toEqual({ steps: 200, width: 32, seed: 7 });
    expect(s.slowKeys).toEqual(['steps']);
    // A link copied on a slow device says steps=200, so it gives the same run anywhere.
    expect(s.toQuery()).toBe('steps=200');
    s.set('steps', 1000);
    s.reset();
    expect(s.get('steps')).toBe(200);
    // A normal device opening that link runs 200 steps; a slow device opening a link without steps runs 200.
    const normal = new SettingsStore(TABLE, false);
    expect(normal.applyQuery('steps=200')).toEqual([]);
    expect(normal.get('steps')).toBe(200);
  });

  it('lose to any value a link or a replay sets', () => {
    const s = new SettingsStore(TABLE, true);
    expect(s.applyQuery('steps=600&width=8')).toEqual([]);
    expect(s.values).toEqual({ steps: 600, width: 8, seed: 7 });
    expect(s.applyQuery('width=8')).toEqual([]);
    expect(s.get('steps')).toBe(200);
    expect(s.patch({ steps: 1500, width: 16, seed: 7 }, 'replay')).toEqual([]);
    expect(s.get('steps')).toBe(1500);
  });

  it('are checked when the table is declared', () => {
    expect(() =>
      defineSettings([
        {
          key: 'n',
          kind: 'integer',
          label: 'N',
          min: 1,
          max: 10,
          step: 1,
          default: 5,
          slowDefault: 20,
          apply: 'live',
        },
      ]),
    ).toThrow('its slowDefault 20 is not valid');
  });
});

describe('reduced motion in the paced loop', () => {
  it('runs every step with 0 ms waits (the end at once), and the chosen pace otherwise', async () => {
    for (const [reduced, expected] of [
      [true, [0, 0, 0]],
      [false, [200, 200, 200]],
    ] as const) {
      const waits: number[] = [];
      const steps: number[] = [];
      const n = await paced(
        (i) => void steps.push(i),
        {
          rate: () => 5,
          reducedMotion: () => reduced,
          sleepFn: async (ms) => void waits.push(ms),
        },
        4,
      );
      expect(n).toBe(4);
      expect(steps).toEqual([0, 1, 2, 3]);
      expect(waits).toEqual(expected);
    }
  });
});

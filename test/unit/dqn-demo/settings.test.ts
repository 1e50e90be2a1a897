// The DQN cell's settings table: its defaults are the shipped ones (the values the controls showed before the
// kit, and the kernel's DQN defaults), a link's query restores every setting, and bad link values are named.
import { describe, expect, it } from 'vitest';
import { DQN_DEFAULTS } from '../../../kernels/rl/dqn-config';
import { agentConfig } from '../../../src/demos/dqn/dqn-session';
import { DEFAULT_GRID } from '../../../src/demos/dqn/presets';
import { DQN_TABLE, checkLayout, layoutLines, layoutText } from '../../../src/demos/dqn/settings';
import { defaults, fromQuery, toQuery } from '../../../src/ui/kit/settings';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

describe('DQN cell settings', () => {
  it('checks a layout: rows of . # P G S of one length, at most one start, somewhere to start from', () => {
    expect(checkLayout(layoutText(DEFAULT_GRID))).toBeNull();
    expect(layoutLines(layoutText(DEFAULT_GRID))).toEqual(DEFAULT_GRID);
    expect(checkLayout('S..G')).toBeNull();
    expect(checkLayout('...G')).toBeNull();
    expect(checkLayout('S..X')).toMatch(/unknown grid symbol "X"/);
    expect(checkLayout('S..G/S...')).toMatch(/at most one start/);
    expect(checkLayout('S..G/...')).toMatch(/row 1 has 3 cells, expected 4/);
    expect(checkLayout('##G')).toMatch(/needs a start/);
    expect(checkLayout(Array(21).fill('S').join('/'))).toMatch(/rows must be an integer from 1 to 20/);
  });

  it("keeps today's defaults", () => {
    // The values grid-q.ts (TABULAR_DEFAULTS), dqn-panel.ts (PANEL_DEFAULTS), dqn-compare.ts and presets.ts
    // (the Run's 300 + 300 episodes) shipped before the kit.
    expect(defaults(DQN_TABLE)).toEqual({
      layout: 'S...#.../.##.#.#./.#....#./...#P.#./.P.#...G',
      alpha: 0.5,
      gamma: 0.95,
      epsilon: 0.2,
      speed: 20,
      gridEpisodes: 300,
      double: false,
      dueling: false,
      per: false,
      target: 'soft',
      seed: 1,
      episodes: 300,
      cmpEpisodes: 300,
    });
  });

  it('makes the kernel-default agent from the default switches', () => {
    const c = agentConfig(defaults(DQN_TABLE));
    expect(c.seed).toBe(DQN_DEFAULTS.seed);
    expect(c.double).toBe(DQN_DEFAULTS.double);
    expect(c.dueling).toBe(DQN_DEFAULTS.dueling);
    expect(c.prioritized).toBe(DQN_DEFAULTS.prioritized);
    expect(c.target).toEqual(DQN_DEFAULTS.target);
    const hard = agentConfig({ ...defaults(DQN_TABLE), target: 'hard', per: true });
    expect(hard.target).toEqual({ kind: 'hard', every: 500 });
    expect(hard.prioritized).toBe(true);
  });

  it('groups every setting where the parts draw them', () => {
    const groups = Object.fromEntries(DQN_TABLE.map((s) => [s.key, s.group]));
    expect(groups).toEqual({
      layout: 'layout',
      alpha: 'grid',
      gamma: 'grid',
      epsilon: 'grid',
      speed: 'grid',
      gridEpisodes: 'grid',
      double: 'dqn',
      dueling: 'dqn',
      per: 'dqn',
      target: 'dqn',
      seed: 'dqn',
      episodes: 'dqn',
      cmpEpisodes: 'compare',
    });
  });

  it('writes nothing to the link at the defaults', () => {
    expect(new SettingsStore(DQN_TABLE).toQuery()).toBe('');
  });

  it('round-trips a link: every changed setting comes back, the rest stay default', () => {
    const a = new SettingsStore(DQN_TABLE);
    const layout = 'S#.G/..P.';
    expect(
      a.patch({ layout, alpha: 0.3, speed: 120, double: true, target: 'hard', seed: 42, episodes: 12 }),
    ).toEqual([]);
    const query = a.toQuery();
    expect(query).toBe(
      'layout=S%23.G%2F..P.&alpha=0.3&speed=120&double=true&target=hard&seed=42&episodes=12',
    );
    const b = new SettingsStore(DQN_TABLE);
    expect(b.applyQuery(query)).toEqual([]);
    expect(b.values).toEqual(a.values);
    expect(b.values.gamma).toBe(0.95);
    expect(b.toQuery()).toBe(query);
  });

  it('names what a link gets wrong and keeps the defaults there', () => {
    const { values, notes } = fromQuery(DQN_TABLE, 'episodes=0&target=medium&per=maybe&bogus=1&gamma=0.5');
    expect(values.episodes).toBe(300);
    expect(values.target).toBe('soft');
    expect(values.per).toBe(false);
    expect(values.gamma).toBe(0.5);
    expect(notes).toHaveLength(4);
    expect(notes.join(' ')).toMatch(
      /Episodes per Train \(episodes\) in the link was ignored: 0 is not an allowed value \(1 to 2000, whole numbers\)/,
    );
    expect(notes.join(' ')).toMatch(/"medium" is not one of soft, hard/);
    expect(notes.join(' ')).toMatch(/Unknown setting "bogus"/);
    expect(toQuery(DQN_TABLE, values)).toBe('gamma=0.5');
  });
});

// The DQN cell's session in Node: its Run replays bit for bit from a run card's settings (and another seed
// gives other metrics), Run starts from a fresh table and agent, and settings changes reach the right part.
import { describe, expect, it } from 'vitest';
import { DqnAgent } from '../../../kernels/rl/dqn-trainer';
import { agentConfig } from '../../../src/demos/dqn/dqn-session';
import { DqnCellSession } from '../../../src/demos/dqn/session';
import { DQN_TABLE, type DqnValues } from '../../../src/demos/dqn/settings';
import { makeRunCard, type Metrics } from '../../../src/ui/kit/run-card';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

// An edited grid (a wall at (0, 2), the pit at (4, 1) gone) travels in the settings too.
const SMALL = {
  gridEpisodes: 40,
  episodes: 30,
  seed: 5,
  double: true,
  alpha: 0.4,
  layout: 'S.#.#.../.##.#.#./.#....#./...#P.#./...#...G',
};

async function runFrom(values: DqnValues): Promise<Metrics> {
  const session = new DqnCellSession(values);
  const m = await session.run(values);
  expect(session.metrics()).toEqual(m);
  return m;
}

function card(store: SettingsStore<typeof DQN_TABLE>, metrics: Metrics) {
  return makeRunCard({
    question: 'dqn',
    outcome: 'done',
    settings: { ...store.values },
    backend: null,
    renderer: null,
    tfjsVersion: null,
    appVersion: 'test',
    userAgent: 'node',
    startedAt: new Date(0),
    durationMs: 1,
    metrics,
  });
}

describe('DqnCellSession', () => {
  it("replays a run card's metrics bit for bit, and another seed differs", async () => {
    const store = new SettingsStore(DQN_TABLE);
    expect(store.patch(SMALL)).toEqual([]);
    const first = await runFrom(store.values);
    expect(first.gridEpisodes).toBe(40);
    // The layout changed the grid: the shortest path from the shipped grid's start is still 11 moves, but
    // the session's world is the edited one.
    expect(new DqnCellSession(store.values).grid.lines().join('/')).toBe(SMALL.layout);
    expect(first.episodes).toBe(30);
    const c = card(store, first);
    expect(c.seed).toBe(5);

    const replayStore = new SettingsStore(DQN_TABLE);
    expect(replayStore.patch(c.settings, 'replay')).toEqual([]);
    expect(replayStore.values).toEqual(store.values);
    const again = await runFrom(replayStore.values);
    expect(Object.keys(again)).toEqual(Object.keys(first));
    for (const k of Object.keys(first)) expect(again[k], k).toBe(first[k]);
    expect(card(replayStore, again).metrics).toEqual(c.metrics);

    replayStore.set('seed', 6);
    const other = await runFrom(replayStore.values);
    expect(other).not.toEqual(first);
    expect(other.totalSteps).not.toBe(first.totalSteps);
  });

  it('runs from a fresh table and a fresh agent, whatever was learned before', async () => {
    const store = new SettingsStore(DQN_TABLE);
    store.patch(SMALL);
    const session = new DqnCellSession(store.values);
    await session.grid.train(15);
    await session.dqn.train(7);
    const fractions: number[] = [];
    const labels: string[] = [];
    const m = await session.run(store.values, {
      progress: (f, label) => {
        fractions.push(f);
        labels.push(label);
      },
    });
    expect(m).toEqual(await runFrom(store.values));
    // The agent is the one the kernel trains alone from these switches.
    const ref = new DqnAgent(agentConfig(store.values));
    while (ref.history.length < 30) ref.step();
    expect(Array.from(session.dqn.agent.online.params)).toEqual(Array.from(ref.online.params));
    expect(fractions.every((f, i) => i === 0 || f >= fractions[i - 1]!)).toBe(true);
    expect(fractions.at(-1)).toBeCloseTo(1, 12);
    expect(labels[0]).toBe('grid world: episode 1/40');
    expect(labels.at(-1)).toBe('DQN: episode 30/30');
  });

  it('stops on abort with an AbortError and keeps what was learned', async () => {
    const store = new SettingsStore(DQN_TABLE);
    store.patch(SMALL);
    const session = new DqnCellSession(store.values);
    const ac = new AbortController();
    let n = 0;
    const run = session.run(store.values, { signal: ac.signal, onEpisode: () => ++n === 45 && ac.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(session.metrics()).toMatchObject({ gridEpisodes: 40, episodes: 5 });
  });

  it('edits the grid from the layout setting, keeping the table when the size stays', async () => {
    const store = new SettingsStore(DQN_TABLE);
    const session = new DqnCellSession(store.values);
    const applied: { agent: boolean; table: boolean }[] = [];
    store.subscribe((c) => applied.push(session.apply(c.keys, c.values)));
    await session.grid.train(5);
    // Painting writes the layout; applying that layout again changes nothing.
    session.grid.paint(0, 2, 'wall');
    store.set('layout', session.grid.lines().join('/'));
    expect(store.toQuery()).toBe(
      `layout=${encodeURIComponent('S.#.#.../.##.#.#./.#....#./...#P.#./.P.#...G')}`,
    );
    expect(session.grid.learner.returns).toHaveLength(5);
    // The same size from a link: cell by cell, the table kept.
    expect(store.set('layout', 'S...#.../.##.#.#./.#....#./...#P.#./...#...G', 'link').message).toBeNull();
    expect(session.grid.world.kindAt(0, 2)).toBe('empty');
    expect(session.grid.world.kindAt(4, 1)).toBe('empty');
    expect(session.grid.learner.returns).toHaveLength(5);
    // Another size: a fresh table.
    store.set('layout', 'S..G', 'link');
    expect(session.grid.world.cols).toBe(4);
    expect(session.grid.learner.returns).toHaveLength(0);
    expect(session.grid.learner.q).toHaveLength(16);
    const none = { agent: false, table: false };
    expect(applied).toEqual([none, none, { agent: false, table: true }]);
    // A layout that is not a grid is refused with the kernel's reason; the grid stays.
    const bad = store.set('layout', 'S..G/..');
    expect(bad.value).toBeNull();
    expect(bad.message).toMatch(/^Not a grid: grid row 1 has 2 cells, expected 4/);
    expect(store.values.layout).toBe('S..G');
  });

  it('takes α, γ, ε live, makes a fresh agent on a switch and a fresh table too on a new seed', async () => {
    const store = new SettingsStore(DQN_TABLE);
    const session = new DqnCellSession(store.values);
    const applied: { agent: boolean; table: boolean }[] = [];
    store.subscribe((c) => applied.push(session.apply(c.keys, c.values)));
    await session.grid.train(5);
    await session.dqn.train(3);
    const agent = session.dqn.agent;

    store.set('alpha', 0.9);
    store.set('speed', 100);
    expect(session.grid.learner.alpha).toBe(0.9);
    expect(session.grid.learner.returns).toHaveLength(5);
    expect(session.dqn.agent).toBe(agent);

    store.set('dueling', true);
    expect(session.dqn.agent).not.toBe(agent);
    expect(session.dqn.agent.config.dueling).toBe(true);
    expect(session.dqn.agent.history).toHaveLength(0);
    expect(session.grid.learner.returns).toHaveLength(5);

    store.set('seed', 11);
    expect(session.dqn.agent.config.seed).toBe(11);
    expect(session.grid.learner.returns).toHaveLength(0);
    const none = { agent: false, table: false };
    expect(applied).toEqual([none, none, { agent: true, table: false }, { agent: true, table: true }]);

    // The comparison shares everything but `double`.
    store.set('double', true);
    expect(session.compareConfig(store.values)).toEqual({
      seed: 11,
      dueling: true,
      prioritized: false,
      target: { kind: 'soft', tau: 0.01 },
    });
  });
});

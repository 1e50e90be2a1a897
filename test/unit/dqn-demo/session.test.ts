// The DQN cell's session in Node: its Run replays bit for bit from a run card's settings (and another seed
// gives other metrics), Run starts from a fresh table and agent, and settings changes reach the right part.
import { describe, expect, it } from 'vitest';
import { DqnAgent } from '../../../kernels/rl/dqn-trainer';
import { agentConfig } from '../../../src/demos/dqn/dqn-session';
import { DqnCellSession } from '../../../src/demos/dqn/session';
import { DQN_TABLE, type DqnValues } from '../../../src/demos/dqn/settings';
import { makeRunCard, type Metrics } from '../../../src/ui/kit/run-card';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

const SMALL = { gridEpisodes: 40, episodes: 30, seed: 5, double: true, alpha: 0.4 };

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

  it('takes α, γ, ε live, makes a fresh agent on a switch and a fresh table too on a new seed', async () => {
    const store = new SettingsStore(DQN_TABLE);
    const session = new DqnCellSession(store.values);
    const applied: boolean[] = [];
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
    expect(applied).toEqual([false, false, true, true]);

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

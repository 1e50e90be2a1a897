// The CartPole DQN's session in Node, against the kernel driven directly: it trains the agent its switches
// describe, step for step; training in pieces (or stopped and resumed) gives the same agent as in one go; a
// rebuild leaves the old run nothing to write; the greedy policy it plays is the kernel's evaluateGreedy.
import { describe, expect, it } from 'vitest';
import { DqnAgent, evaluateGreedy } from '../../../kernels/rl/dqn-trainer';
import { abortError } from '../../../src/runtime/abort';
import { DqnSession, agentConfig, type AgentChoices } from '../../../src/demos/dqn/dqn-session';

const BASE: AgentChoices = { double: false, dueling: false, per: false, target: 'soft', seed: 3 };
/** Like the page's sleep (rejects once the signal fired), without the wait. */
const noSleep = (_ms: number, signal?: AbortSignal) =>
  signal?.aborted ? Promise.reject(abortError()) : Promise.resolve();

/** The kernel alone: steps an agent until `episodes` episodes finished. */
function reference(choices: AgentChoices, episodes: number): DqnAgent {
  const agent = new DqnAgent(agentConfig(choices));
  while (agent.history.length < episodes) agent.step();
  return agent;
}

function snapshot(agent: DqnAgent) {
  return {
    returns: agent.history.map((e) => e.return),
    losses: agent.history.map((e) => e.loss),
    params: Array.from(agent.online.params),
    steps: agent.totalSteps,
  };
}

describe('DqnSession', () => {
  it('builds the agent its switches describe', () => {
    const s = new DqnSession({ double: true, dueling: true, per: true, target: 'hard', seed: 9 });
    const c = s.agent.config;
    expect([c.double, c.dueling, c.prioritized, c.seed]).toEqual([true, true, true, 9]);
    expect(c.target).toEqual({ kind: 'hard', every: 500 });
    expect(new DqnSession(BASE).agent.config.target).toEqual({ kind: 'soft', tau: 0.01 });
  });

  it('trains exactly what the kernel trains, with one report per episode', async () => {
    const choices = { ...BASE, double: true, per: true };
    const s = new DqnSession(choices);
    const reports: number[] = [];
    await s.train(30, { onEpisode: (done) => reports.push(done) });
    expect(reports).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    const ref = reference(choices, 30);
    expect(snapshot(s.agent)).toEqual(snapshot(ref));
    // 30 random-ish episodes pass the 500 steps before learning starts, so the net did train.
    expect(s.agent.updates).toBeGreaterThan(0);
    expect(s.caption).toBe('stopped after episode 30');
  });

  it('goes on from where it stopped: 10 then (stopped at 4) then 16 is the same agent as 30 in one go', async () => {
    const s = new DqnSession(BASE);
    await s.train(10);
    const ac = new AbortController();
    const stopped = s.train(100, { signal: ac.signal, onEpisode: (done) => done === 4 && ac.abort() });
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.agent.history).toHaveLength(14);
    await s.train(16);
    const once = new DqnSession(BASE);
    await once.train(30);
    expect(snapshot(s.agent)).toEqual(snapshot(once.agent));
  });

  it('a rebuild during training gives the old run nothing to write', async () => {
    const s = new DqnSession(BASE);
    const ac = new AbortController();
    const run = s.train(100, {
      signal: ac.signal,
      onEpisode: (done) => {
        if (done === 3) {
          s.rebuild({ ...BASE, seed: 4 });
          ac.abort();
        }
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.agent.history).toHaveLength(0);
    expect(s.agent.config.seed).toBe(4);
    expect(s.caption).toBe('');
    expect(s.source()).toBeNull();
  });

  it("plays the greedy policy the kernel's evaluateGreedy measures, at 100 steps/s", async () => {
    const s = new DqnSession(BASE);
    await s.train(25);
    const waits = new Set<number>();
    let steps = 0;
    const returns = await s.watchGreedy(3, {
      sleepFn: async (ms) => {
        waits.add(ms);
      },
      onStep: () => steps++,
    });
    expect(returns).toEqual(evaluateGreedy(s.agent, 3, 1000 + 25));
    expect(s.watchReturns).toEqual(returns);
    // CartPole pays 1 per step, so the returns count the steps played.
    expect(steps).toBe(returns.reduce((a, b) => a + b, 0));
    expect([...waits]).toEqual([10]);
    expect(s.caption).toMatch(/^greedy policy · episode 3\/3 · step \d+$/);
  });

  it('stops watching on abort with an AbortError', async () => {
    const s = new DqnSession(BASE);
    const ac = new AbortController();
    let steps = 0;
    const run = s.watchGreedy(3, {
      signal: ac.signal,
      sleepFn: noSleep,
      onStep: () => ++steps === 5 && ac.abort(),
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(steps).toBe(5);
  });

  it('reports the last episode in its metrics', async () => {
    const fresh = new DqnSession(BASE).metrics();
    expect(fresh.episodes).toBe(0);
    expect(fresh.lastReturn).toBeNaN();
    const s = new DqnSession(BASE);
    await s.train(12);
    const h = s.agent.history;
    const m = s.metrics();
    expect(m.episodes).toBe(12);
    expect(m.totalSteps).toBe(h.reduce((a, e) => a + e.length, 0));
    expect(m.lastReturn).toBe(h[11]!.return);
    const mean = h.reduce((a, e) => a + e.return, 0) / 12;
    expect(m.movingAverage).toBeCloseTo(mean, 12);
    expect(m.solvedAt).toBe(-1);
  });
});

describe('DqnSession greedy checks', () => {
  it('checks the greedy policy every 10 episodes on its seeded CartPole; Use best weights puts the best back', async () => {
    const s = new DqnSession(BASE);
    await s.train(20);
    const checks = s.keeper.checks;
    expect(checks.map((c) => c.episode)).toEqual([10, 20]);
    // The latest check is the kernel's evaluateGreedy of the agent as it stands, on the seed 5000 + 3.
    expect(checks[1]!.returns).toEqual(evaluateGreedy(s.agent, 5, 5003));
    // Training with checks is the same training as without (they play on their own CartPole).
    expect(snapshot(s.agent)).toEqual(snapshot(reference(BASE, 20)));
    const best = s.keeper.best!;
    expect(s.useBest()).toBe(true);
    expect(s.restoredAt).toBe(20);
    expect(evaluateGreedy(s.agent, 5, 5003)).toEqual(best.returns);
    expect(s.metrics()).toMatchObject({
      bestGreedyMean: best.mean,
      greedyMean: checks[1]!.mean,
      solvedAt: -1,
    });
    s.rebuild(BASE);
    expect(s.keeper.checks).toHaveLength(0);
    expect(s.useBest()).toBe(false);
  });
});

// The grid world's session in Node: every step is the Bellman update worked out by hand against a mirror of
// the table, Q converges to the closed-form optimal values on a corridor, the shipped grid is learned, and
// Play takes the steps its speed asks for, at the pace it asks for.
import { describe, expect, it } from 'vitest';
import { GRID_MAX_EPISODE_STEPS, GridSession } from '../../../src/demos/dqn/grid-session';
import { defaults } from '../../../src/ui/kit/settings';
import { DQN_TABLE } from '../../../src/demos/dqn/settings';

const HYPER = { alpha: 0.5, gamma: 0.95, epsilon: 0.2 };
const STEP_COST = -0.04;

/** Steps the learner has taken: finished episodes' lengths plus the current one's. */
function stepsTaken(s: GridSession): number {
  return s.learner.lengths.reduce((a, b) => a + b, 0) + s.learner.stepsInEpisode;
}

describe('GridSession', () => {
  it('takes the first step from the shipped defaults as worked out by hand', () => {
    const s = new GridSession(defaults(DQN_TABLE), 1);
    const { transition: t, update: u } = s.step();
    expect(t.state).toBe(0);
    // Q = 0 + 0.5·(−0.04 + 0.95·0 − 0) = −0.02 (the first move from the start cannot end the episode).
    expect(t.reward).toBe(STEP_COST);
    expect(t.done).toBe(false);
    expect(u.after).toBeCloseTo(-0.02, 15);
    expect(s.last).not.toBeNull();
  });

  it('writes Q(s,a) ← Q + α·(r + γ·max Q(s′,·) − Q) at every step, against a mirror of the table', () => {
    const s = new GridSession(HYPER, 3);
    const nA = 4;
    for (let i = 0; i < 2000; i++) {
      const mirror = Float64Array.from(s.learner.q);
      const { transition: t, update: u } = s.step();
      const before = mirror[t.state * nA + t.action]!;
      let maxNext = 0;
      if (!t.done) {
        maxNext = -Infinity;
        for (let a = 0; a < nA; a++) maxNext = Math.max(maxNext, mirror[t.nextState * nA + a]!);
      }
      const expected = before + HYPER.alpha * (t.reward + HYPER.gamma * maxNext - before);
      expect(u.before).toBe(before);
      expect(u.maxNext).toBe(maxNext);
      expect(s.learner.q[t.state * nA + t.action]).toBeCloseTo(expected, 14);
      // Nothing else in the table moved.
      mirror[t.state * nA + t.action] = s.learner.q[t.state * nA + t.action]!;
      expect(Array.from(s.learner.q)).toEqual(Array.from(mirror));
    }
  });

  it('converges to the closed-form optimal values on a corridor S..G', () => {
    const s = new GridSession(HYPER, 5, ['S..G']);
    s.learner.runEpisodes(500);
    const g = HYPER.gamma;
    // V*(2) = 1 (step into the goal); V*(1) = c + γ·1; V*(0) = c + γ·c + γ²·1, with c the step cost.
    expect(s.learner.maxQ(2)).toBeCloseTo(1, 9);
    expect(s.learner.maxQ(1)).toBeCloseTo(STEP_COST + g, 9);
    expect(s.learner.maxQ(0)).toBeCloseTo(STEP_COST + g * STEP_COST + g * g, 9);
    const path = s.greedyPath();
    expect(path.reaches).toBe(true);
    expect(path.moves).toBe(3);
  });

  it('learns the shipped grid: after 300 episodes the greedy path is a shortest one (11 moves)', async () => {
    const s = new GridSession(HYPER, 1);
    expect(s.greedyPath().reaches).toBe(false);
    let seen = 0;
    await s.train(300, { onEpisode: (done) => (seen = done) });
    expect(seen).toBe(300);
    expect(s.learner.returns).toHaveLength(300);
    expect(s.world.shortestPathLength()).toBe(11);
    const path = s.greedyPath();
    expect(path.text).toBe('greedy path reaches the goal in 11 moves (shortest: 11)');
    expect(s.metrics()).toMatchObject({ gridEpisodes: 300, gridReachesGoal: true, gridPathMoves: 11 });
  });

  it('stops training on abort with an AbortError and keeps what was learned', async () => {
    const s = new GridSession(HYPER, 1);
    const ac = new AbortController();
    const run = s.train(100, { signal: ac.signal, onEpisode: (done) => done === 7 && ac.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(s.learner.returns).toHaveLength(7);
  });

  it('applies α, γ, ε at once and keeps the table; Reset table forgets it and replays the same draws', () => {
    const s = new GridSession(HYPER, 2);
    const first = [0, 1, 2, 3, 4].map(() => s.step().transition);
    s.setHyper({ alpha: 1, gamma: 0.5, epsilon: 0 });
    const { transition: t, update: u } = s.step();
    // α = 1: the entry becomes its target r + γ·maxNext exactly.
    expect(u.after).toBe(t.reward + 0.5 * u.maxNext);
    expect(s.learner.q.some((v) => v !== 0)).toBe(true);
    s.setHyper(HYPER);
    s.clearTable();
    expect(s.learner.q.every((v) => v === 0)).toBe(true);
    expect(s.learner.returns).toHaveLength(0);
    expect(s.last).toBeNull();
    expect([0, 1, 2, 3, 4].map(() => s.step().transition)).toEqual(first);
  });

  it('paints and clears cells, never clears the start, and resets to the shipped grid', () => {
    const s = new GridSession(HYPER, 1);
    expect(s.paint(0, 2, 'wall')).toBe(true);
    expect(s.world.kindAt(0, 2)).toBe('wall');
    expect(s.paint(0, 2, 'wall')).toBe(true);
    expect(s.world.kindAt(0, 2)).toBe('empty');
    expect(s.paint(0, 0, 'wall')).toBe(false);
    expect(s.world.kindAt(0, 0)).toBe('start');
    s.paint(1, 0, 'pit');
    s.resetAll(HYPER, 1);
    expect(s.world.kindAt(1, 0)).toBe('empty');
  });

  it('takes a layout of its size cell by cell (keeping the table), another size with a new table', () => {
    const s = new GridSession(HYPER, 1, ['S..G', '....']);
    s.learner.runEpisodes(3);
    expect(s.setLayout(['S.#G', '.P..'], HYPER)).toBe(true);
    expect(s.lines()).toEqual(['S.#G', '.P..']);
    expect(s.learner.returns).toHaveLength(3);
    // The start moves: the old start becomes what the layout says; the agent stands on a cell it can.
    expect(s.setLayout(['#..G', 'S...'], HYPER)).toBe(true);
    expect(s.lines()).toEqual(['#..G', 'S...']);
    expect(s.world.startState).toBe(4);
    expect(s.world.isActive(s.world.state)).toBe(true);
    expect(s.setLayout(['S.G'], HYPER)).toBe(false);
    expect(s.lines()).toEqual(['S.G']);
    expect(s.learner.returns).toHaveLength(0);
    expect(s.learner.q).toHaveLength(12);
  });

  it('plays at the speed asked: one step a tick up to 50 steps/s, several a tick beyond', async () => {
    for (const [speed, ticks, steps, waitMs] of [
      [20, 6, 6, 50],
      [50, 4, 4, 20],
      [500, 3, 30, 20],
      [75, 4, 6, 20],
    ] as const) {
      const s = new GridSession(HYPER, 1);
      const waits: number[] = [];
      let drawn = 0;
      await s.play(
        {
          speed: () => speed,
          onTick: () => drawn++,
          sleepFn: async (ms) => {
            waits.push(ms);
          },
        },
        ticks,
      );
      expect(stepsTaken(s)).toBe(steps);
      expect(drawn).toBe(ticks);
      expect(waits).toEqual(new Array(ticks - 1).fill(waitMs));
    }
  });

  it('play ends with an AbortError when stopped', async () => {
    const s = new GridSession(HYPER, 1);
    const ac = new AbortController();
    let ticks = 0;
    const run = s.play({ signal: ac.signal, speed: () => 500, onTick: () => ++ticks === 4 && ac.abort() });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(ticks).toBe(4);
  });

  it('cuts an episode at the step limit on a grid with no goal', () => {
    const s = new GridSession({ ...HYPER, epsilon: 1 }, 1, ['S...']);
    s.learner.runEpisodes(2);
    expect(s.learner.lengths).toEqual([GRID_MAX_EPISODE_STEPS, GRID_MAX_EPISODE_STEPS]);
    expect(s.metrics()).toMatchObject({ gridEpisodes: 2, gridReachesGoal: false, gridPathMoves: -1 });
  });
});

describe('GridSession.unreachable (breadth-first search from the start)', () => {
  it('says when walls or pits close every path, or there is no goal, and refuses to train or play', async () => {
    const cases: [string[], boolean][] = [
      [['S.G'], true],
      [['S#G'], false], // a wall between
      [['SPG'], false], // a pit ends the episode before the goal
      [['S..', '##.', 'G..'], true], // around the wall: 6 moves
      [['S.#G', '..#.', '###.'], false], // the goal's corner is sealed off
      [['S..', '...'], false], // no goal at all
    ];
    for (const [layout, reachable] of cases) {
      const s = new GridSession(HYPER, 1, layout);
      expect(s.unreachable() === '', layout.join('/')).toBe(reachable);
    }
    expect(new GridSession(HYPER, 1, ['S..', '##.', 'G..']).world.shortestPathLength()).toBe(6);
    expect(new GridSession(HYPER, 1, ['S..', '...']).unreachable()).toMatch(/no goal/);

    const sealed = new GridSession(HYPER, 1, ['S.#G', '..#.', '###.']);
    expect(sealed.unreachable()).toMatch(/^No goal can be reached from the start/);
    await expect(sealed.train(10)).rejects.toThrow(/No goal can be reached/);
    await expect(sealed.play({ speed: () => 10 }, 1)).rejects.toThrow(/No goal can be reached/);
    expect(sealed.learner.returns).toHaveLength(0);
    // Painting the wall away opens a path: training is allowed again.
    sealed.paint(0, 2, 'wall');
    expect(sealed.unreachable()).toBe('');
    await sealed.train(5);
    expect(sealed.learner.returns).toHaveLength(5);
  });
});

// The DQN cell's plot data, with no DOM: the return-per-episode curves of the CartPole agent and the
// over-estimation comparison's traces and summary line. Pure functions of the sessions' episodes; tested in
// Node.
import type { GreedyCheck } from '../../../kernels/rl/best-weights';
import { SOLVED_RETURN, type DqnEpisode } from '../../../kernels/rl/dqn-trainer';
import type { LineTrace } from '../../ui/plot-spec';
import { fmt } from './bellman-text';
import { GAP_WINDOW, type CompareSession } from './compare-session';
import { movingAverage } from './series';

/** Comparison curves are means over this many episodes. */
export const SMOOTH = 10;

/**
 * The return per episode, its 100-episode mean, the "solved" line (which the greedy checks must reach) and,
 * when there are any, the greedy checks' means.
 */
export function returnCurves(h: readonly DqnEpisode[], checks: readonly GreedyCheck[] = []): LineTrace[] {
  if (!h.length) return [];
  const x = h.map((e) => e.episode);
  const greedy: LineTrace[] = checks.length
    ? [
        {
          type: 'line',
          x: checks.map((c) => c.episode),
          y: checks.map((c) => c.mean),
          name: 'greedy check (ε = 0)',
          color: '#b35806',
        },
      ]
    : [];
  return [
    { type: 'line', x, y: h.map((e) => e.return), name: 'return', color: '#9aa7b8' },
    { type: 'line', x, y: h.map((e) => e.movingAverage), name: '100-episode mean', color: '#2166ac' },
    {
      type: 'line',
      x: [1, Math.max(2, x.length)],
      y: [SOLVED_RETURN, SOLVED_RETURN],
      name: 'solved (195)',
      dash: 'dash',
      color: '#1a7f37',
    },
    ...greedy,
  ];
}

/** Each agent's predicted Q and actual discounted return (SMOOTH-episode means) and the ceiling 1/(1 − γ). */
export function compareTraces(s: CompareSession): LineTrace[] {
  if (!s.vanilla.length) return [];
  const x = s.vanilla.map((e) => e.episode);
  const series = (runs: DqnEpisode[], key: 'meanQ' | 'meanDiscountedReturn') =>
    movingAverage(
      runs.map((e) => e[key]),
      SMOOTH,
    );
  return [
    { type: 'line', x, y: series(s.vanilla, 'meanQ'), name: 'DQN: predicted Q', color: '#b2182b' },
    {
      type: 'line',
      x,
      y: series(s.vanilla, 'meanDiscountedReturn'),
      name: 'DQN: actual return',
      color: '#b2182b',
      dash: 'dot',
    },
    { type: 'line', x, y: series(s.double, 'meanQ'), name: 'Double: predicted Q', color: '#2166ac' },
    {
      type: 'line',
      x,
      y: series(s.double, 'meanDiscountedReturn'),
      name: 'Double: actual return',
      color: '#2166ac',
      dash: 'dot',
    },
    {
      type: 'line',
      x: [1, Math.max(2, x.length)],
      y: [s.ceiling, s.ceiling],
      name: 'ceiling 1/(1 − γ)',
      color: '#777',
      dash: 'dash',
    },
  ];
}

export function compareSummary(s: CompareSession): string {
  if (!s.vanilla.length) return '';
  const [vanilla, double] = s.gaps();
  return `episodes ${s.vanilla.length} · mean over-estimation (predicted − actual, last ${GAP_WINDOW} episodes): DQN ${fmt(vanilla, 1)}, Double DQN ${fmt(double, 1)}`;
}

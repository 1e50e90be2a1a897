// What the DQN cell now watches, measured: for seeds 1..5 (shipped defaults, plain DQN, the cell's greedy
// check: 5 greedy episodes every 10 on one seeded CartPole), train 300 episodes and report
//  - the episode at which the training mean (last 100, ε-greedy) first reached 195 (what the cell used to
//    call "solved"), and the first greedy check ≥ 195 (what it calls solved now);
//  - the best greedy check, the last one, and whether the last is a collapse (below half the best);
//  - on 20 other seeded episodes, the greedy mean of the final weights and of the kept best weights.
// Also the cost of one greedy check (5 episodes), the work the cell adds every 10 episodes.
//
// Run: npx tsx scripts/bench-dqn-best.ts [--seeds=1,2,3] [--episodes=300]
// Prints a table and one line `BENCH_JSON {…}`.
import { BestWeights } from '../kernels/rl/best-weights';
import { DqnAgent, SOLVED_RETURN, evaluateGreedy } from '../kernels/rl/dqn-trainer';

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const seeds = (arg('seeds') ?? '1,2,3,4,5').split(',').map(Number);
const EPISODES = Number(arg('episodes') ?? 300);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

interface Row {
  seed: number;
  trainingMean195At: number | null;
  greedy195At: number | null;
  bestGreedy: number;
  bestAt: number;
  lastGreedy: number;
  collapsed: boolean;
  finalOn20: number;
  bestOn20: number;
  checkMs: number;
}

function runSeed(seed: number): Row {
  const agent = new DqnAgent({ seed });
  const keeper = new BestWeights({ every: 10, episodes: 5, seed: 5000 + seed });
  let checkMs = 0;
  let checks = 0;
  while (agent.history.length < EPISODES) {
    if (!agent.step()) continue;
    const t0 = performance.now();
    if (keeper.afterEpisode(agent)) {
      checkMs += performance.now() - t0;
      checks++;
    }
  }
  const finalOn20 = mean(evaluateGreedy(agent, 20, 9000 + seed));
  keeper.restore(agent);
  const bestOn20 = mean(evaluateGreedy(agent, 20, 9000 + seed));
  return {
    seed,
    trainingMean195At:
      agent.history.find((e) => e.movingAverage >= SOLVED_RETURN && e.episode >= 100)?.episode ?? null,
    greedy195At: keeper.solvedAt,
    bestGreedy: keeper.best!.mean,
    bestAt: keeper.best!.episode,
    lastGreedy: keeper.latest!.mean,
    collapsed: keeper.collapsed,
    finalOn20,
    bestOn20,
    checkMs: checkMs / checks,
  };
}

const rows = seeds.map(runSeed);
console.log(`DQN, shipped defaults, ${EPISODES} episodes; greedy check = 5 episodes every 10`);
console.log(
  'seed | train mean≥195 at | greedy≥195 at | best (ep) | last | collapse | final on 20 | best on 20 | check ms',
);
for (const r of rows)
  console.log(
    [
      r.seed,
      r.trainingMean195At ?? '—',
      r.greedy195At ?? '—',
      `${r.bestGreedy} (${r.bestAt})`,
      r.lastGreedy,
      r.collapsed ? 'yes' : 'no',
      r.finalOn20.toFixed(1),
      r.bestOn20.toFixed(1),
      r.checkMs.toFixed(1),
    ].join(' | '),
  );
console.log(`BENCH_JSON ${JSON.stringify({ bench: 'dqn-best', episodes: EPISODES, rows })}`);

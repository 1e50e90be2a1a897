// DQN on CartPole, two figures:
//  1. Throughput: environment steps per second with one batch-32 update per step (the shipped defaults:
//     4-64-64-2 ReLU MLP on Float64Arrays, Adam, Huber loss, soft target update), on the CPU in Node, after
//     learning has started. Measured for plain DQN and with every switch on (Double + dueling + prioritized),
//     both as a bare step loop and through the time-sliced trainDqn generator the cell uses. Wall-clock and
//     process CPU time are both reported, since a shared machine's wall clock also counts other work.
//  2. Episodes until solved: the first episode at which the mean return of the last 100 training episodes
//     (ε-greedy, as trained) reaches 195, for seeds 1..5, DQN and Double DQN, shipped defaults, capped at
//     1000 episodes; the median over seeds.
//
// Run: npx tsx scripts/bench-dqn.ts            (both; the solve runs take minutes)
//      npx tsx scripts/bench-dqn.ts --throughput  (throughput only)
//      npx tsx scripts/bench-dqn.ts --seeds=1,2,3 (other seeds)
// Prints a table and one line `BENCH_JSON {…}`.
import { DqnAgent, trainDqn } from '../kernels/rl/dqn-trainer';
import type { DqnConfig } from '../kernels/rl/dqn-config';

const MAX_EPISODES = 1000;
const MEASURED_STEPS = 5000;

const args = process.argv.slice(2);
const throughputOnly = args.includes('--throughput');
const seedsArg = args.find((a) => a.startsWith('--seeds='));
const seeds = seedsArg ? seedsArg.slice(8).split(',').map(Number) : [1, 2, 3, 4, 5];

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

interface Rate {
  wall: number;
  cpu: number;
}

/** Steps/s over MEASURED_STEPS steps, after learning has started and the JIT has warmed up. */
async function throughput(config: Partial<DqnConfig>, sliced: boolean): Promise<Rate> {
  const agent = new DqnAgent({ seed: 1, ...config });
  while (agent.totalSteps < agent.config.learningStarts + 1500) agent.step();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  if (sliced) {
    // The cell's path: whole episodes through the generator, which yields to the event loop every 10 ms.
    const start = agent.totalSteps;
    const gen = trainDqn(agent, { episodes: 100_000 });
    while (agent.totalSteps - start < MEASURED_STEPS) await gen.next();
    await gen.return(undefined);
  } else {
    for (let i = 0; i < MEASURED_STEPS; i++) agent.step();
  }
  const ms = performance.now() - t0;
  const cpuMs = process.cpuUsage(cpu0).user / 1000;
  const steps = sliced ? agent.totalSteps - agent.config.learningStarts - 1500 : MEASURED_STEPS;
  return { wall: (steps * 1000) / ms, cpu: (steps * 1000) / cpuMs };
}

/** The 1-based episode at which the 100-episode mean first reaches 195, or null within MAX_EPISODES. */
function episodesToSolve(config: Partial<DqnConfig>): {
  solvedAt: number | null;
  steps: number;
  seconds: number;
} {
  const agent = new DqnAgent(config);
  const t0 = performance.now();
  for (;;) {
    const e = agent.step();
    if (e && (e.solvedAt !== null || e.episode >= MAX_EPISODES))
      return { solvedAt: e.solvedAt, steps: agent.totalSteps, seconds: (performance.now() - t0) / 1000 };
  }
}

async function main(): Promise<void> {
  const variants: [string, Partial<DqnConfig>][] = [
    ['DQN', {}],
    ['DQN + Double + dueling + prioritized', { double: true, dueling: true, prioritized: true }],
  ];
  console.log(
    `Throughput: CartPole env steps/s, one batch-32 update per step, after learning starts (${MEASURED_STEPS} steps)`,
  );
  console.log(
    `${'variant'.padEnd(40)}${'path'.padEnd(10)}${'wall steps/s'.padStart(14)}${'cpu steps/s'.padStart(14)}`,
  );
  const rates: Record<string, Rate> = {};
  for (const [name, config] of variants) {
    for (const sliced of [false, true]) {
      const r = await throughput(config, sliced);
      rates[`${name}${sliced ? ' (sliced)' : ''}`] = r;
      console.log(
        `${name.padEnd(40)}${(sliced ? 'sliced' : 'bare').padEnd(10)}${r.wall.toFixed(0).padStart(14)}${r.cpu.toFixed(0).padStart(14)}`,
      );
    }
  }
  const result: Record<string, unknown> = {
    stepsPerSecond: Math.round(rates['DQN']!.wall),
    stepsPerSecondCpu: Math.round(rates['DQN']!.cpu),
    stepsPerSecondSliced: Math.round(rates['DQN (sliced)']!.wall),
    stepsPerSecondAllSwitches: Math.round(rates['DQN + Double + dueling + prioritized']!.wall),
  };

  if (!throughputOnly) {
    console.log(
      `\nEpisodes until solved (100-episode mean return ≥ 195), cap ${MAX_EPISODES}, seeds ${seeds.join(', ')}`,
    );
    console.log(
      `${'variant'.padEnd(14)}${'seed'.padStart(6)}${'solved at'.padStart(11)}${'env steps'.padStart(11)}${'seconds'.padStart(9)}`,
    );
    for (const [name, double] of [
      ['DQN', false],
      ['Double DQN', true],
    ] as const) {
      const solved: number[] = [];
      for (const seed of seeds) {
        const r = episodesToSolve({ seed, double });
        // An unsolved run counts as the cap (so the median is an honest lower bound on it).
        solved.push(r.solvedAt ?? MAX_EPISODES);
        console.log(
          `${name.padEnd(14)}${String(seed).padStart(6)}${String(r.solvedAt ?? `>${MAX_EPISODES}`).padStart(11)}${String(r.steps).padStart(11)}${r.seconds.toFixed(1).padStart(9)}`,
        );
      }
      const key = double ? 'doubleDqn' : 'dqn';
      result[`${key}EpisodesToSolveMedian`] = median(solved);
      result[`${key}EpisodesToSolve`] = solved;
      console.log(`${name}: median ${median(solved)} episodes (goal ≤ 300)`);
    }
  }
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
}

await main();

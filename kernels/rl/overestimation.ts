// Over-estimation, measured: vanilla DQN and Double DQN trained side by side from the same seed (same
// initial weights, same environment starts), one episode each in turn, so a plot can set each one's mean
// predicted Q against the discounted return it actually got (van Hasselt et al. 2016, figure 3 in miniature).
//
// Example:
//   for await (const p of compareVanillaDouble({ seed: 1 }, { episodes: 150, signal }))
//     plot(p.episode, p.vanilla.meanQ, p.vanilla.meanDiscountedReturn, p.double.meanQ, …);
import type { DqnConfig } from './dqn-config';
import { DqnAgent, trainDqn, type DqnEpisode, type TrainOptions } from './dqn-trainer';

export interface ComparisonPoint {
  episode: number;
  vanilla: DqnEpisode;
  double: DqnEpisode;
}

/** Over-estimation of one episode: mean predicted maxₐQ minus the mean actual discounted return. */
export function overestimation(e: DqnEpisode): number {
  return e.meanQ - e.meanDiscountedReturn;
}

export async function* compareVanillaDouble(
  config: Partial<DqnConfig>,
  options: Omit<TrainOptions, 'stopWhenSolved'>,
): AsyncGenerator<ComparisonPoint> {
  const vanilla = new DqnAgent({ ...config, double: false });
  const double = new DqnAgent({ ...config, double: true });
  const runs = [trainDqn(vanilla, options), trainDqn(double, options)] as const;
  try {
    for (;;) {
      const a = await runs[0].next();
      if (a.done) return;
      const b = await runs[1].next();
      if (b.done) return;
      yield { episode: a.value.episode, vanilla: a.value, double: b.value };
    }
  } finally {
    await runs[0].return(undefined);
    await runs[1].return(undefined);
  }
}

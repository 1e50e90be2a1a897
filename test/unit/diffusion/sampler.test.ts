// The reverse process. With the exact noise predictor of a Gaussian data set N(μ, diag s²), every sampler
// must return that Gaussian: checked against the data's moments and against the moments propagated through
// the notebook's update formulas (written out here independently of sampler.ts), with stated tolerances.
import { describe, expect, test } from 'vitest';
import {
  reverseStep,
  sampleDiffusion,
  samplingTimesteps,
  type NoisePredictor,
  type SampleFrame,
  type SampleOptions,
} from '../../../kernels/diffusion/sampler';
import { noiseSchedule, type NoiseSchedule } from '../../../kernels/diffusion/schedule';
import { createRng } from '../../../src/runtime/rng';

const MU = [0.7, -1.2];
const S = [0.5, 0.3];
const schedule = noiseSchedule(1000, 'linear');
const abar = (sch: NoiseSchedule, t: number) => (t === 0 ? 1 : sch.alphaBars[t - 1]);

/** E[ε | x_t] for data N(μ, s²) per coordinate: √(1−ᾱ)(x − √ᾱ·μ)/(ᾱ·s² + 1 − ᾱ). */
function gaussianOracle(sch: NoiseSchedule): NoisePredictor {
  return (x, t, out) => {
    const ab = abar(sch, t);
    for (let k = 0; k < x.length; k++) {
      const d = k % 2;
      out[k] = (Math.sqrt(1 - ab) * (x[k] - Math.sqrt(ab) * MU[d])) / (ab * S[d] ** 2 + 1 - ab);
    }
  };
}

interface Moments {
  mean: number;
  variance: number;
}

/** Mean and variance of coordinate d after a reverse run, propagated exactly through x ← a·x + b + σ·z. */
function propagate(
  taus: number[],
  update: (t: number, s: number) => { a: number; b: number; sigma: number },
): Moments {
  let [mean, variance] = [0, 1];
  for (let i = taus.length - 1; i >= 0; i--) {
    const { a, b, sigma } = update(taus[i], i > 0 ? taus[i - 1] : 0);
    [mean, variance] = [a * mean + b, a * a * variance + sigma * sigma];
  }
  return { mean, variance };
}

/** ε̂ = c·(x − √ᾱ_t·μ) with c = √(1−ᾱ_t)/(ᾱ_t·s² + 1 − ᾱ_t). */
const oracleSlope = (ab: number, d: number) => Math.sqrt(1 - ab) / (ab * S[d] ** 2 + 1 - ab);

/**
 * DDPM as the notebook writes it, x_s = (x_t − β′/√(1−ᾱ_t)·ε̂)/√α′ + σ·z with α′ = ᾱ_t/ᾱ_s, β′ = 1 − α′ (the
 * respaced schedule; α′ = α_t when s = t − 1), σ² = β̃′ = (1−ᾱ_s)/(1−ᾱ_t)·β′, and z = 0 on the last step.
 */
function ddpmReference(d: number, steps: number, sch = schedule): Moments {
  return propagate(Array.from(samplingTimesteps(1000, steps)), (t, s) => {
    const [at, as] = [abar(sch, t), abar(sch, s)];
    const beta = 1 - at / as;
    const c = oracleSlope(at, d);
    const k = beta / Math.sqrt(1 - at);
    const sigma2 = s === 0 ? 0 : ((1 - as) / (1 - at)) * beta;
    return {
      a: (1 - k * c) / Math.sqrt(1 - beta),
      b: (k * c * Math.sqrt(at) * MU[d]) / Math.sqrt(1 - beta),
      sigma: Math.sqrt(sigma2),
    };
  });
}

/** DDIM (η = 0) as the notebook writes it: x̂0 = (x_t − √(1−ᾱ_t)·ε̂)/√ᾱ_t, x_s = √ᾱ_s·x̂0 + √(1−ᾱ_s)·ε̂. */
function ddimReference(d: number, steps: number, sch = schedule): Moments {
  return propagate(Array.from(samplingTimesteps(1000, steps)), (t, s) => {
    const [at, as] = [abar(sch, t), abar(sch, s)];
    const c = oracleSlope(at, d);
    // ε̂ = c·x − c·√ᾱ_t·μ, so x̂0 = p·x + q.
    const p = (1 - Math.sqrt(1 - at) * c) / Math.sqrt(at);
    const q = Math.sqrt(1 - at) * c * MU[d];
    return {
      a: Math.sqrt(as) * p + Math.sqrt(1 - as) * c,
      b: Math.sqrt(as) * q - Math.sqrt(1 - as) * c * Math.sqrt(at) * MU[d],
      sigma: 0,
    };
  });
}

async function finalPoints(
  predict: NoisePredictor,
  options: Partial<SampleOptions> & Pick<SampleOptions, 'n' | 'method' | 'steps' | 'seed'>,
  sch = schedule,
) {
  let last: SampleFrame | null = null;
  for await (const frame of sampleDiffusion(predict, sch, { budgetMs: 1e9, ...options })) last = frame;
  return last!.x;
}

function moments(x: Float64Array, d: number) {
  const n = x.length / 2;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[2 * i + d];
  mean /= n;
  let variance = 0;
  for (let i = 0; i < n; i++) variance += (x[2 * i + d] - mean) ** 2;
  return { mean, variance: variance / (n - 1) };
}

describe('with the exact noise predictor of a Gaussian N(μ, diag s²), sampling recovers it', () => {
  const n = 20000;
  /**
   * Two checks per coordinate. (1) The sampler matches the moments propagated through the notebook's own
   * formulas within Monte Carlo error (4 standard errors: mean √(var/n), variance √(2/n) ≈ 4% relative).
   * (2) Those moments are the data's within `tol` (relative variance error; mean error tol·s): the formulas'
   * discretisation error, which is small with many steps and grows when few steps meet a narrow Gaussian.
   */
  const check = (x: Float64Array, reference: (d: number) => Moments, tol: number) => {
    for (const d of [0, 1]) {
      const got = moments(x, d);
      const ref = reference(d);
      expect(Math.abs(got.mean - ref.mean)).toBeLessThan(4 * Math.sqrt(ref.variance / n));
      expect(Math.abs(got.variance / ref.variance - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
      expect(Math.abs(ref.mean - MU[d])).toBeLessThan(tol * S[d]);
      expect(Math.abs(ref.variance / S[d] ** 2 - 1)).toBeLessThan(tol);
    }
  };
  const oracle = gaussianOracle(schedule);

  test('DDPM ancestral, all 1000 steps: mean and variance within 3%', async () => {
    check(
      await finalPoints(oracle, { n, method: 'ddpm', steps: 1000, seed: 1 }),
      (d) => ddpmReference(d, 1000),
      0.03,
    );
  });

  test('DDIM (η = 0), all 1000 steps: within 2%', async () => {
    check(
      await finalPoints(oracle, { n, method: 'ddim', steps: 1000, seed: 2 }),
      (d) => ddimReference(d, 1000),
      0.02,
    );
  });

  test('DDPM respaced to 100 steps and DDIM at 50: the formulas undershoot the variance (≤ 20%), the sampler follows them', async () => {
    check(
      await finalPoints(oracle, { n, method: 'ddpm', steps: 100, seed: 3 }),
      (d) => ddpmReference(d, 100),
      0.2,
    );
    check(
      await finalPoints(oracle, { n, method: 'ddim', steps: 50, seed: 4 }),
      (d) => ddimReference(d, 50),
      0.2,
    );
  });

  test('DDIM on the cosine schedule, 200 steps, x̂0 clipped at 4: within 5%', async () => {
    const cosine = noiseSchedule(1000, 'cosine');
    const x = await finalPoints(
      gaussianOracle(cosine),
      { n, method: 'ddim', steps: 200, seed: 5, clip: 4 },
      cosine,
    );
    check(x, (d) => ddimReference(d, 200, cosine), 0.05);
  });
});

test('samplingTimesteps: evenly spaced, ending at T', () => {
  expect(Array.from(samplingTimesteps(1000, 4))).toEqual([250, 500, 750, 1000]);
  expect(Array.from(samplingTimesteps(7, 3))).toEqual([2, 5, 7]);
  expect(Array.from(samplingTimesteps(5, 5))).toEqual([1, 2, 3, 4, 5]);
  expect(() => samplingTimesteps(10, 11)).toThrow('steps must be an integer in 1..10, got 11');
});

test("a DDPM step equals the notebook's (x_t − β_t/√(1−ᾱ_t)·ε̂)/√α_t + σ_t·z, σ_t² = β̃_t (tol 1e-12)", () => {
  const rng = createRng(8);
  for (const t of [2, 10, 500, 1000]) {
    const x = Float64Array.from({ length: 6 }, () => rng.normal());
    const eps = Float64Array.from({ length: 6 }, () => rng.normal());
    const z = Float64Array.from({ length: 6 }, () => rng.normal());
    const [ab, abPrev, beta] = [schedule.alphaBars[t - 1], schedule.alphaBars[t - 2], schedule.betas[t - 1]];
    const sigma = Math.sqrt(((1 - abPrev) / (1 - ab)) * beta);
    const want = Array.from(
      x,
      (v, k) => (v - (beta / Math.sqrt(1 - ab)) * eps[k]) / Math.sqrt(1 - beta) + sigma * z[k],
    );
    reverseStep(x, eps, z, ab, abPrev, { method: 'ddpm', eta: 0, variance: 'posterior', clip: Infinity });
    x.forEach((v, k) => expect(Math.abs(v - want[k])).toBeLessThan(1e-12));
  }
});

test("DDIM at η = 0 ignores the noise; at η = 1 it adds DDPM's posterior noise σ² = β̃′", () => {
  const x = Float64Array.from([0.3, -0.4]);
  const eps = Float64Array.from([1, 2]);
  const z = Float64Array.from([5, -5]);
  const [abT, abS] = [0.5, 0.8];
  const a = x.slice();
  const b = x.slice();
  reverseStep(a, eps, z, abT, abS, { method: 'ddim', eta: 0, variance: 'posterior', clip: Infinity });
  reverseStep(b, eps, null, abT, abS, { method: 'ddim', eta: 0, variance: 'posterior', clip: Infinity });
  expect(a).toEqual(b);
  const c = x.slice();
  const d = x.slice();
  reverseStep(c, eps, z, abT, abS, { method: 'ddim', eta: 1, variance: 'posterior', clip: Infinity });
  reverseStep(d, eps, null, abT, abS, { method: 'ddim', eta: 1, variance: 'posterior', clip: Infinity });
  const sigma = Math.sqrt(((1 - abS) / (1 - abT)) * (1 - abT / abS));
  expect(c[0] - d[0]).toBeCloseTo(sigma * 5, 12);
});

test('frames: the start at t = T, at most maxFrames, the end at t = 0; copies; seeded', async () => {
  const frames: SampleFrame[] = [];
  for await (const f of sampleDiffusion(gaussianOracle(schedule), schedule, {
    n: 10,
    method: 'ddpm',
    steps: 95,
    seed: 5,
    maxFrames: 10,
  }))
    frames.push(f);
  expect(frames[0]).toMatchObject({ step: 0, t: 1000, steps: 95 });
  expect(frames.at(-1)).toMatchObject({ step: 95, t: 0 });
  expect(frames.length).toBeLessThanOrEqual(10);
  expect(frames[0].x).not.toBe(frames[1].x);
  expect(frames[0].x).not.toEqual(frames[1].x);
  const again = await finalPoints(gaussianOracle(schedule), { n: 10, method: 'ddpm', steps: 95, seed: 5 });
  expect(again).toEqual(frames.at(-1)!.x);
});

test('clip bounds x̂0, so the final points (x_0 = x̂0) lie within ±clip', async () => {
  const wild: NoisePredictor = (_x, _t, out) => out.fill(-50);
  const x = await finalPoints(wild, { n: 20, method: 'ddim', steps: 10, seed: 1, clip: 3 });
  expect(Math.max(...x.map(Math.abs))).toBeLessThanOrEqual(3);
});

test('Stop rejects with an AbortError; a predictor giving NaN ends the run with a message', async () => {
  const controller = new AbortController();
  const run = (async () => {
    for await (const f of sampleDiffusion(
      gaussianOracle(schedule),
      schedule,
      { n: 10, method: 'ddpm', steps: 1000, seed: 1, maxFrames: 1000 },
      controller.signal,
    ))
      if (f.step === 4) controller.abort();
  })();
  await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  const broken: NoisePredictor = (_x, _t, out) => out.fill(NaN);
  await expect(finalPoints(broken, { n: 3, method: 'ddpm', steps: 5, seed: 1 })).rejects.toThrow(
    'sampling diverged at step 1 (t = 1000): the points are no longer finite',
  );
});

test('bad options name the argument', async () => {
  const p = gaussianOracle(schedule);
  const bad = (o: Partial<SampleOptions>) =>
    finalPoints(p, { n: 5, method: 'ddpm', steps: 10, seed: 1, ...o });
  await expect(bad({ n: 0 })).rejects.toThrow('n must be an integer in 1..20000, got 0');
  await expect(bad({ steps: 1001 })).rejects.toThrow('steps must be an integer in 1..1000, got 1001');
  await expect(bad({ method: 'euler' as 'ddpm' })).rejects.toThrow(
    'method must be one of ddpm, ddim, got "euler"',
  );
  await expect(bad({ eta: 2 })).rejects.toThrow('eta must be in 0..1, got 2');
  await expect(bad({ clip: 0 })).rejects.toThrow('clip must be > 0 (Infinity for none), got 0');
});

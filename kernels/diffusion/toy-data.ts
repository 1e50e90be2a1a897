// Seeded 2-D toy distributions for the diffusion demo, each roughly unit scale (coordinates within about ±2),
// so N(0, I) — where the forward process ends — covers them. Points are interleaved: [x0, y0, x1, y1, …].
// Each kind has its own fixed noise level: a kind names one distribution, so two seeds draw two independent
// samples of the same distribution (which is what the quality floor, fresh data vs data, needs).
//
// Example: const points = makeToyData('swissroll', 1000, 7); // Float64Array(2000)
import { createRng, type Rng } from '../../src/runtime/rng';

export const TOY_DATA_KINDS = ['swissroll', 'moons', 'gaussians8', 'rings'] as const;
export type ToyDataKind = (typeof TOY_DATA_KINDS)[number];

export const MAX_TOY_POINTS = 100_000;

/** Swiss roll: the spiral (θ cos θ, θ sin θ) for θ uniform in [1.5π, 4.5π], divided by 7, noise σ 0.05. */
export const SWISS_ROLL = { thetaMin: 1.5 * Math.PI, thetaMax: 4.5 * Math.PI, scale: 1 / 7, noise: 0.05 };
/** Two moons (scikit-learn's), centred: upper arc about (−0.5, −0.25), lower about (0.5, 0.25); σ 0.05. */
export const MOONS = { noise: 0.05 };
/** Eight Gaussians of σ 0.1 centred on a circle of radius 1.5, at angles k·π/4, equally likely. */
export const GAUSSIANS8 = { radius: 1.5, sigma: 0.1 };
/** Three rings of radii 0.5, 1 and 1.5, uniform along their length (so a ring's share ∝ its radius); σ 0.04. */
export const RINGS = { radii: [0.5, 1, 1.5], noise: 0.04 };

type Sampler = (rng: Rng) => [number, number];

const SAMPLERS: Record<ToyDataKind, Sampler> = {
  swissroll(rng) {
    const { thetaMin, thetaMax, scale, noise } = SWISS_ROLL;
    const theta = thetaMin + (thetaMax - thetaMin) * rng.uniform();
    return [
      theta * Math.cos(theta) * scale + noise * rng.normal(),
      theta * Math.sin(theta) * scale + noise * rng.normal(),
    ];
  },
  moons(rng) {
    const angle = Math.PI * rng.uniform();
    const upper = rng.uniform() < 0.5;
    const [x, y] = upper ? [Math.cos(angle), Math.sin(angle)] : [1 - Math.cos(angle), 0.5 - Math.sin(angle)];
    return [x - 0.5 + MOONS.noise * rng.normal(), y - 0.25 + MOONS.noise * rng.normal()];
  },
  gaussians8(rng) {
    const angle = (rng.int(8) * Math.PI) / 4;
    const { radius, sigma } = GAUSSIANS8;
    return [radius * Math.cos(angle) + sigma * rng.normal(), radius * Math.sin(angle) + sigma * rng.normal()];
  },
  rings(rng) {
    const { radii, noise } = RINGS;
    const total = radii.reduce((a, b) => a + b, 0);
    let pick = rng.uniform() * total;
    let r = radii[radii.length - 1];
    for (const radius of radii) {
      if (pick < radius) {
        r = radius;
        break;
      }
      pick -= radius;
    }
    const angle = 2 * Math.PI * rng.uniform();
    return [r * Math.cos(angle) + noise * rng.normal(), r * Math.sin(angle) + noise * rng.normal()];
  },
};

/** n points of the given distribution, interleaved [x0, y0, x1, y1, …]; the same seed gives the same points. */
export function makeToyData(kind: ToyDataKind, n: number, seed: number): Float64Array {
  if (!TOY_DATA_KINDS.includes(kind))
    throw new Error(`kind must be one of ${TOY_DATA_KINDS.join(', ')}, got ${JSON.stringify(kind)}`);
  if (!Number.isInteger(n) || n < 1 || n > MAX_TOY_POINTS)
    throw new Error(`n must be an integer in 1..${MAX_TOY_POINTS}, got ${n}`);
  const rng = createRng(seed);
  const sample = SAMPLERS[kind];
  const out = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const [x, y] = sample(rng);
    out[2 * i] = x;
    out[2 * i + 1] = y;
  }
  return out;
}

// Activations as plain-number records { f, df }: the four of the vanishing-gradient demo (kernels/activations.ts
// re-exports them beside their tfjs versions, which stay there so this module and the nets built on it load no
// tfjs), and the ones the typed-array nets use, looked up by name. GELU is the exact x·Φ(x), Φ the standard
// normal CDF, with erf on both sides.
//
// Example: ACTIVATIONS.sigmoid.df(0) // 0.25, the largest slope a sigmoid ever has

export const ACTIVATION_NAMES = ['sigmoid', 'tanh', 'relu', 'gelu'] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

/** An activation and its derivative, both of the pre-activation z. */
export interface Activation {
  /** φ(z). */
  f(z: number): number;
  /** φ′(z). */
  df(z: number): number;
}

export interface ActivationFn extends Activation {
  /** The largest |φ′| over the real line: the best per-layer gain the activation can give a gradient. */
  maxSlope: number;
}

/**
 * erf by Abramowitz & Stegun 7.1.26 (absolute error below 1.5e-7), for plotting; the networks use tf.erf,
 * which is the same approximation in tfjs' CPU and WebGL kernels.
 */
export function erf(x: number): number {
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign * (1 - poly * Math.exp(-a * a));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const normalPdf = (z: number) => Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
const normalCdf = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));

export const ACTIVATIONS: Record<ActivationName, ActivationFn> = {
  sigmoid: { f: sigmoid, df: (z) => sigmoid(z) * (1 - sigmoid(z)), maxSlope: 0.25 },
  tanh: { f: Math.tanh, df: (z) => 1 - Math.tanh(z) ** 2, maxSlope: 1 },
  // The derivative at the kink is taken as 0, as tfjs' Relu gradient does.
  relu: { f: (z) => Math.max(0, z), df: (z) => (z > 0 ? 1 : 0), maxSlope: 1 },
  // GELU′(z) = Φ(z) + z φ(z); its maximum, at z = √2, is about 1.129.
  gelu: { f: (z) => z * normalCdf(z), df: (z) => normalCdf(z) + z * normalPdf(z), maxSlope: 1.1289 },
};

export function isActivationName(v: unknown): v is ActivationName {
  return typeof v === 'string' && (ACTIVATION_NAMES as readonly string[]).includes(v);
}

/** SiLU (swish), z·σ(z); SiLU′(z) = σ(z)·(1 + z·(1 − σ(z))). Not one of the vanishing demo's four. */
export const SILU: Activation = {
  f: (z) => z * sigmoid(z),
  df: (z) => {
    const s = sigmoid(z);
    return s * (1 + z * (1 - s));
  },
};

/** The activations a dense layer takes by name. denseForward runs `relu` in an inlined loop (its hot path). */
export const LAYER_ACTIVATIONS = {
  relu: ACTIVATIONS.relu,
  silu: SILU,
  tanh: ACTIVATIONS.tanh,
  sigmoid: ACTIVATIONS.sigmoid,
  gelu: ACTIVATIONS.gelu,
} as const satisfies Record<string, Activation>;
export type LayerActivationName = keyof typeof LAYER_ACTIVATIONS;

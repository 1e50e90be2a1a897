// Every attribution method of question 16 on one point of the tabular model, side by side, each scored
// against the truth known by construction (kernels/interpret-tabular.ts) by Spearman rank correlation of
// |attribution| with |true attribution|; permutation importance (global) is scored against the true
// permutation importance. The baseline for gradient × input and integrated gradients is 0, the data's mean.
import { gradientTimesInput, integratedGradients, plainGradient, smoothGrad, spearman } from './interpret';
import { lime } from './interpret-lime';
import { kernelShapDetailed, permutationImportance } from './interpret-shap';
import {
  trueAttribution,
  truePermutationImportance,
  type TabularData,
  type TabularMlp,
} from './interpret-tabular';

export const METHOD_IDS = ['gradient', 'gradInput', 'smoothGrad', 'ig', 'shap', 'lime'] as const;
export type MethodId = (typeof METHOD_IDS)[number];
export const METHOD_LABELS: Record<MethodId | 'permutation', string> = {
  gradient: 'Gradient',
  gradInput: 'Gradient × input',
  smoothGrad: 'SmoothGrad',
  ig: 'Integrated gradients',
  shap: 'SHAP (exact)',
  lime: 'LIME',
  permutation: 'Permutation importance (global)',
};

export interface ExplainOptions {
  igSteps: number;
  sgSigma: number;
  sgSamples: number;
  /** Background rows for SHAP (the first rows of the data), 1 to 64. */
  background: number;
  limeSamples: number;
  seed: number;
}

export interface MethodResult {
  id: MethodId | 'permutation';
  values: number[];
  /** Spearman of |values| with |truth| (NaN when one side is constant). */
  score: number;
}

export interface Explanation {
  x: number[];
  fx: number;
  fBaseline: number;
  truth: number[];
  methods: MethodResult[];
  /** Σ IG − (f(x) − f(0)): integrated gradients' completeness gap. */
  igGap: number;
  /** Σ SHAP − (f(x) − mean f(background)), exact: 0 up to rounding. */
  shapGap: number;
  shapNote: string;
}

const score = (values: number[], truth: number[]) =>
  spearman(
    values.map((v) => Math.abs(v)),
    truth.map((v) => Math.abs(v)),
  );

export function explainPoint(
  model: TabularMlp,
  data: TabularData,
  x: number[],
  o: ExplainOptions,
): Explanation {
  const f = (z: number[]) => model.predict(z);
  const grad = (z: number[]) => model.grad(z);
  const zero = x.map(() => 0);
  const truth = trueAttribution(x);
  const background = data.X.slice(0, o.background);
  const ig = integratedGradients(grad, x, zero, o.igSteps);
  const shap = kernelShapDetailed(f, x, background);
  const values: Record<MethodId, number[]> = {
    gradient: plainGradient(grad, x),
    gradInput: gradientTimesInput(grad, x),
    smoothGrad: smoothGrad(grad, x, { sigma: o.sgSigma, samples: o.sgSamples, seed: o.seed }),
    ig,
    shap: shap.values,
    lime: lime(f, x, { samples: o.limeSamples, seed: o.seed }).coefficients,
  };
  const fx = f(x);
  const fBaseline = f(zero);
  const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
  return {
    x,
    fx,
    fBaseline,
    truth,
    methods: METHOD_IDS.map((id) => ({ id, values: values[id], score: score(values[id], truth) })),
    igGap: sum(ig) - (fx - fBaseline),
    shapGap: sum(shap.values) - (fx - shap.base),
    shapNote: shap.note,
  };
}

/** Permutation importance of the model over `data` (global), scored against the true importance. */
export function explainGlobal(model: TabularMlp, data: TabularData, seed: number): MethodResult {
  const values = permutationImportance((z) => model.predict(z), data.X, data.y, { repeats: 2, seed });
  return { id: 'permutation', values, score: spearman(values, truePermutationImportance()) };
}

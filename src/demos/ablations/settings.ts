// The ablation cell's settings (question 7), as one table: the model family (and the MLP's data set), which
// single-component arms to run beside the full model, seeds per arm, training steps and the tuning budget (the
// same learning-rate sweep for every arm). No DOM: the session turns the values into an AblationSpec.
import { DATASET_KINDS, type DatasetKind } from '../../../kernels/datasets2d';
import type { AblationArm, AblationSpec } from '../../../kernels/ablation';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';

export const FAMILIES = ['mlp', 'transformer'] as const;
export type FamilyId = (typeof FAMILIES)[number];

/**
 * What the page needs of each family without loading it (the transformer's brings tfjs): its default
 * learning rate and metric. A test checks them against the kernels' families.
 */
export const FAMILY_INFO: Record<FamilyId, { defaultLr: number; metric: string }> = {
  mlp: { defaultLr: 0.3, metric: 'test accuracy' },
  transformer: { defaultLr: 0.005, metric: 'test digit accuracy' },
};

/** Each arm toggle: its setting key, the family it belongs to, the change it makes and the arm's name. */
export const ARM_TOGGLES = [
  {
    key: 'noHidden2',
    family: 'mlp',
    change: 'no-hidden2',
    name: 'one hidden layer',
    label: 'Arm: remove the second hidden layer',
  },
  { key: 'relu', family: 'mlp', change: 'relu', name: 'ReLU', label: 'Arm: tanh → ReLU' },
  { key: 'noL2', family: 'mlp', change: 'no-l2', name: 'no L2', label: 'Arm: L2 off' },
  {
    key: 'noPos',
    family: 'transformer',
    change: 'no-pos',
    name: 'no positions',
    label: 'Arm: no positional encoding',
  },
  {
    key: 'noHead',
    family: 'transformer',
    change: 'no-head',
    name: 'one head',
    label: 'Arm: mask one of the two heads',
  },
  {
    key: 'noResidual',
    family: 'transformer',
    change: 'no-residual',
    name: 'no residuals',
    label: 'Arm: no residual connections',
  },
] as const;

/** The tuning budgets: multiples of the family's default learning rate, the same for every arm. */
export const TUNING = {
  none: { label: 'none (the default rate)', factors: null },
  three: { label: '3 rates (÷3, ×1, ×3)', factors: [1 / 3, 1, 3] },
  five: { label: '5 rates (÷9 … ×9)', factors: [1 / 9, 1 / 3, 1, 3, 9] },
} as const;
export type TuningId = keyof typeof TUNING;

/**
 * The run settings each model starts from when the user picks it: the transformer trains some tens of steps a
 * second, so the MLP's 5 seeds × 3 rates × 300 steps would take over half an hour; 3 seeds × 1 rate × 200
 * steps keep it to minutes.
 */
export const FAMILY_RUN_DEFAULTS: Record<FamilyId, { seeds: number; steps: number; tuning: TuningId }> = {
  mlp: { seeds: 5, steps: 300, tuning: 'three' },
  transformer: { seeds: 3, steps: 200, tuning: 'none' },
};

const toggle = (t: (typeof ARM_TOGGLES)[number]) => ({
  key: t.key,
  kind: 'toggle' as const,
  label: t.label,
  default: true,
  apply: 'rebuild' as const,
  group: t.family,
});

export const ABLATION_SETTINGS = defineSettings([
  {
    key: 'family',
    kind: 'choice',
    label: 'Model',
    options: [
      { value: 'mlp', label: 'backprop MLP (2-D points)' },
      { value: 'transformer', label: 'tiny transformer (reverse digits)' },
    ],
    default: 'mlp',
    apply: 'rebuild',
    group: 'model',
  },
  {
    key: 'data',
    kind: 'choice',
    label: 'MLP data set',
    options: DATASET_KINDS.map((k) => ({ value: k, label: k })),
    default: 'xor',
    apply: 'rebuild',
    group: 'mlp',
  },
  toggle(ARM_TOGGLES[0]),
  toggle(ARM_TOGGLES[1]),
  toggle(ARM_TOGGLES[2]),
  toggle(ARM_TOGGLES[3]),
  toggle(ARM_TOGGLES[4]),
  toggle(ARM_TOGGLES[5]),
  {
    key: 'seeds',
    kind: 'integer',
    label: 'Seeds per arm',
    help: 'Every arm runs the same seeds (seed, seed + 1, …), so the arms are paired by seed.',
    min: 1,
    max: 20,
    step: 1,
    default: 5,
    apply: 'rebuild',
    group: 'runs',
  },
  { ...seedSetting(1), label: 'First seed', group: 'runs' },
  {
    key: 'steps',
    kind: 'integer',
    label: 'Training steps per run',
    min: 1,
    max: 3000,
    step: 1,
    default: 300,
    control: 'number',
    apply: 'rebuild',
    group: 'runs',
  },
  {
    key: 'tuning',
    kind: 'choice',
    label: 'Tuning budget per arm',
    help: 'Each rate is trained; validation picks one; the test figure of that one is reported.',
    options: (Object.keys(TUNING) as TuningId[]).map((k) => ({ value: k, label: TUNING[k].label })),
    default: 'three',
    apply: 'rebuild',
    group: 'runs',
  },
]);

export type AblationSettings = SettingValues<typeof ABLATION_SETTINGS>;

/** The keys drawn for a family: its data set (MLP) and its arm toggles. */
export function familyKeys(family: FamilyId): string[] {
  return [
    ...(family === 'mlp' ? ['data'] : []),
    ...ARM_TOGGLES.filter((t) => t.family === family).map((t) => t.key),
  ];
}

/** The full model first (the baseline), then one arm per toggle that is on. */
export function armsOf(v: AblationSettings): AblationArm[] {
  const arms: AblationArm[] = [{ name: 'full model', changes: [] }];
  for (const t of ARM_TOGGLES)
    if (t.family === v.family && v[t.key]) arms.push({ name: t.name, changes: [t.change] });
  return arms;
}

/** The learning rates of the tuning budget around a default rate (null: the default rate alone). */
export function learningRates(defaultLr: number, tuning: string): number[] | null {
  const factors = TUNING[tuning as TuningId]?.factors;
  if (!factors) return null;
  return factors.map((f) => +(defaultLr * f).toPrecision(3));
}

/** The spec the settings describe. */
export function specOf(v: AblationSettings): AblationSpec {
  return {
    arms: armsOf(v),
    seeds: Array.from({ length: v.seeds }, (_, i) => v.seed + i),
    lrs: learningRates(FAMILY_INFO[v.family as FamilyId].defaultLr, v.tuning),
    steps: v.steps,
  };
}

export function familyOf(v: AblationSettings): { family: FamilyId; data: DatasetKind } {
  return { family: v.family as FamilyId, data: v.data as DatasetKind };
}

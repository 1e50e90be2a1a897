// The contrastive cell's settings (question 10), as one table: the data and its augmentations, the objective
// and its temperature and batch (the number of negatives), training length and rate, and the seed. Defaults
// are the kernel's DEFAULT_CONTRASTIVE (kernels/contrastive-train.ts), measured by scripts/bench-contrastive.ts.
// No DOM: the session reads the values, <viva-settings> draws the controls, the cell writes them to links.
import { CLASS_SETS, type ClassSet } from '../../../kernels/contrastive-data';
import {
  DEFAULT_CONTRASTIVE as D,
  DEFAULT_STEPS,
  OBJECTIVES,
  type ContrastiveOptions,
  type Objective,
} from '../../../kernels/contrastive-train';
import {
  DEFAULT_PAIRS as P,
  DEFAULT_PAIR_STEPS,
  PAIR_LOSSES,
  type PairLoss,
  type PairOptions,
} from '../../../kernels/contrastive-pairs';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';

const OBJECTIVE_LABELS: Record<Objective, string> = {
  ntxent: 'NT-Xent (SimCLR: 2N − 2 negatives)',
  infonce: 'InfoNCE (view 2 as keys: N − 1 negatives)',
  align: 'alignment only (no negatives)',
  simsiam: 'SimSiam (predictor + stop-gradient, no negatives)',
};

export const CONTRASTIVE_SETTINGS = defineSettings([
  {
    key: 'data',
    kind: 'choice',
    label: 'Data set',
    options: CLASS_SETS.map((k) => ({
      value: k,
      label: k === 'blobs' ? 'blobs on a circle' : 'concentric rings',
    })),
    default: D.data,
    apply: 'rebuild',
    group: 'data',
  },
  {
    key: 'classes',
    kind: 'integer',
    label: 'Classes',
    min: 2,
    max: 8,
    step: 1,
    default: D.classes,
    apply: 'rebuild',
    group: 'data',
  },
  {
    key: 'jitter',
    kind: 'number',
    label: 'Jitter σ',
    min: 0,
    max: 1,
    step: 0.05,
    default: D.jitter,
    apply: 'rebuild',
    group: 'augment',
  },
  {
    key: 'rotation',
    kind: 'number',
    label: 'Rotation (±)',
    unit: '°',
    min: 0,
    max: 180,
    step: 5,
    default: D.rotation,
    apply: 'rebuild',
    group: 'augment',
    help: 'Rotation about the origin; on rings a full turn keeps the class, on blobs it does not.',
  },
  {
    key: 'scale',
    kind: 'number',
    label: 'Scaling (±)',
    min: 0,
    max: 0.9,
    step: 0.05,
    default: D.scale,
    apply: 'rebuild',
    group: 'augment',
  },
  {
    key: 'mask',
    kind: 'number',
    label: 'Masking probability',
    min: 0,
    max: 1,
    step: 0.05,
    default: D.mask,
    apply: 'rebuild',
    group: 'augment',
    help: 'Crop-like: one coordinate of a view zeroed.',
  },
  {
    key: 'objective',
    kind: 'choice',
    label: 'Objective',
    options: OBJECTIVES.map((o) => ({ value: o, label: OBJECTIVE_LABELS[o] })),
    default: D.objective,
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'temperature',
    kind: 'number',
    label: 'Temperature τ',
    min: 0.02,
    max: 2,
    step: 0.01,
    default: D.temperature,
    apply: 'rebuild',
    group: 'train',
    help: 'Low τ puts the gradient on the hardest negatives (the plot below follows it at once).',
  },
  {
    key: 'batch',
    kind: 'choice',
    label: 'Batch (pairs)',
    options: ['8', '16', '32', '64', '128', '256'].map((b) => ({ value: b, label: b })),
    default: String(D.batch),
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'steps',
    kind: 'integer',
    label: 'Training steps',
    min: 20,
    max: 5000,
    step: 10,
    default: DEFAULT_STEPS,
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate',
    min: 0.0001,
    max: 0.03,
    step: 0.0001,
    default: D.lr,
    apply: 'rebuild',
    group: 'train',
  },
  { ...seedSetting(D.seed), group: 'train' },
  {
    key: 'pairLoss',
    kind: 'choice',
    label: 'Image–text loss',
    options: PAIR_LOSSES.map((l) => ({
      value: l,
      label: l === 'clip' ? 'CLIP (softmax, both ways)' : 'SigLIP (sigmoid per pair)',
    })),
    default: P.loss,
    apply: 'rebuild',
    group: 'pairs',
  },
  {
    key: 'pairTemperature',
    kind: 'number',
    label: 'Image–text τ',
    min: 0.02,
    max: 2,
    step: 0.01,
    default: P.temperature,
    apply: 'rebuild',
    group: 'pairs',
  },
  {
    key: 'bias',
    kind: 'number',
    label: 'SigLIP bias b',
    min: -20,
    max: 20,
    step: 0.5,
    default: P.bias,
    apply: 'rebuild',
    group: 'pairs',
    enabledWhen: (v) => v.pairLoss === 'siglip',
    help: 'Negative: most pairs are non-matches, so the logits start out saying “no”.',
  },
  {
    key: 'pairSteps',
    kind: 'integer',
    label: 'Image–text steps',
    min: 20,
    max: 5000,
    step: 10,
    default: DEFAULT_PAIR_STEPS,
    apply: 'rebuild',
    group: 'pairs',
  },
]);

export type ContrastiveSettings = SettingValues<typeof CONTRASTIVE_SETTINGS>;

/** The settings that change the points or their views: a change shows a fresh, untrained encoder. */
export const DATA_KEYS: readonly string[] = [
  'data',
  'classes',
  'jitter',
  'rotation',
  'scale',
  'mask',
  'seed',
];

/** The settings the image–text toy is built from: a change shows fresh, untrained encoders. */
export const PAIR_KEYS: readonly string[] = ['pairLoss', 'pairTemperature', 'bias', 'classes', 'seed'];

/** The values as the trainer takes them (the store has checked every choice against its options). */
export function trainerOptions(v: ContrastiveSettings): ContrastiveOptions {
  return {
    ...D,
    data: v.data as ClassSet,
    classes: v.classes,
    jitter: v.jitter,
    rotation: v.rotation,
    scale: v.scale,
    mask: v.mask,
    objective: v.objective as Objective,
    temperature: v.temperature,
    batch: Number(v.batch),
    lr: v.lr,
    seed: v.seed,
  };
}

/** The two-modality toy's options: its own loss, τ and bias; the classes and seed of the cell. */
export function pairOptions(v: ContrastiveSettings): PairOptions {
  return {
    ...P,
    loss: v.pairLoss as PairLoss,
    temperature: v.pairTemperature,
    bias: v.bias,
    classes: v.classes,
    seed: v.seed,
  };
}

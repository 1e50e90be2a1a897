// The Vision Transformer cell's settings, as one table: the image and patch grid (sample, patch size), the
// model (positions, width), training (the label: shape or quadrant, training-set size, steps, learning rate)
// and the CNN comparison. The defaults are kernels/vit-train.ts' DEFAULT_TRAINING (≥ 90% test accuracy,
// scripts/bench-vit.ts).
// No DOM: the session reads the values, <viva-settings> draws the controls, the cell writes them to links.
import { DEFAULT_TRAINING } from '../../../kernels/vit-train';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';

export const VIT_SETTINGS = defineSettings([
  {
    key: 'sample',
    kind: 'integer',
    label: 'Sample image',
    min: 0,
    max: 7,
    step: 1,
    default: 0,
    apply: 'live',
    group: 'image',
  },
  {
    key: 'patch',
    kind: 'choice',
    label: 'Patch size (pixels)',
    options: ['2', '4', '8'].map((p) => ({ value: p, label: `${p}×${p}` })),
    default: String(DEFAULT_TRAINING.patchSize),
    help: 'The 16×16 image becomes (16/p)² tokens of p·p·3 numbers each, plus the class token.',
    apply: 'rebuild',
    group: 'image',
  },
  {
    key: 'positions',
    kind: 'choice',
    label: 'Position embeddings',
    options: [
      { value: 'learned', label: 'learned' },
      { value: 'sinusoidal', label: '2-D sinusoidal (fixed)' },
    ],
    default: DEFAULT_TRAINING.positions,
    apply: 'rebuild',
    group: 'model',
  },
  {
    key: 'task',
    kind: 'choice',
    label: 'Label',
    options: [
      { value: 'shape', label: 'the shape' },
      { value: 'where', label: 'where it is (quadrant)' },
    ],
    default: DEFAULT_TRAINING.task,
    help:
      'The same images, labelled by their shape (the same wherever it lies, so position carries little) or by ' +
      'the quadrant its centre lies in. Where the label depends on position, the learned positions come to ' +
      'encode the grid: nearby patches end up with similar embeddings.',
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'trainSize',
    kind: 'integer',
    label: 'Training images',
    min: 64,
    max: 8192,
    step: 64,
    default: DEFAULT_TRAINING.trainSize,
    slowDefault: 1024,
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'steps',
    kind: 'integer',
    label: 'Training steps (batch 32)',
    min: 10,
    max: 5000,
    step: 10,
    default: DEFAULT_TRAINING.steps,
    slowDefault: 200,
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate (Adam)',
    min: 0.0001,
    max: 0.02,
    step: 0.0001,
    default: DEFAULT_TRAINING.learningRate,
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'withCnn',
    kind: 'toggle',
    label: 'Train the small CNN beside it',
    default: true,
    apply: 'rebuild',
    group: 'train',
  },
  { ...seedSetting(1), group: 'train' },
  {
    key: 'compareSteps',
    kind: 'integer',
    label: 'Steps per model and size',
    min: 10,
    max: 2000,
    step: 10,
    default: 300,
    apply: 'rebuild',
    group: 'compare',
  },
]);

export type VitSettings = SettingValues<typeof VIT_SETTINGS>;

/** The training-set sizes the comparison sweeps. */
export const COMPARE_SIZES = [256, 1024, 4096] as const;

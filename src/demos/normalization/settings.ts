// The normalization cell's settings, as one table: the grid's norm and batch-norm mode (live), the batch
// size (live: it redraws the batch-statistics cloud at once, and the next run trains at it), and the
// training run's steps, learning rate and seed. Ranges are the sliders' of before the kit, inside the
// kernels' checks (trainNormComparison: batch 2..256, steps 1..20000, lr in (0, 2]).
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';

export const NORMALIZATION_SETTINGS = defineSettings([
  {
    key: 'norm',
    kind: 'choice',
    label: 'Normalize with',
    options: [
      { value: 'batch', label: 'batch norm (per feature, over the batch)' },
      { value: 'layer', label: 'layer norm (per example, over features)' },
    ],
    default: 'batch',
    apply: 'live',
    group: 'grid',
  },
  {
    key: 'bnMode',
    kind: 'choice',
    label: 'Batch norm mode',
    options: [
      { value: 'train', label: 'train: batch statistics' },
      { value: 'eval', label: 'eval: running statistics' },
    ],
    default: 'train',
    apply: 'live',
    group: 'grid',
    enabledWhen: (v) => v['norm'] === 'batch',
  },
  {
    key: 'batch',
    kind: 'integer',
    label: 'Batch size',
    min: 2,
    max: 256,
    step: 1,
    default: 32,
    apply: 'live',
    group: 'batch',
  },
  {
    key: 'steps',
    kind: 'integer',
    label: 'Steps',
    min: 20,
    max: 2000,
    step: 10,
    default: 200,
    apply: 'rebuild',
    group: 'training',
  },
  {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate (SGD, momentum 0.9)',
    min: 0.001,
    max: 1,
    step: 0.001,
    default: 0.05,
    apply: 'rebuild',
    group: 'training',
  },
  { ...seedSetting(1), group: 'training' },
]);

export type NormalizationSettings = SettingValues<typeof NORMALIZATION_SETTINGS>;

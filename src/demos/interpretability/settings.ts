// The interpretability cell's settings (question 16), as one table: the tabular panel's data (correlation of
// x₆ with x₀, sample count) and training length, the point explained and each method's knobs (live: they
// recompute at once on the trained model), the image panel's training, and the seed. No DOM: the sessions read
// the values, <viva-settings> draws the controls, the cell writes them to links.
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';

/** Held-out points the panel can explain (the `sample` setting indexes them). */
export const TEST_POINTS = 64;
/** Held-out shapes the image panel can explain (the `image` setting indexes them). */
export const TEST_IMAGES = 32;

export const INTERPRET_SETTINGS = defineSettings([
  {
    key: 'correlation',
    kind: 'number',
    label: 'Correlation of x₆ with x₀',
    min: 0,
    max: 0.99,
    step: 0.01,
    default: 0.9,
    apply: 'rebuild',
    group: 'data',
    help: 'x₆ has no effect on y; the more it tracks x₀, the more a model may lean on it.',
  },
  {
    key: 'trainSteps',
    kind: 'integer',
    label: 'Training steps',
    min: 20,
    max: 3000,
    step: 10,
    default: 400,
    apply: 'rebuild',
    group: 'data',
    help: 'Full-batch Adam steps of the MLP on 512 points.',
  },
  {
    key: 'sample',
    kind: 'integer',
    label: 'Point explained',
    min: 0,
    max: TEST_POINTS - 1,
    step: 1,
    default: 0,
    apply: 'live',
    group: 'explain',
    help: `One of ${TEST_POINTS} held-out points.`,
  },
  {
    key: 'igSteps',
    kind: 'integer',
    label: 'Integrated-gradient steps',
    min: 1,
    max: 256,
    step: 1,
    default: 32,
    apply: 'live',
    group: 'explain',
    help: 'Midpoint Riemann sum from the baseline 0; fewer steps, a larger completeness gap.',
  },
  {
    key: 'sgSigma',
    kind: 'number',
    label: 'SmoothGrad noise σ',
    min: 0,
    max: 2,
    step: 0.05,
    default: 0.3,
    apply: 'live',
    group: 'explain',
  },
  {
    key: 'sgSamples',
    kind: 'integer',
    label: 'SmoothGrad samples',
    min: 1,
    max: 200,
    step: 1,
    default: 32,
    apply: 'live',
    group: 'explain',
  },
  {
    key: 'imageSteps',
    kind: 'integer',
    label: 'CNN training steps',
    min: 10,
    max: 2000,
    step: 10,
    default: 150,
    apply: 'rebuild',
    group: 'image',
    help: 'Adam steps (batches of 32) of the small CNN on 512 generated shapes.',
  },
  {
    key: 'image',
    kind: 'integer',
    label: 'Image explained',
    min: 0,
    max: TEST_IMAGES - 1,
    step: 1,
    default: 0,
    apply: 'live',
    group: 'image',
    help: `One of ${TEST_IMAGES} held-out shapes; its maps and the sanity check recompute at once.`,
  },
  {
    key: 'headSteps',
    kind: 'integer',
    label: 'Transformer training steps',
    min: 10,
    max: 2000,
    step: 10,
    default: 150,
    apply: 'rebuild',
    group: 'heads',
    help: 'Adam steps (batches of 64) of the tiny transformer on reversing 4 digits.',
  },
  {
    key: 'patchDigits',
    kind: 'text',
    label: 'Clean question (4 digits)',
    default: '3749',
    maxLength: 4,
    apply: 'live',
    group: 'heads',
    check: (t) => (/^[0-9]{4}$/.test(t) ? null : 'Type exactly 4 digits, e.g. 3749.'),
  },
  {
    key: 'patchAt',
    kind: 'integer',
    label: 'Digit corrupted (0–3)',
    min: 0,
    max: 3,
    step: 1,
    default: 1,
    apply: 'live',
    group: 'heads',
    help: 'The corrupted question replaces this digit d by (d + 5) mod 10.',
  },
  { ...seedSetting(1), group: 'data' },
]);

export type InterpretValues = SettingValues<typeof INTERPRET_SETTINGS>;
/** Settings that change the tabular model (a new Run retrains it). */
export const TABULAR_REBUILD_KEYS = ['correlation', 'trainSteps', 'seed'];
/** Settings that only change the explanation (recomputed at once). */
export const EXPLAIN_KEYS = ['sample', 'igSteps', 'sgSigma', 'sgSamples'];
/** Settings that only change the image maps (recomputed at once on the trained CNN). */
/** Settings that only change the patching question (recomputed at once on the trained transformer). */
export const PATCH_KEYS = ['patchDigits', 'patchAt'];
export const IMAGE_EXPLAIN_KEYS = ['image', 'igSteps', 'sgSamples'];

// The hypothesis builder's settings (question 6): the assumptions of the power calculation that turns the
// claim into a number of runs per arm (kernels/stats.ts' seedsForPower). All apply at once. The hypothesis
// text itself is not a setting (it is long, personal, and kept in the browser, not in links).
import { defineSettings, type SettingValues } from '../../ui/kit/settings';

export const POWER_SETTINGS = defineSettings([
  {
    key: 'delta',
    kind: 'number',
    label: 'Effect to detect δ',
    min: 0.01,
    max: 100,
    step: 0.01,
    default: 1.5,
    control: 'number',
    apply: 'live',
    help: 'The true difference in the metric you want to be able to see (e.g. 1.5 accuracy points).',
  },
  {
    key: 'sd',
    kind: 'number',
    label: 'Run-to-run sd',
    min: 0.01,
    max: 100,
    step: 0.01,
    default: 0.8,
    control: 'number',
    apply: 'live',
    help: 'Two-sample: the sd of one run across seeds; paired: the sd of the per-seed differences.',
  },
  {
    key: 'alpha',
    kind: 'number',
    label: 'Significance α (two-sided)',
    min: 0.001,
    max: 0.2,
    step: 0.001,
    default: 0.05,
    apply: 'live',
  },
  {
    key: 'power',
    kind: 'number',
    label: 'Power',
    min: 0.5,
    max: 0.99,
    step: 0.01,
    default: 0.8,
    apply: 'live',
    help: 'The chance of a significant result if the effect is really δ.',
  },
  {
    key: 'paired',
    kind: 'toggle',
    label: 'Paired by seed',
    default: false,
    apply: 'live',
    help: 'Each seed runs both arms (same data order); the test is on the per-seed differences.',
  },
]);

export type PowerValues = SettingValues<typeof POWER_SETTINGS>;

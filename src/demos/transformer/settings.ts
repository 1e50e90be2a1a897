// The transformer cell's settings, as one table: the task, the number of digits, the model's sizes, the
// learning rate and seed (each needs a new model: 'rebuild'), the engine (the tfjs backend a new model trains
// on), and the steps per run and the stopping rule (they apply to the next run of the same model: 'live').
// Ranges are the kernels' (task.ts: MIN_LENGTH…MAX_LENGTH digits; trainer.ts: learning rate in (0, 0.1]); the
// sizes are the choices the cell offered before the kit, all inside TRANSFORMER_LIMITS and with d_model
// divisible by every head count.
import { MAX_LENGTH, MIN_LENGTH, TASKS } from '../../../kernels/transformer/task';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';
import { ENGINE_CHOICES } from './engine';

/** Sequence accuracy at which a run stops when "Stop at …" is on. */
export const TARGET_ACCURACY = 0.99;

const choices = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));

export const TRANSFORMER_SETTINGS = defineSettings([
  {
    key: 'task',
    kind: 'choice',
    label: 'Task',
    options: choices(TASKS),
    default: 'reverse',
    apply: 'rebuild',
  },
  {
    key: 'digits',
    kind: 'integer',
    label: 'Digits',
    min: MIN_LENGTH,
    max: MAX_LENGTH,
    step: 1,
    default: 5,
    apply: 'rebuild',
  },
  {
    key: 'dModel',
    kind: 'choice',
    label: 'd_model',
    options: choices(['16', '32', '64']),
    default: '32',
    apply: 'rebuild',
  },
  {
    key: 'layers',
    kind: 'choice',
    label: 'Layers',
    options: choices(['1', '2', '3']),
    default: '2',
    apply: 'rebuild',
  },
  {
    key: 'heads',
    kind: 'choice',
    label: 'Heads',
    options: choices(['1', '2', '4']),
    default: '2',
    apply: 'rebuild',
  },
  {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate (Adam)',
    min: 0.0005,
    max: 0.1,
    step: 0.0005,
    default: 0.005,
    apply: 'rebuild',
  },
  seedSetting(1),
  {
    key: 'steps',
    kind: 'integer',
    label: 'Steps per run',
    min: 20,
    max: 5000,
    step: 20,
    default: 1000,
    slowDefault: 300,
    apply: 'live',
  },
  {
    key: 'engine',
    kind: 'choice',
    label: 'Engine (tfjs backend)',
    options: choices(ENGINE_CHOICES),
    default: 'auto',
    apply: 'rebuild',
  },
  {
    key: 'stop',
    kind: 'toggle',
    label: `Stop at ${Math.round(TARGET_ACCURACY * 100)}% accuracy`,
    default: true,
    apply: 'live',
  },
]);

export type TransformerSettingValues = SettingValues<typeof TRANSFORMER_SETTINGS>;

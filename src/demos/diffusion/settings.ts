// The diffusion cell's settings, as one table: the forward process (data set, schedule, seed, the t shown),
// training (steps, learning rate, batch, engine, and the two training views), and sampling (sampler, steps).
// Defaults are the shipped recipe (kernels/diffusion DEFAULT_TRAINING, measured by scripts/bench-diffusion.ts).
// No DOM: the session reads the values, <viva-settings> draws the controls, the cell writes them to links.
import {
  DEFAULT_TRAINING,
  SAMPLER_METHODS,
  SCHEDULE_KINDS,
  TOY_DATA_KINDS,
  type SamplerMethod,
  type ScheduleKind,
  type ToyDataKind,
} from '../../../kernels/diffusion/index';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';

/** The diffusion's number of steps. */
export const T = 1000;

const DATA_LABELS: Record<(typeof TOY_DATA_KINDS)[number], string> = {
  swissroll: 'swiss roll',
  moons: 'two moons',
  gaussians8: '8 Gaussians',
  rings: 'rings',
};

export const DIFFUSION_SETTINGS = defineSettings([
  {
    key: 'data',
    kind: 'choice',
    label: 'Data set',
    options: TOY_DATA_KINDS.map((k) => ({ value: k, label: DATA_LABELS[k] })),
    default: 'swissroll',
    apply: 'rebuild',
    group: 'forward',
  },
  {
    key: 'schedule',
    kind: 'choice',
    label: 'Noise schedule',
    options: SCHEDULE_KINDS.map((k) => ({
      value: k,
      label: k === 'linear' ? 'linear (DDPM)' : 'cosine (improved DDPM)',
    })),
    default: 'linear',
    apply: 'rebuild',
    group: 'forward',
  },
  { ...seedSetting(1), group: 'forward' },
  {
    key: 't',
    kind: 'integer',
    label: `Timestep t (0 = data, ${T} = noise)`,
    min: 0,
    max: T,
    step: 1,
    default: 250,
    apply: 'live',
    group: 'forward',
  },
  {
    key: 'steps',
    kind: 'integer',
    label: 'Training steps',
    min: 10,
    max: 20000,
    step: 10,
    default: DEFAULT_TRAINING.steps,
    slowDefault: 800,
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate (peak; cosine decay)',
    min: 0.0001,
    max: 0.03,
    step: 0.0001,
    default: DEFAULT_TRAINING.lr,
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'batch',
    kind: 'choice',
    label: 'Batch size',
    options: ['32', '64', '128', '256', '512'].map((b) => ({ value: b, label: b })),
    default: String(DEFAULT_TRAINING.batchSize),
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'engine',
    kind: 'choice',
    label: 'Engine',
    options: [
      { value: 'typed', label: 'typed arrays, in a worker' },
      { value: 'tfjs', label: 'tfjs (page backend)' },
    ],
    default: 'typed',
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'byT',
    kind: 'toggle',
    label: 'Loss at each timestep (held-out data)',
    default: false,
    apply: 'live',
    group: 'train-views',
  },
  {
    key: 'fieldT',
    kind: 'integer',
    label: 'Predicted noise at t',
    min: 1,
    max: T,
    step: 1,
    default: 100,
    apply: 'live',
    group: 'train-views',
  },
  {
    key: 'sampler',
    kind: 'choice',
    label: 'Sampler',
    options: SAMPLER_METHODS.map((m) => ({
      value: m,
      label: m === 'ddpm' ? 'DDPM (ancestral)' : 'DDIM (deterministic)',
    })),
    default: 'ddpm',
    apply: 'rebuild',
    group: 'sample',
  },
  {
    key: 'sampleSteps',
    kind: 'integer',
    label: `Sampling steps (of T = ${T})`,
    min: 1,
    max: T,
    step: 1,
    default: 100,
    apply: 'rebuild',
    group: 'sample',
  },
]);

export type DiffusionSettings = SettingValues<typeof DIFFUSION_SETTINGS>;

/** The settings that define the data and the network: changing one starts from a fresh, untrained network. */
export const DATA_KEYS: readonly string[] = ['data', 'schedule', 'seed'];

export type Engine = 'typed' | 'tfjs';

export type KernelSettings = Omit<DiffusionSettings, 'data' | 'schedule' | 'sampler' | 'engine' | 'batch'> & {
  data: ToyDataKind;
  schedule: ScheduleKind;
  sampler: SamplerMethod;
  engine: Engine;
  batch: number;
};

/** The values typed as the kernels take them (the store has checked every choice against its options). */
export function kernelSettings(v: DiffusionSettings): KernelSettings {
  return {
    ...v,
    data: v.data as ToyDataKind,
    schedule: v.schedule as ScheduleKind,
    sampler: v.sampler as SamplerMethod,
    engine: v.engine as Engine,
    batch: Number(v.batch),
  };
}

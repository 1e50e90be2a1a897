// The configurations the vanishing-gradient cell starts from: the three classic cases and one rescue.
import type { VanishingConfig } from '../../../kernels/vanishing';

/** A network's shape and initialization; the batch and seed are shared by both configurations. */
export type NetChoice = Omit<VanishingConfig, 'seed' | 'batch'>;

export interface NetPreset {
  id: string;
  label: string;
  net: NetChoice;
}

const plain = { depth: 20, width: 32, residual: false, norm: 'none' } as const;

export const NET_PRESETS: readonly NetPreset[] = [
  {
    id: 'deep-sigmoid',
    label: 'Deep sigmoid (vanishing)',
    net: { ...plain, activation: 'sigmoid', init: 'xavier' },
  },
  {
    id: 'naive',
    label: 'Naive init (exploding)',
    net: { ...plain, activation: 'relu', init: 'naive' },
  },
  {
    id: 'healthy',
    label: 'ReLU+He+residual (healthy)',
    net: { ...plain, activation: 'relu', init: 'he', residual: true },
  },
  {
    id: 'naive-bn',
    label: 'Naive + batch norm',
    net: { ...plain, activation: 'relu', init: 'naive', norm: 'batch' },
  },
];

export function presetNet(id: string): NetChoice {
  const preset = NET_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown preset ${id}; known: ${NET_PRESETS.map((p) => p.id).join(', ')}`);
  return { ...preset.net };
}

/** The preset a configuration matches exactly, if any (for the preset menu). */
export function matchingPreset(net: NetChoice): string {
  const same = (a: NetChoice, b: NetChoice) =>
    (Object.keys(a) as (keyof NetChoice)[]).every((k) => a[k] === b[k]);
  return NET_PRESETS.find((p) => same(p.net, net))?.id ?? 'custom';
}

export const DEFAULTS = {
  a: presetNet('deep-sigmoid'),
  b: presetNet('healthy'),
  batch: 32,
  seed: 1,
  lr: 0.02,
  steps: 200,
  clipOn: false,
  clip: 1,
};

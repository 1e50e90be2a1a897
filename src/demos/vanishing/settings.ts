// The vanishing-gradient cell's settings table: configurations A and B (groups 'a' and 'b', keys 'a.depth',
// 'b.depth', …: depth, width, activation, init, residual, norm), then the shared batch and seed (which shape
// both networks' data and weights) and the training's learning rate, steps and optional clipping. Every one
// of them needs new networks or takes effect on the next run ('rebuild'); the gradient plot at init is
// recomputed at once all the same. The preset menus are not settings: they patch the store. No DOM.
import { ACTIVATION_NAMES } from '../../../kernels/activations';
import type { VanishingConfig } from '../../../kernels/vanishing';
import { INIT_NAMES, LIMITS, NORM_NAMES } from '../../../kernels/vanishing-net';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';
import { DEFAULTS, NET_PRESETS, matchingPreset, presetNet, type NetChoice } from './presets';

export type Which = 'a' | 'b';

const INIT_LABELS: Record<(typeof INIT_NAMES)[number], string> = {
  naive: 'naive N(0,1)',
  xavier: 'Xavier',
  he: 'He',
};

/** One configuration's settings, keys prefixed with `a.` or `b.`. */
function netSettings<W extends Which>(which: W) {
  const d = DEFAULTS[which];
  return [
    {
      key: `${which}.depth`,
      kind: 'integer',
      label: 'Depth (weight layers)',
      min: LIMITS.depth[0],
      max: LIMITS.depth[1],
      step: 1,
      default: d.depth,
      apply: 'rebuild',
      group: which,
    },
    {
      key: `${which}.width`,
      kind: 'integer',
      label: 'Width',
      min: LIMITS.width[0],
      max: LIMITS.width[1],
      step: 1,
      default: d.width,
      apply: 'rebuild',
      group: which,
    },
    {
      key: `${which}.activation`,
      kind: 'choice',
      label: 'Activation',
      options: ACTIVATION_NAMES.map((v) => ({ value: v, label: v })),
      default: d.activation,
      apply: 'rebuild',
      group: which,
    },
    {
      key: `${which}.init`,
      kind: 'choice',
      label: 'Init',
      options: INIT_NAMES.map((v) => ({ value: v, label: INIT_LABELS[v] })),
      default: d.init,
      apply: 'rebuild',
      group: which,
    },
    {
      key: `${which}.norm`,
      kind: 'choice',
      label: 'Normalization',
      options: NORM_NAMES.map((v) => ({ value: v, label: v })),
      default: d.norm,
      apply: 'rebuild',
      group: which,
    },
    {
      key: `${which}.residual`,
      kind: 'toggle',
      label: 'Residual',
      default: d.residual,
      apply: 'rebuild',
      group: which,
    },
  ] as const;
}

export const VANISHING_SETTINGS = defineSettings([
  ...netSettings('a'),
  ...netSettings('b'),
  {
    key: 'batch',
    kind: 'integer',
    label: 'Batch (examples)',
    min: LIMITS.batch[0],
    max: LIMITS.batch[1],
    step: 1,
    default: DEFAULTS.batch,
    apply: 'rebuild',
    group: 'shared',
  },
  { ...seedSetting(DEFAULTS.seed), group: 'shared' },
  {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate',
    min: 0.001,
    max: 1,
    step: 0.001,
    default: DEFAULTS.lr,
    apply: 'rebuild',
    group: 'shared',
  },
  {
    key: 'steps',
    kind: 'integer',
    label: 'Training steps',
    min: 10,
    max: 2000,
    step: 10,
    default: DEFAULTS.steps,
    apply: 'rebuild',
    group: 'shared',
  },
  {
    key: 'clipOn',
    kind: 'toggle',
    label: 'Clip the global gradient norm',
    default: DEFAULTS.clipOn,
    apply: 'rebuild',
    group: 'shared',
  },
  {
    key: 'clip',
    kind: 'number',
    label: 'Clip threshold ‖g‖ ≤',
    min: 0.01,
    max: 100,
    step: 0.01,
    default: DEFAULTS.clip,
    apply: 'rebuild',
    group: 'shared',
    enabledWhen: (v) => v['clipOn'] === true,
  },
]);

export type VanishingValues = SettingValues<typeof VANISHING_SETTINGS>;

/** The keys whose change alters a gradient report (everything but the training's own settings). */
export const REPORT_KEYS: ReadonlySet<string> = new Set(
  VANISHING_SETTINGS.filter(
    (s) => s.group === 'a' || s.group === 'b' || s.key === 'batch' || s.key === 'seed',
  ).map((s) => s.key),
);

/** Configuration A's or B's network, read from the values. */
export function netOf(v: VanishingValues, which: Which): NetChoice {
  const r = v as unknown as Record<string, string | number | boolean>;
  return {
    depth: r[`${which}.depth`] as number,
    width: r[`${which}.width`] as number,
    activation: r[`${which}.activation`] as NetChoice['activation'],
    init: r[`${which}.init`] as NetChoice['init'],
    residual: r[`${which}.residual`] as boolean,
    norm: r[`${which}.norm`] as NetChoice['norm'],
  };
}

/** Both configurations as the kernels take them (shared batch and seed). */
export function configsOf(v: VanishingValues): [VanishingConfig, VanishingConfig] {
  const shared = { batch: v.batch, seed: v.seed };
  return [
    { ...netOf(v, 'a'), ...shared },
    { ...netOf(v, 'b'), ...shared },
  ];
}

/** The store patch that sets configuration A or B to a preset. */
export function presetPatch(which: Which, presetId: string): Record<string, string | number | boolean> {
  const net = presetNet(presetId);
  return Object.fromEntries(Object.entries(net).map(([k, val]) => [`${which}.${k}`, val]));
}

/** The preset menu's options and the one the configuration matches ('custom' when none). */
export const PRESET_OPTIONS = [
  ...NET_PRESETS.map((p) => ({ value: p.id, label: p.label })),
  { value: 'custom', label: 'custom' },
];
export const presetOf = (v: VanishingValues, which: Which): string => matchingPreset(netOf(v, which));

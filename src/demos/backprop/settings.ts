// The backprop cell's settings table: the typed expression and its variables' values (both restored by a
// link), the walkthrough's speed, and the MLP trainer's data set, network, loss, learning rate, steps per Run
// and seed. The variables' values are one text setting ("x=2,y=3") because the variables depend on the
// expression; the demo draws a slider per variable and writes them into it. No DOM: tested in Node.
import { DATASET_KINDS, type DatasetKind } from '../../../kernels/datasets2d';
import { variablesOf } from '../../autograd/gradient-check';
import { expressionToValue, type Activation, type LossKind } from '../../autograd';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';
import { MAX_WIDTH, parseLayerSizes } from './layer-sizes';
import { EXPRESSION_PRESETS, startValue, VARIABLE_RANGE } from './presets';

/** Steps Run trains the MLP for (today's default). */
export const RUN_TRAINING_STEPS = 500;
export const MAX_RUN_STEPS = 20_000;
export const MAX_EXPRESSION_LENGTH = 200;
const MAX_AT_LENGTH = 600;

/** The message when a value-dependent error (log of a negative, …) is all that is wrong at the probe point. */
const POINT_ERROR = /at this point, so it has no derivative there$/;

/**
 * Whether `expr` is an expression the core can build (syntax, known functions, constant exponents), as a
 * message, or null. Uses the core's own parser at a probe point (every variable 1) and accepts an expression
 * whose only fault there is a value with no derivative (log(x − 1) at x = 1): that depends on the variables'
 * values, which the sliders set. No symbolic work.
 */
export function checkExpression(expr: string): string | null {
  if (expr.trim() === '') return 'The expression is empty.';
  const probe: Record<string, number> = {};
  try {
    for (const name of variablesOf(expr)) probe[name] = 1;
  } catch (e) {
    return `Cannot parse "${expr}": ${e instanceof Error ? e.message : String(e)}`;
  }
  try {
    expressionToValue(expr, probe);
    return null;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return POINT_ERROR.test(message) ? null : message;
  }
}

/** Writes the variables' values as the `at` setting's text: "x=2,y=3" (every digit kept). */
export function formatAt(at: Readonly<Record<string, number>>): string {
  return Object.entries(at)
    .map(([name, v]) => `${name}=${String(v)}`)
    .join(',');
}

/** Reads the `at` setting's text back; an error names the first bad entry. */
export function parseAt(text: string): { at: Record<string, number> } | { error: string } {
  const at: Record<string, number> = {};
  const entries = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(\S+)$/.exec(entry);
    if (!m) return { error: `"${entry.slice(0, 40)}" is not name=value.` };
    const [, name, raw] = m as unknown as [string, string, string];
    const v = Number(raw);
    if (!Number.isFinite(v))
      return { error: `The value of ${name} ("${raw.slice(0, 40)}") is not a number.` };
    if (v < VARIABLE_RANGE.min || v > VARIABLE_RANGE.max)
      return { error: `${name} = ${v} is outside ${VARIABLE_RANGE.min} to ${VARIABLE_RANGE.max}.` };
    if (Object.hasOwn(at, name)) return { error: `${name} is given twice.` };
    at[name] = v;
  }
  return { at };
}

/**
 * The values for `expr`'s variables, in the expression's order: from `at` where given, else from `previous`,
 * else the variable's start value (startValue of its position). A typed expression passes neither, so none
 * of its variables inherits a value (see the demo's syncExpression).
 */
export function valuesFor(
  expr: string,
  at: Readonly<Record<string, number>>,
  previous: Readonly<Record<string, number>> = {},
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [i, name] of variablesOf(expr).entries())
    out[name] = at[name] ?? previous[name] ?? startValue(i);
  return out;
}

const FIRST = EXPRESSION_PRESETS[0]!;

export const BACKPROP_SETTINGS = defineSettings([
  {
    key: 'expr',
    kind: 'text',
    label: 'Expression',
    default: FIRST.expr,
    maxLength: MAX_EXPRESSION_LENGTH,
    check: checkExpression,
    apply: 'live',
    group: 'expression',
  },
  {
    key: 'at',
    kind: 'text',
    label: 'Variable values',
    help: 'name=value pairs, one per variable of the expression.',
    default: formatAt(FIRST.at),
    maxLength: MAX_AT_LENGTH,
    check: (text) => {
      const r = parseAt(text);
      return 'error' in r ? r.error : null;
    },
    apply: 'live',
    group: 'variables',
  },
  {
    key: 'speed',
    kind: 'number',
    label: 'Speed',
    unit: 'steps/s',
    min: 0.5,
    max: 20,
    step: 0.5,
    default: 2,
    apply: 'live',
    group: 'walkthrough',
  },
  {
    key: 'data',
    kind: 'choice',
    label: 'Data set',
    options: DATASET_KINDS.map((k) => ({ value: k, label: k })),
    default: 'moons',
    apply: 'rebuild',
    group: 'mlp',
  },
  {
    key: 'noise',
    kind: 'number',
    label: 'Noise',
    min: 0,
    max: 0.5,
    step: 0.01,
    default: 0.1,
    apply: 'rebuild',
    group: 'mlp',
  },
  { ...seedSetting(1), group: 'mlp' },
  {
    key: 'sizes',
    kind: 'text',
    label: 'Hidden layers (sizes)',
    default: '16, 16',
    maxLength: 40,
    help: `Comma-separated widths, each 1 to ${MAX_WIDTH}.`,
    check: (text) => {
      const r = parseLayerSizes(text);
      return 'error' in r ? r.error : null;
    },
    apply: 'rebuild',
    group: 'mlp',
  },
  {
    key: 'act',
    kind: 'choice',
    label: 'Activation',
    options: [
      { value: 'tanh', label: 'tanh' },
      { value: 'relu', label: 'relu' },
    ],
    default: 'tanh',
    apply: 'rebuild',
    group: 'mlp',
  },
  {
    key: 'loss',
    kind: 'choice',
    label: 'Loss',
    options: [
      { value: 'hinge', label: 'hinge' },
      { value: 'logistic', label: 'logistic' },
    ],
    default: 'hinge',
    apply: 'live',
    group: 'mlp',
  },
  {
    key: 'lr',
    kind: 'number',
    label: 'Learning rate',
    min: 0.001,
    max: 1,
    step: 0.001,
    default: 0.3,
    apply: 'live',
    group: 'mlp',
  },
  {
    key: 'steps',
    kind: 'integer',
    label: 'Steps per Run',
    help: 'Run trains a fresh network for this many full-batch steps.',
    min: 1,
    max: MAX_RUN_STEPS,
    step: 1,
    default: RUN_TRAINING_STEPS,
    control: 'number',
    apply: 'rebuild',
    group: 'mlp',
  },
]);

export type BackpropSettings = SettingValues<typeof BACKPROP_SETTINGS>;

/** The MLP trainer's part of the settings, typed for its session. */
export interface MlpSettings {
  data: DatasetKind;
  noise: number;
  seed: number;
  sizes: string;
  act: Activation;
  loss: LossKind;
  lr: number;
  steps: number;
}

export function mlpSettings(v: BackpropSettings): MlpSettings {
  return {
    data: v.data as DatasetKind,
    noise: v.noise,
    seed: v.seed,
    sizes: v.sizes,
    act: v.act as Activation,
    loss: v.loss as LossKind,
    lr: v.lr,
    steps: v.steps,
  };
}

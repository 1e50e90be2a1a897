// Settings as data: a demo declares its settings once, as a table, and everything else reads it — the
// controls (<viva-settings>), validation, reset, the link that restores the demo, run cards and the fuzz
// tests. The Playground's state.ts, done for every demo. No DOM here: tested in Node.
//
// Example:
//   const TABLE = defineSettings([
//     { key: 'depth', kind: 'integer', label: 'Depth', min: 1, max: 64, step: 1, default: 8, apply: 'rebuild' },
//     { key: 'act', kind: 'choice', label: 'Activation', options: [{ value: 'relu', label: 'ReLU' }], default: 'relu', apply: 'live' },
//     seedSetting(1),
//   ]);
//   type V = SettingValues<typeof TABLE>;   // { depth: number; act: string; seed: number }

import { readBounded } from '../controls/bounded-number';

interface SettingBase<K extends string = string> {
  key: K;
  label: string;
  /** One line shown under the control (and as its description). */
  help?: string;
  /** 'rebuild': a change needs a new model (takes effect on the next run); 'live': applies at once. */
  apply: 'rebuild' | 'live';
  /** Controls with the same group are drawn together (`<viva-settings group="…">`). */
  group?: string;
  /** When given, the control is disabled unless this holds for the current values (e.g. clip needs clipping on). */
  enabledWhen?: (values: Readonly<Record<string, SettingValue>>) => boolean;
}

export interface NumberSetting<K extends string = string> extends SettingBase<K> {
  kind: 'number' | 'integer';
  min: number;
  max: number;
  step: number;
  default: number;
  unit?: string;
  /** 'slider' (default): a slider with a number box; 'number': the box alone (seeds, large ranges). */
  control?: 'slider' | 'number';
  /** A smaller starting value for slow devices (kit/device-speed.ts); links and replays still set any value. */
  slowDefault?: number;
}

export interface ChoiceSetting<K extends string = string> extends SettingBase<K> {
  kind: 'choice';
  options: readonly { value: string; label: string }[];
  default: string;
}

export interface ToggleSetting<K extends string = string> extends SettingBase<K> {
  kind: 'toggle';
  default: boolean;
}

export interface TextSetting<K extends string = string> extends SettingBase<K> {
  kind: 'text';
  default: string;
  maxLength: number;
  /** Extra check: a message when the text is not acceptable, null when it is. */
  check?: (text: string) => string | null;
}

export type Setting<K extends string = string> =
  NumberSetting<K> | ChoiceSetting<K> | ToggleSetting<K> | TextSetting<K>;
export type SettingsTable = readonly Setting[];
export type SettingValue = number | string | boolean;

type ValueOf<S> = S extends { kind: 'toggle' }
  ? boolean
  : S extends { kind: 'choice' | 'text' }
    ? string
    : number;
/** The values a table describes, keyed by setting key. */
export type SettingValues<T extends SettingsTable> = { [S in T[number] as S['key']]: ValueOf<S> };

/** The one seed setting every demo with randomness shares. */
export const SEED_KEY = 'seed';
export const SEED_MAX = 2 ** 31 - 1;
export function seedSetting(defaultSeed = 1): NumberSetting<'seed'> {
  return {
    key: SEED_KEY,
    kind: 'integer',
    label: 'Seed',
    min: 0,
    max: SEED_MAX,
    step: 1,
    default: defaultSeed,
    control: 'number',
    help: 'Every random draw follows from it: the same seed and settings give the same run.',
    apply: 'rebuild',
  };
}

/** Checks a table once, when a demo declares it: keys unique and URL-safe, defaults valid. */
export function defineSettings<const T extends SettingsTable>(table: T): T {
  const seen = new Set<string>();
  for (const s of table) {
    if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(s.key)) throw new Error(`setting key "${s.key}" is not URL-safe`);
    if (seen.has(s.key)) throw new Error(`setting key "${s.key}" appears twice`);
    seen.add(s.key);
    const r = checkValue(s, s.default);
    if (r.message !== null || r.value !== s.default)
      throw new Error(`setting "${s.key}": its default ${String(s.default)} is not valid (${r.message})`);
    const slow = 'slowDefault' in s ? s.slowDefault : undefined;
    if (slow !== undefined && exactProblem(s, slow) !== null)
      throw new Error(`setting "${s.key}": its slowDefault ${slow} is not valid (${exactProblem(s, slow)})`);
  }
  return table;
}

export function defaults<T extends SettingsTable>(table: T): SettingValues<T> {
  const out: Record<string, SettingValue> = {};
  for (const s of table) out[s.key] = s.default;
  return out as SettingValues<T>;
}

/** The defaults a device starts from: on a slow one, each setting's `slowDefault` where it declares one. */
export function deviceDefaults<T extends SettingsTable>(table: T, slow: boolean): SettingValues<T> {
  const out = defaults(table) as Record<string, SettingValue>;
  if (slow)
    for (const s of table) if ('slowDefault' in s && s.slowDefault !== undefined) out[s.key] = s.slowDefault;
  return out as SettingValues<T>;
}

export interface Checked {
  /** The value to use; null when the input is refused (keep the previous value). */
  value: SettingValue | null;
  /** Why the value differs from what was given; null when it was taken as given. */
  message: string | null;
}

/**
 * Validates one value for a setting. Numbers typed out of range are clamped and the message says so; a
 * value off the step grid is snapped; anything that is not a value of the right kind is refused.
 */
export function checkValue(s: Setting, raw: unknown): Checked {
  switch (s.kind) {
    case 'number':
    case 'integer': {
      if (typeof raw !== 'number' && typeof raw !== 'string')
        return {
          value: null,
          message: `${String(raw)} is not a number; enter a value from ${s.min} to ${s.max}.`,
        };
      // The same reading as a slider's number box, so a link and a control say the same thing.
      return readBounded(String(raw), {
        min: s.min,
        max: s.max,
        step: s.step,
        integer: s.kind === 'integer',
      });
    }
    case 'choice': {
      const hit = s.options.find((o) => o.value === raw);
      if (hit) return { value: hit.value, message: null };
      const names = s.options.map((o) => o.value).join(', ');
      return { value: null, message: `"${String(raw).slice(0, 40)}" is not one of ${names}.` };
    }
    case 'toggle': {
      if (typeof raw === 'boolean') return { value: raw, message: null };
      if (raw === 'true' || raw === '1' || raw === 'on') return { value: true, message: null };
      if (raw === 'false' || raw === '0' || raw === 'off') return { value: false, message: null };
      return { value: null, message: `"${String(raw).slice(0, 40)}" is not on or off (use true or false).` };
    }
    case 'text': {
      if (typeof raw !== 'string') return { value: null, message: `${String(raw)} is not text.` };
      if (raw.length > s.maxLength)
        return {
          value: null,
          message: `The text is ${raw.length} characters long; at most ${s.maxLength} fit.`,
        };
      const why = s.check?.(raw) ?? null;
      return why ? { value: null, message: why } : { value: raw, message: null };
    }
  }
}

/**
 * Why a value given as a whole (in a link or a run card) cannot be taken as it is, or null when it can. Unlike a
 * control, nothing is clamped or rounded: the value is refused, and the message says what is allowed.
 */
export function exactProblem(s: Setting, raw: unknown): string | null {
  const r = checkValue(s, raw);
  if (r.value !== null && r.message === null) return null;
  if ((s.kind === 'number' || s.kind === 'integer') && r.value !== null) {
    const shown = String(raw).slice(0, 40);
    const step = s.kind === 'integer' ? Math.max(1, s.step) : s.step;
    return `${shown} is not an allowed value (${s.min} to ${s.max}${step !== 1 || s.kind === 'number' ? `, in steps of ${step}` : ', whole numbers'}).`;
  }
  return r.message;
}

/** How a value is written in a link. */
export function formatValue(v: SettingValue): string {
  return typeof v === 'boolean' ? (v ? 'true' : 'false') : String(v);
}

/** The query part of a demo's link: only the settings that differ from their defaults, in table order. */
export function toQuery<T extends SettingsTable>(table: T, values: SettingValues<T>): string {
  const params = new URLSearchParams();
  const vals = values as Record<string, SettingValue>;
  for (const s of table) if (vals[s.key] !== s.default) params.set(s.key, formatValue(vals[s.key]!));
  return params.toString();
}

export interface ParsedQuery<T extends SettingsTable> {
  /** The defaults (`base`), overridden by every valid value in the query. */
  values: SettingValues<T>;
  /** One note per ignored key or value, naming it. */
  notes: string[];
}

/**
 * Reads a link's query. Unknown keys and bad values are ignored, each with a note naming it; a value out of
 * range is ignored too (a link asks for exactly that value, so a clamped one would not be what it asked).
 */
export function fromQuery<T extends SettingsTable>(
  table: T,
  query: string,
  base: SettingValues<T> = defaults(table),
): ParsedQuery<T> {
  const values = { ...base } as Record<string, SettingValue>;
  const notes: string[] = [];
  const byKey = new Map(table.map((s) => [s.key, s]));
  for (const [key, raw] of new URLSearchParams(query)) {
    const s = byKey.get(key);
    const shownKey = key.slice(0, 40);
    if (!s) {
      notes.push(`Unknown setting "${shownKey}" in the link was ignored.`);
      continue;
    }
    const problem = exactProblem(s, raw);
    if (problem) {
      notes.push(`${s.label} (${shownKey}) in the link was ignored: ${problem}`);
      continue;
    }
    values[key] = checkValue(s, raw).value!;
  }
  return { values: values as SettingValues<T>, notes };
}

// One demo's current settings: the table's values, validated on every change, with listeners. The demo's
// session reads `values`; <viva-settings> draws and edits them; the cell writes them to the link and into run
// cards. No DOM: tested in Node.
//
// A demo holding a trained model opts in to a confirm step: `store.discards = (key) => …` says what changing
// that key would throw away (or null). A control's change goes through request(): one that would discard a
// model waits in `pending` until confirm() or cancel(); set(), links, replays and Reset are never held.
//
// Example:
//   const store = new SettingsStore(TABLE);
//   store.subscribe((c) => { if (c.keys.includes('depth')) rebuild(); });
//   store.set('depth', '300');   // → { value: 64, message: '300 is above the maximum 64; using 64.' }
import { deviceSpeed } from './device-speed';
import {
  checkValue,
  deviceDefaults,
  exactProblem,
  fromQuery,
  toQuery,
  type Checked,
  type Setting,
  type SettingValue,
  type SettingValues,
  type SettingsTable,
} from './settings';

export interface SettingsChange<T extends SettingsTable> {
  /** The keys whose value changed. */
  keys: string[];
  values: SettingValues<T>;
  /** True when any changed setting needs a rebuild (a new model); false when all apply live. */
  rebuild: boolean;
  /** What caused it: a control, reset, a link or a run card's replay. */
  source: 'control' | 'reset' | 'link' | 'replay';
}

export type SettingsListener<T extends SettingsTable> = (change: SettingsChange<T>) => void;

/** A control's change that would throw away a trained model, waiting for the user's answer. */
export interface PendingChange {
  key: string;
  raw: unknown;
  /** The setting's label. */
  label: string;
  /** What it would throw away, as the demo says it ("the network trained for 2,500 steps"). */
  discards: string;
}

export class SettingsStore<T extends SettingsTable = SettingsTable> {
  private current: SettingValues<T>;
  private readonly listeners = new Set<SettingsListener<T>>();
  private readonly pendingListeners = new Set<() => void>();
  private readonly revisions = new Map<string, number>();
  /** The demo's answer to "what would changing this key throw away?" (null: nothing); unset: never asks. */
  discards: ((key: string) => string | null) | null = null;
  /** The change waiting for confirm() or cancel(), if any. */
  pending: PendingChange | null = null;
  private readonly byKey: Map<string, Setting>;
  /** Each control's last message (a clamp, a refusal), by key; cleared when the control takes a value as given. */
  readonly messages = new Map<string, string>();

  /** What this store starts from and resets to: the table's defaults, or its slow defaults on a slow device. */
  readonly startValues: SettingValues<T>;
  /** The keys whose starting value is a slow default (empty on a normal device). */
  readonly slowKeys: readonly string[];

  /** `slow` defaults to the device's speed (kit/device-speed.ts); tests pass it. */
  constructor(
    readonly table: T,
    slow = deviceSpeed() === 'slow',
  ) {
    this.startValues = deviceDefaults(table, slow);
    const start = this.startValues as Record<string, SettingValue>;
    this.slowKeys = table.filter((s) => start[s.key] !== s.default).map((s) => s.key);
    this.current = this.startValues;
    this.byKey = new Map(table.map((s) => [s.key, s]));
  }

  get values(): SettingValues<T> {
    return this.current;
  }

  get<K extends keyof SettingValues<T>>(key: K): SettingValues<T>[K] {
    return this.current[key];
  }

  setting(key: string): Setting {
    const s = this.byKey.get(key);
    if (!s) throw new Error(`no setting "${key}" in this demo`);
    return s;
  }

  /** Validates and applies one value (a number, the text typed, a choice); returns what was taken and why. */
  set(key: string, raw: unknown, source: SettingsChange<T>['source'] = 'control'): Checked {
    const r = checkValue(this.setting(key), raw);
    if (r.message) this.messages.set(key, r.message);
    else this.messages.delete(key);
    if (r.value !== null) this.assign({ [key]: r.value }, source);
    return r;
  }

  /**
   * What a control calls: set(), unless the value would change a 'rebuild' setting whose change the demo says
   * throws away a trained model; that change waits in `pending` (returns null) for confirm() or cancel().
   */
  request(key: string, raw: unknown): Checked | null {
    const s = this.setting(key);
    const { value } = checkValue(s, raw);
    const changes = value !== null && value !== (this.current as Record<string, SettingValue>)[key];
    const lost = changes && s.apply === 'rebuild' ? (this.discards?.(key) ?? null) : null;
    // The same change asked again (a number box commits on Enter, then again as it loses the focus to the
    // confirm box's button) keeps the question open instead of redrawing it under the pointer.
    const p = this.pending;
    if (lost && p?.key === key && checkValue(s, p.raw).value === value) return null;
    if (p) this.cancel();
    if (!lost) return this.set(key, raw);
    this.pending = { key, raw, label: s.label, discards: lost };
    for (const l of [...this.pendingListeners]) l();
    return null;
  }

  /** Applies the pending change (the user agreed to lose the model). */
  confirm(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    for (const l of [...this.pendingListeners]) l();
    this.set(p.key, p.raw);
  }

  /** Drops the pending change: the value stays, and the control is drawn afresh from it (revision). */
  cancel(): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    this.revisions.set(p.key, this.revision(p.key) + 1);
    for (const l of [...this.pendingListeners]) l();
  }

  /** How many times a change of this key was cancelled (a control keyed on it is re-created each time). */
  revision(key: string): number {
    return this.revisions.get(key) ?? 0;
  }

  /** Called when a change starts or stops waiting; returns the unsubscribe. */
  onPending(listener: () => void): () => void {
    this.pendingListeners.add(listener);
    return () => this.pendingListeners.delete(listener);
  }

  /** Applies several values at once (every one validated); invalid ones are skipped and returned as messages. */
  patch(values: Partial<Record<string, unknown>>, source: SettingsChange<T>['source'] = 'control'): string[] {
    const ok: Record<string, SettingValue> = {};
    const problems: string[] = [];
    for (const [key, raw] of Object.entries(values)) {
      const s = this.byKey.get(key);
      if (!s) {
        problems.push(`Unknown setting "${key}" was ignored.`);
        continue;
      }
      const problem = exactProblem(s, raw);
      if (problem) problems.push(`${s.label} (${key}) was ignored: ${problem}`);
      else ok[key] = checkValue(s, raw).value!;
    }
    this.assign(ok, source);
    return problems;
  }

  /** Back to the starting values (the table's defaults; its slow defaults on a slow device); a pending change is dropped. */
  reset(): void {
    this.cancel();
    this.messages.clear();
    this.assign({ ...(this.startValues as Record<string, SettingValue>) }, 'reset');
  }

  /**
   * The query part of this demo's link: the settings that differ from the table's defaults, so a slow
   * default is written out and the link gives the same run on any device.
   */
  toQuery(): string {
    return toQuery(this.table, this.current);
  }

  /** Restores a link's settings (starting values for the rest); returns a note per ignored key or value. */
  applyQuery(query: string): string[] {
    const { values, notes } = fromQuery(this.table, query, this.startValues);
    this.assign(values as Record<string, SettingValue>, 'link');
    return notes;
  }

  subscribe(listener: SettingsListener<T>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private assign(values: Record<string, SettingValue>, source: SettingsChange<T>['source']): void {
    const next = { ...(this.current as Record<string, SettingValue>) };
    const keys: string[] = [];
    for (const [k, v] of Object.entries(values)) {
      if (next[k] !== v) {
        next[k] = v;
        keys.push(k);
      }
    }
    if (!keys.length) return;
    this.current = next as SettingValues<T>;
    const rebuild = keys.some((k) => this.byKey.get(k)?.apply === 'rebuild');
    for (const l of [...this.listeners]) l({ keys, values: this.current, rebuild, source });
  }
}

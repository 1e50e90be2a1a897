// The hypothesis builder's session (question 6), with no DOM: the hypothesis being typed, its critique, the
// runs per arm from the power settings (seedsForPower) with the power curve around that number, saving to
// the browser after every edit, Clear with Undo, and the Markdown export. Tested in Node with a fake storage.
import { seedsForPower, tTestPower } from '../../../kernels/stats';
import type { SettingsStore } from '../../ui/kit/settings-store';
import {
  EMPTY_HYPOTHESIS,
  EXAMPLE_HYPOTHESIS,
  MAX_FIELD,
  critique,
  toMarkdown,
  type Direction,
  type Hypothesis,
  type Note,
  type PowerLine,
  type TextField,
} from './hypothesis';
import type { POWER_SETTINGS } from './settings';
import { HypothesisStorage, type StorageStatus } from './storage';

/** Most points on the power curve (each costs a fraction of a millisecond). */
const CURVE_POINTS = 40;

export interface PowerResult extends PowerLine {
  /** Power at each n of the curve (2 … about twice the runs needed). */
  curve: { n: number[]; power: number[] };
  /** Power with one run fewer than needed (null when 2 runs already suffice). */
  powerBelow: number | null;
  powerAt: number;
}

export class HypothesisSession {
  hypothesis: Hypothesis;
  notes: Note[];
  status: StorageStatus;
  /** What Clear removed, until the next edit (for Undo). */
  cleared: Hypothesis | null = null;
  private powerCache: { key: string; result: PowerResult | { error: string } } | null = null;

  constructor(
    readonly store: SettingsStore<typeof POWER_SETTINGS>,
    readonly storage = new HypothesisStorage(),
  ) {
    const loaded = storage.load();
    this.hypothesis = loaded.hypothesis ?? { ...EMPTY_HYPOTHESIS };
    this.status = loaded.status;
    this.notes = critique(this.hypothesis);
  }

  private changed(): void {
    this.notes = critique(this.hypothesis);
    this.status = this.storage.save(this.hypothesis);
  }

  /** Critiques and saves again (Run), and computes the runs needed. */
  check(): void {
    this.changed();
    this.power();
  }

  setField(field: TextField, value: string): void {
    this.hypothesis = { ...this.hypothesis, [field]: value.slice(0, MAX_FIELD) };
    this.cleared = null;
    this.changed();
  }

  setDirection(direction: Direction): void {
    this.hypothesis = { ...this.hypothesis, direction };
    this.changed();
  }

  fillExample(): void {
    this.cleared = { ...this.hypothesis };
    this.hypothesis = { ...EXAMPLE_HYPOTHESIS };
    this.changed();
  }

  clear(): void {
    this.cleared = { ...this.hypothesis };
    this.hypothesis = { ...EMPTY_HYPOTHESIS };
    this.changed();
  }

  undoClear(): void {
    if (!this.cleared) return;
    this.hypothesis = this.cleared;
    this.cleared = null;
    this.changed();
  }

  /** Runs per arm for the current settings, with the curve; an error message when they cannot be met. */
  power(): PowerResult | { error: string } {
    const v = this.store.values;
    const key = `${v.delta}|${v.sd}|${v.alpha}|${v.power}|${v.paired}`;
    if (this.powerCache?.key === key) return this.powerCache.result;
    let result: PowerResult | { error: string };
    try {
      const base = { delta: v.delta, sd: v.sd, alpha: v.alpha, paired: v.paired };
      const runsPerArm = seedsForPower({ ...base, power: v.power });
      const top = Math.max(10, 2 * runsPerArm);
      const step = Math.max(1, Math.ceil((top - 2) / (CURVE_POINTS - 1)));
      const n: number[] = [];
      for (let k = 2; k <= top; k += step) n.push(k);
      if (!n.includes(runsPerArm)) n.push(runsPerArm);
      n.sort((a, b) => a - b);
      result = {
        runsPerArm,
        delta: v.delta,
        sd: v.sd,
        alpha: v.alpha,
        power: v.power,
        paired: v.paired,
        curve: { n, power: n.map((k) => tTestPower({ ...base, n: k })) },
        powerAt: tTestPower({ ...base, n: runsPerArm }),
        powerBelow: runsPerArm > 2 ? tTestPower({ ...base, n: runsPerArm - 1 }) : null,
      };
    } catch (e) {
      result = { error: e instanceof Error ? e.message : String(e) };
    }
    this.powerCache = { key, result };
    return result;
  }

  markdown(): string {
    const p = this.power();
    return toMarkdown(this.hypothesis, 'error' in p ? null : p);
  }

  /** Numbers for the run card. */
  summary(): { runsPerArm: number | null; openPoints: number } {
    const p = this.power();
    return { runsPerArm: 'error' in p ? null : p.runsPerArm, openPoints: this.notes.length };
  }
}

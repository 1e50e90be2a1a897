// Issue 15, bad input: every setting of every demo's settings table fed out-of-range, negative, zero, NaN,
// empty, text, a 10,000-character string, a huge number, hex, a fraction for integers and an unknown choice,
// through SettingsStore.set (what a control does) and through a link (applyQuery). Each bad value must be
// answered by a message, the store must keep a valid value (the previous one when the input is refused, the
// bound when it is clamped), and no message may quote a pasted page. The tables are found from
// src/demos/*/settings.ts, and a demo folder without a table fails the test, so a new demo is covered.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/runtime/rng';
import { checkValue, type Setting, type SettingsTable } from '../../../src/ui/kit/settings';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

const MODULES = import.meta.glob<Record<string, unknown>>('../../../src/demos/*/settings.ts', {
  eager: true,
});
const DEMOS_DIR = join(__dirname, '../../../src/demos');

/** A settings table is an exported array of objects with key, kind and apply (what defineSettings checked). */
function isTable(x: unknown): x is SettingsTable {
  return (
    Array.isArray(x) &&
    x.length > 0 &&
    x.every((s) => typeof s === 'object' && s !== null && 'key' in s && 'kind' in s && 'apply' in s)
  );
}

const TABLES: { demo: string; name: string; table: SettingsTable }[] = [];
for (const [path, mod] of Object.entries(MODULES)) {
  const demo = /demos\/([^/]+)\/settings\.ts$/.exec(path)![1]!;
  for (const [name, value] of Object.entries(mod))
    if (isTable(value)) TABLES.push({ demo, name, table: value });
}

const LONG = 'a'.repeat(10_000);
/** Messages are shown beside a control: a long paste is quoted in part. */
const MAX_MESSAGE_CHARS = 300;

/** The bad values for one setting, each with what must happen: 'refuse' (keep the previous value) or a clamp. */
function badValues(s: Setting): { raw: unknown; expect: 'refuse' | 'min' | 'max' | 'snap' | 'any' }[] {
  switch (s.kind) {
    case 'number':
    case 'integer': {
      const span = s.max - s.min;
      const out: { raw: unknown; expect: 'refuse' | 'min' | 'max' | 'snap' | 'any' }[] = [
        { raw: String(s.max + Math.max(span, 1)), expect: 'max' },
        { raw: s.max + Math.max(s.step, 1), expect: 'max' },
        { raw: String(s.min - Math.max(span, 1)), expect: 'min' },
        { raw: s.min - Math.max(s.step, 1), expect: 'min' },
        { raw: '-1', expect: s.min > -1 ? 'min' : 'any' },
        { raw: '0', expect: s.min > 0 ? 'min' : 'any' },
        { raw: 'NaN', expect: 'refuse' },
        { raw: NaN, expect: 'refuse' },
        { raw: '', expect: 'refuse' },
        { raw: '   ', expect: 'refuse' },
        { raw: 'abc', expect: 'refuse' },
        { raw: LONG, expect: 'refuse' },
        { raw: '1e308', expect: s.max < 1e308 ? 'max' : 'any' },
        { raw: '-1e308', expect: s.min > -1e308 ? 'min' : 'any' },
        { raw: '1e999', expect: 'refuse' },
        { raw: 'Infinity', expect: 'refuse' },
        { raw: '0x10', expect: 'refuse' },
        { raw: '0b11', expect: 'refuse' },
        { raw: '1,5', expect: 'refuse' },
        { raw: '12px', expect: 'refuse' },
        { raw: null, expect: 'refuse' },
        { raw: {}, expect: 'refuse' },
        { raw: true, expect: 'refuse' },
      ];
      if (s.kind === 'integer')
        out.push({ raw: '2.5', expect: s.min <= 2.5 && s.max >= 2.5 ? 'snap' : 'any' });
      return out;
    }
    case 'choice':
      return ['', 'abc', LONG, 'NaN', '0', '-1', '1e308', '__proto__', 'constructor', null, 3].map((raw) => ({
        raw,
        expect: s.options.some((o) => o.value === raw) ? 'any' : 'refuse',
      }));
    case 'toggle':
      return ['', 'abc', LONG, 'NaN', '2', '-1', '1e308', 'yes', null, 7].map((raw) => ({
        raw,
        expect: 'refuse',
      }));
    case 'text':
      // Empty and short text may be legitimate for a text box; a string over maxLength never is.
      return [
        { raw: 'a'.repeat(s.maxLength + 1), expect: 'refuse' },
        { raw: LONG.length > s.maxLength ? LONG : 'a'.repeat(s.maxLength + 1), expect: 'refuse' },
        { raw: '', expect: 'any' },
        { raw: '<img src=x onerror=alert(1)>', expect: 'any' },
        { raw: '\u0000\u202e\ud83d\ude00', expect: 'any' },
        { raw: 42, expect: 'refuse' },
        { raw: null, expect: 'refuse' },
      ];
  }
}

/** A valid, preferably non-default value to start from, so "the previous value kept" means something. */
function otherValid(s: Setting, rand: () => number): unknown {
  switch (s.kind) {
    case 'number':
    case 'integer':
      return checkValue(s, String(s.min + rand() * (s.max - s.min))).value;
    case 'choice':
      return s.options[Math.floor(rand() * s.options.length)]!.value;
    case 'toggle':
      return !s.default;
    case 'text':
      return s.default;
  }
}

function expectValid(s: Setting, v: unknown): void {
  const again = checkValue(s, v);
  expect(again.message, `${s.key} holds an invalid value ${String(v)}`).toBeNull();
  expect(again.value).toBe(v);
}

describe('settings fuzz (issue 15)', () => {
  it('finds a settings table in every demo folder', () => {
    const folders = readdirSync(DEMOS_DIR).filter((f) => statSync(join(DEMOS_DIR, f)).isDirectory());
    const covered = new Set(TABLES.map((t) => t.demo));
    expect(folders.length).toBeGreaterThanOrEqual(15);
    for (const f of folders)
      expect(covered.has(f), `src/demos/${f} has no settings table in settings.ts`).toBe(true);
  });

  it('answers every bad value of every setting with a message and keeps a valid value', () => {
    const rand = createRng(15).uniform;
    let tried = 0;
    for (const { demo, name, table } of TABLES) {
      const store = new SettingsStore(table);
      for (const s of table) {
        for (const { raw, expect: want } of badValues(s)) {
          const where = `${demo}.${name}.${s.key} ← ${JSON.stringify(raw)?.slice(0, 30)}`;
          store.set(s.key, otherValid(s, rand));
          const before = store.get(s.key as never) as unknown;
          let events = 0;
          const off = store.subscribe(() => events++);
          const r = store.set(s.key, raw);
          off();
          tried++;
          const after = store.get(s.key as never) as unknown;
          expectValid(s, after);
          if (r.message !== null) {
            expect(r.message.length, where).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
            expect(store.messages.get(s.key), where).toBe(r.message);
          }
          if (want === 'refuse') {
            expect(r.value, where).toBeNull();
            expect(r.message, where).toBeTruthy();
            expect(after, where).toBe(before);
            expect(events, where).toBe(0);
          } else if (want === 'min' || want === 'max') {
            expect(r.message, where).toBeTruthy();
            expect(after, where).toBe(
              want === 'min' ? (s as { min: number }).min : (s as { max: number }).max,
            );
          } else if (want === 'snap') {
            expect(r.message, where).toBeTruthy();
            expect(Number.isInteger(after), where).toBe(true);
          } else if (r.value === null) {
            expect(r.message, where).toBeTruthy();
            expect(after, where).toBe(before);
          }
        }
      }
    }
    // The count tried is quoted in the README ("Bad input and faults").
    console.info(`settings fuzz: ${tried} bad values over ${TABLES.length} tables`);
    expect(tried).toBeGreaterThan(1000);
  });

  it('ignores every bad value in a link, naming it, and keeps the defaults', () => {
    let tried = 0;
    for (const { demo, table } of TABLES) {
      const store = new SettingsStore(table);
      for (const s of table) {
        for (const { raw } of badValues(s)) {
          if (typeof raw !== 'string' && typeof raw !== 'number') continue;
          const q = new URLSearchParams({ [s.key]: String(raw) }).toString();
          store.reset();
          const notes = store.applyQuery(q);
          tried++;
          const after = store.get(s.key as never) as unknown;
          expectValid(s, after);
          if (notes.length) {
            expect(after, `${demo}.${s.key}`).toBe(s.default);
            for (const n of notes) expect(n.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
          } else {
            expect(checkValue(s, String(raw)).message, `${demo}.${s.key} took ${q.slice(0, 40)}`).toBeNull();
          }
        }
      }
      store.reset();
      expect(store.applyQuery('no_such_setting=1&__proto__=2')).toHaveLength(2);
    }
    console.info(`settings fuzz: ${tried} bad link values`);
    expect(tried).toBeGreaterThan(500);
  });
});

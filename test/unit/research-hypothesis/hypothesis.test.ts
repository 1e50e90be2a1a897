// The hypothesis builder without a browser: the critique rules on hand-written hypotheses, untrusted stored
// text read safely, the Markdown export, saving through a storage that refuses (the text is kept and a
// message says so), and the runs per arm against the noncentral-t figures quoted from scipy 1.17.
import { describe, expect, it } from 'vitest';
import {
  EMPTY_HYPOTHESIS,
  EXAMPLE_HYPOTHESIS,
  MAX_FIELD,
  critique,
  readStored,
  toMarkdown,
} from '../../../src/demos/research-hypothesis/hypothesis';
import { HypothesisSession } from '../../../src/demos/research-hypothesis/session';
import { POWER_SETTINGS } from '../../../src/demos/research-hypothesis/settings';
import { HypothesisStorage } from '../../../src/demos/research-hypothesis/storage';
import { SettingsStore } from '../../../src/ui/kit/settings-store';

/** An in-memory Storage; `refuse` makes every write throw (as a full or blocked storage does). */
function memoryStorage(refuse = false): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => {
      if (refuse) throw new DOMException('quota exceeded', 'QuotaExceededError');
      m.set(k, v);
    },
  };
}

describe('critique', () => {
  it('names every missing field of an empty hypothesis', () => {
    const fields = critique(EMPTY_HYPOTHESIS).map((n) => n.field);
    expect(fields).toEqual(['gap', 'metric', 'claimSize', 'baselines', 'controls', 'budget', 'changeMind']);
  });
  it('passes the worked example', () => {
    expect(critique(EXAMPLE_HYPOTHESIS)).toEqual([]);
  });
  it('flags a claim with no number, controls without the obvious confound, and no seeds', () => {
    const h = {
      ...EXAMPLE_HYPOTHESIS,
      claimSize: 'a lot',
      controls: 'same data',
      budget: 'one week of 8 GPUs',
    };
    const notes = critique(h);
    expect(notes.find((n) => n.field === 'claimSize')?.message).toMatch(/No number/);
    expect(
      notes
        .filter((n) => n.field === 'controls')
        .map((n) => n.message)
        .join(' '),
    ).toMatch(/seeds/);
    const noConfound = critique({ ...EXAMPLE_HYPOTHESIS, controls: 'three seeds per arm' });
    expect(noConfound.map((n) => n.message).join(' ')).toMatch(/obvious confound/);
  });
});

describe('stored text', () => {
  it('keeps only known string fields, clipped, and refuses what is not an object', () => {
    expect(readStored('not json')).toBeNull();
    expect(readStored('[1, 2]')).toBeNull();
    const h = readStored(
      JSON.stringify({ gap: 'x'.repeat(MAX_FIELD + 50), metric: 7, direction: 'sideways', extra: '<b>' }),
    )!;
    expect(h.gap).toHaveLength(MAX_FIELD);
    expect(h.metric).toBe('');
    expect(h.direction).toBe('increase');
    expect('extra' in h).toBe(false);
  });
  it('exports Markdown with every section, the runs line and the open points', () => {
    const md = toMarkdown(
      { ...EXAMPLE_HYPOTHESIS, changeMind: '' },
      {
        runsPerArm: 6,
        delta: 1.5,
        sd: 0.8,
        alpha: 0.05,
        power: 0.8,
        paired: false,
      },
    );
    for (const h of [
      '## Gap',
      '## Claim',
      '## Baselines',
      '## Controls',
      '## Compute budget',
      '## Runs needed',
    ])
      expect(md).toContain(h);
    expect(md).toContain(
      '6 runs per arm (two-sample t-test, two-sided): δ = 1.5, sd = 0.8, α = 0.05, power 0.8.',
    );
    expect(md).toContain(`- Size: ${EXAMPLE_HYPOTHESIS.claimSize}`);
    expect(md).toMatch(/## Open points\n- changeMind: /);
  });
});

describe('HypothesisSession', () => {
  it('saves as you type and restores in a new session', () => {
    const storage = memoryStorage();
    const a = new HypothesisSession(new SettingsStore(POWER_SETTINGS), new HypothesisStorage(() => storage));
    a.setField('gap', 'Nobody knows why <script>x</script> works');
    expect(a.status.ok).toBe(true);
    const b = new HypothesisSession(new SettingsStore(POWER_SETTINGS), new HypothesisStorage(() => storage));
    expect(b.hypothesis.gap).toBe('Nobody knows why <script>x</script> works');
    expect(b.status.message).toMatch(/Restored/);
  });
  it('keeps what was typed and says so when the browser refuses to save', () => {
    const s = new HypothesisSession(
      new SettingsStore(POWER_SETTINGS),
      new HypothesisStorage(() => memoryStorage(true)),
    );
    s.setField('metric', 'accuracy');
    expect(s.status.ok).toBe(false);
    expect(s.status.message).toMatch(/would not save/);
    expect(s.hypothesis.metric).toBe('accuracy');
    const none = new HypothesisSession(new SettingsStore(POWER_SETTINGS), new HypothesisStorage(() => null));
    expect(none.status.ok).toBe(false);
  });
  it('Clear can be undone', () => {
    const s = new HypothesisSession(
      new SettingsStore(POWER_SETTINGS),
      new HypothesisStorage(() => memoryStorage()),
    );
    s.fillExample();
    s.clear();
    expect(s.hypothesis.gap).toBe('');
    s.undoClear();
    expect(s.hypothesis).toEqual(EXAMPLE_HYPOTHESIS);
  });
  it('gives the runs per arm from the settings: 6 two-sample and 5 paired for δ = 1.5, sd = 0.8', () => {
    const store = new SettingsStore(POWER_SETTINGS);
    const s = new HypothesisSession(store, new HypothesisStorage(() => memoryStorage()));
    const p = s.power();
    if ('error' in p) throw new Error(p.error);
    // scipy 1.17 (nct): two-sample power at n = 5 is 0.7381709, at n = 6 0.8325694
    expect(p.runsPerArm).toBe(6);
    expect(p.powerBelow).toBeCloseTo(0.7381709, 6);
    expect(p.powerAt).toBeCloseTo(0.8325694, 6);
    expect(p.curve.n).toContain(6);
    expect(p.curve.power.every((x, i) => i === 0 || x >= p.curve.power[i - 1]!)).toBe(true);
    store.set('paired', true);
    expect(s.power()).toMatchObject({ runsPerArm: 5, paired: true });
    store.patch({ paired: false, delta: 0.01, sd: 100 });
    expect(s.power()).toEqual({ error: expect.stringMatching(/more than 10⁸ runs/) });
  });
});

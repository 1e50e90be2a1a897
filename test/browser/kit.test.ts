// The kit in a real browser: <viva-settings> draws a table and writes through its store; a cell hosting a
// kit demo restores settings from a link (naming what it ignored), writes the link with replaceState, and
// records a run card for each run that ends, whose Replay loads the card's settings and runs again.
import { afterEach, describe, expect, it } from 'vitest';
import { registerDemo } from '../../src/ui/demo-catalog';
import type { RunContext } from '../../src/ui/demo-contract';
import type { Question } from '../../src/notebook/question';
import { defineSettings, seedSetting } from '../../src/ui/kit/settings';
import { SettingsStore } from '../../src/ui/kit/settings-store';
import '../../src/ui/kit/settings-element';
import type { VivaSettings } from '../../src/ui/kit/settings-element';
import '../../src/ui/cell';
import type { VivaCell } from '../../src/ui/cell';

const TABLE = defineSettings([
  {
    key: 'steps',
    kind: 'integer',
    label: 'Steps',
    min: 1,
    max: 100,
    step: 1,
    default: 10,
    apply: 'rebuild',
    group: 'train',
  },
  {
    key: 'rate',
    kind: 'number',
    label: 'Rate',
    min: 0,
    max: 1,
    step: 0.1,
    default: 0.5,
    apply: 'live',
    group: 'train',
  },
  {
    key: 'mode',
    kind: 'choice',
    label: 'Mode',
    options: [
      { value: 'fast', label: 'Fast' },
      { value: 'slow', label: 'Slow' },
    ],
    default: 'fast',
    apply: 'live',
  },
  { key: 'on', kind: 'toggle', label: 'Enabled', default: false, apply: 'live' },
  seedSetting(3),
]);

/** A demo on the kit whose "metric" is a deterministic function of its settings. */
class KitDemo extends HTMLElement {
  readonly settingsStore = new SettingsStore(TABLE);
  private last = 0;
  runs = 0;
  async run(_ctx: RunContext): Promise<void> {
    const { steps, rate, seed } = this.settingsStore.values;
    this.runs++;
    this.last = steps * rate + seed / 1000;
  }
  reset(): void {}
  metrics() {
    return { result: this.last, steps: this.settingsStore.values.steps };
  }
}
customElements.define('viva-demo-kit-toy', KitDemo);
registerDemo('kit-toy', { load: async () => undefined, summary: 'a toy', runs: 'Run counts.' });

const question: Question = {
  id: 'toy-kit',
  number: 98,
  title: 'A kit question?',
  section: 'Advanced topics',
  rarity: 'Common',
  difficulty: 'Easy',
  demo: 'kit-toy',
  answerWords: 150,
  html: {
    answer: '<p>An answer.</p>',
    keyPoints: '',
    formulas: '',
    pitfalls: '',
    followUps: '',
    outline: '',
  },
};

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname + location.search);
});

async function settle(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => setTimeout(r, 0));
}

describe('<viva-settings>', () => {
  it('draws one control per setting of the group, labelled from the table, and writes through the store', async () => {
    const store = new SettingsStore(TABLE);
    const el = document.createElement('viva-settings') as VivaSettings;
    el.store = store;
    el.group = 'train';
    document.body.append(el);
    await settle(el);
    const keys = [...el.shadowRoot!.querySelectorAll('[data-key]')].map((d) => d.getAttribute('data-key'));
    expect(keys).toEqual(['steps', 'rate']);
    const slider = el.shadowRoot!.querySelector('[data-key=steps] viva-slider')!;
    await (slider as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const box = slider.shadowRoot!.querySelector('input.number') as HTMLInputElement;
    expect(slider.shadowRoot!.querySelector('label')!.textContent).toBe('Steps');
    box.value = '250';
    box.dispatchEvent(new Event('change'));
    await settle(el);
    expect(store.get('steps')).toBe(100);
    expect(slider.shadowRoot!.querySelector('.message')!.textContent).toContain('above the maximum 100');
    store.set('steps', 42); // a change from elsewhere (a link, a replay) redraws the control
    await settle(el);
    expect(box.value).toBe('42');
  });

  it('draws the seed as a number box whose refusal is shown beside it', async () => {
    const store = new SettingsStore(TABLE);
    const el = document.createElement('viva-settings') as VivaSettings;
    el.store = store;
    el.keys = ['seed'];
    document.body.append(el);
    await settle(el);
    const input = el.shadowRoot!.querySelector('input.number') as HTMLInputElement;
    expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).toBe('Seed');
    input.value = 'twelve';
    input.dispatchEvent(new Event('change'));
    await settle(el);
    expect(store.get('seed')).toBe(3);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(el.shadowRoot!.querySelector('.message')!.textContent).toContain('"twelve" is not a number');
  });
});

describe('a cell hosting a kit demo', () => {
  async function mount(): Promise<VivaCell> {
    const cell = document.createElement('viva-cell') as VivaCell;
    cell.question = question;
    document.body.append(cell);
    await cell.updateComplete;
    return cell;
  }

  it('restores settings from a link, names what it ignored, and writes changes with replaceState', async () => {
    const cell = await mount();
    const before = history.length;
    await cell.openLink('steps=20&seed=9&bogus=1&mode=warp');
    await settle(cell);
    const demo = cell.querySelector('viva-demo-kit-toy') as KitDemo;
    expect(demo.settingsStore.values).toMatchObject({ steps: 20, seed: 9, mode: 'fast' });
    const note = cell.querySelector('.link-note')!.textContent!;
    expect(note).toContain('Unknown setting "bogus"');
    expect(note).toContain('Mode (mode) in the link was ignored');
    demo.settingsStore.set('rate', 0.3);
    demo.settingsStore.set('rate', 0.4);
    // Written a moment after the last change (not on every slider move), without a history entry.
    await new Promise((r) => setTimeout(r, 400));
    expect(location.hash).toBe('#toy-kit?steps=20&rate=0.4&seed=9');
    expect(history.length).toBe(before);
    expect(cell.querySelector('button.copy-link')).not.toBeNull();
  });

  it('records a run card per finished run; Replay loads its settings and reproduces its metrics', async () => {
    const cell = await mount();
    await cell.openLink('steps=7&rate=0.2');
    await cell.run();
    await settle(cell);
    const demo = cell.querySelector('viva-demo-kit-toy') as KitDemo;
    const cards = cell.querySelector('viva-run-cards')!;
    await settle(cards as unknown as VivaCell);
    expect(cards.shadowRoot!.querySelectorAll('li').length).toBe(1);
    const first = (
      cell as unknown as { cards: { settings: object; metrics: { result: number }; outcome: string }[] }
    ).cards[0]!;
    expect(first.outcome).toBe('done');
    expect(first.settings).toMatchObject({ steps: 7, rate: 0.2, seed: 3 });
    expect(first.metrics.result).toBe(7 * 0.2 + 0.003);
    demo.settingsStore.set('steps', 50);
    (cards.shadowRoot!.querySelector('li button.replay') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 50));
    await settle(cell);
    expect(demo.settingsStore.get('steps')).toBe(7);
    expect(demo.runs).toBe(2);
    const latest = (cell as unknown as { cards: { metrics: { result: number } }[] }).cards;
    expect(latest.length).toBe(2);
    expect(latest[0]!.metrics.result).toBe(first.metrics.result);
  });
});

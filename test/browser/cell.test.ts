// <viva-cell> with a scripted demo: Run → running → done; Stop → stopped; a failing demo → error shown.
import { afterEach, describe, expect, it } from 'vitest';
import { registerDemo } from '../../src/ui/demo-catalog';
import type { RunContext } from '../../src/ui/demo-contract';
import { abortError } from '../../src/runtime/abort';
import type { Question } from '../../src/notebook/question';
import '../../src/ui/cell';
import type { VivaCell } from '../../src/ui/cell';

/** A demo whose run() waits until `release` is called (or the run is aborted), or throws when told to. */
class ScriptedDemo extends HTMLElement {
  static fail = false;
  static release: (() => void) | null = null;
  resets = 0;
  async run(ctx: RunContext): Promise<void> {
    ctx.progress(0.5, 'halfway');
    if (ScriptedDemo.fail) throw new Error('loss became NaN at step 3');
    await new Promise<void>((resolve, reject) => {
      ScriptedDemo.release = resolve;
      ctx.signal.addEventListener('abort', () => reject(abortError()));
    });
  }
  reset(): void {
    this.resets++;
  }
}
customElements.define('viva-demo-scripted', ScriptedDemo);
registerDemo('scripted', { load: async () => undefined, summary: '', runs: 'Run runs the script.' });

const question: Question = {
  id: 'toy',
  number: 99,
  title: 'A toy question?',
  section: 'Advanced topics',
  rarity: 'Common',
  difficulty: 'Easy',
  demo: 'scripted',
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

afterEach(() => document.body.replaceChildren());

async function mountCell(q: Question = question): Promise<VivaCell> {
  const cell = document.createElement('viva-cell') as VivaCell;
  cell.question = q;
  document.body.append(cell);
  await cell.updateComplete;
  return cell;
}

const stateOf = (cell: VivaCell) => cell.querySelector('[data-run-state]')!.getAttribute('data-run-state');
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('<viva-cell>', () => {
  it('renders the header, badges and explanation; a cell without a built demo has no demo panel', async () => {
    const cell = await mountCell({ ...question, demo: null });
    expect(cell.querySelector('h2')!.textContent).toBe('A toy question?');
    expect([...cell.querySelectorAll('.badge')].map((b) => b.textContent)).toEqual([
      'Advanced topics',
      'Common',
      'Easy',
    ]);
    expect(cell.querySelector('.answer p')!.textContent).toBe('An answer.');
    expect(cell.querySelector('.demo-panel')).toBeNull();
    expect(cell.id).toBe('toy');
  });

  it('goes idle → running → done, showing progress while running', async () => {
    ScriptedDemo.fail = false;
    const cell = await mountCell();
    expect(stateOf(cell)).toBe('idle');
    const run = cell.run();
    await tick();
    await cell.updateComplete;
    expect(stateOf(cell)).toBe('running');
    expect(cell.querySelector('viva-progress')).not.toBeNull();
    expect(cell.querySelector('.demo-host viva-demo-scripted')).not.toBeNull();
    ScriptedDemo.release!();
    await run;
    await cell.updateComplete;
    expect(stateOf(cell)).toBe('done');
    expect(cell.querySelector('.status-line[aria-live]')!.textContent).toMatch(/^done after \d+\.\d\d s/);
  });

  it('stops on Stop and shows "stopped"; Reset returns to idle and resets the demo', async () => {
    ScriptedDemo.fail = false;
    const cell = await mountCell();
    const run = cell.run();
    await tick();
    await cell.updateComplete;
    (cell.querySelector('button.stop') as HTMLButtonElement).click();
    await run;
    await cell.updateComplete;
    expect(stateOf(cell)).toBe('stopped');
    (cell.querySelector('button.reset') as HTMLButtonElement).click();
    await cell.updateComplete;
    expect(stateOf(cell)).toBe('idle');
    expect((cell.querySelector('viva-demo-scripted') as ScriptedDemo).resets).toBe(1);
  });

  it('shows a failing run as an error with its message, without throwing', async () => {
    ScriptedDemo.fail = true;
    const cell = await mountCell();
    await cell.run();
    await cell.updateComplete;
    expect(stateOf(cell)).toBe('error');
    const box = cell.querySelector('viva-error')!;
    await (box as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    expect(box.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('loss became NaN at step 3');
  });
});

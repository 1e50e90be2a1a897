// The grid world's view: pure functions from the grid session (and what the element says is running) to a
// Lit template — the grid of cell buttons coloured by max Q with the greedy arrows, the paint select, the
// settings, Step / Play / Train / Reset table, the written-out Bellman update and the summary line.
import { html, nothing, type TemplateResult } from 'lit';
import type { CellKind } from '../../../kernels/rl/grid-world';
import '../../ui/controls/select';
import '../../ui/kit/settings-element';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { actionArrow, bellmanText, cellName, fmt } from './bellman-text';
import type { GreedyPath, GridSession } from './grid-session';
import { GRID_REWARDS } from './presets';

export const PAINTS: { value: CellKind; label: string }[] = [
  { value: 'wall', label: 'wall' },
  { value: 'pit', label: 'pit' },
  { value: 'goal', label: 'goal' },
  { value: 'start', label: 'start' },
];

export const GRID_TRAIN_EPISODES = 100;

const GLYPH: Partial<Record<CellKind, string>> = { pit: '✕', goal: '★' };

/** Background for a value in [−scale, scale]: red below 0, blue above, the surface colour at 0. */
export function valueColour(v: number, scale: number): string {
  const t = Math.max(-1, Math.min(1, v / scale));
  const pct = Math.round(Math.abs(t) * 70);
  return `color-mix(in srgb, ${t < 0 ? '#b2182b' : '#2166ac'} ${pct}%, var(--surface, #fff))`;
}

export interface GridViewInput {
  session: GridSession;
  store: SettingsStore;
  paint: CellKind;
  /** Play is running (the button reads Pause). */
  playing: boolean;
  /** Some long work is running (Step and Train are disabled while the grid plays or trains). */
  busy: boolean;
  error: string;
  onCell(r: number, c: number): void;
  onPaint(kind: CellKind): void;
  onStep(): void;
  onPlay(): void;
  onTrain(): void;
  onClear(): void;
}

function gridCells(v: GridViewInput, path: GreedyPath): TemplateResult {
  const { world, learner } = v.session;
  const { rows, cols } = world;
  const scale = Math.max(GRID_REWARDS.goalReward, -GRID_REWARDS.pitReward);
  const cells: TemplateResult[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const s = r * cols + c;
      const kind = world.kind(s);
      const active = world.isActive(s);
      const maxQ = learner.maxQ(s);
      const decided = active && !learner.undecided(s);
      const arrow = decided ? actionArrow(learner.greedyAction(s)) : '';
      const agent = s === world.state && active;
      const label = `${cellName(s, cols)} ${kind}${active ? `, max Q ${fmt(maxQ)}${arrow ? `, greedy ${arrow}` : ''}` : ''}${agent ? ', agent here' : ''}`;
      cells.push(
        html`<button
          class="cell ${kind} ${agent ? 'agent' : ''} ${path.cells.has(s) && active ? 'path' : ''}"
          data-row=${r}
          data-col=${c}
          data-kind=${kind}
          style=${active ? `background:${valueColour(maxQ, scale)}` : ''}
          aria-label=${label}
          title=${label}
          @click=${() => v.onCell(r, c)}
        >
          ${GLYPH[kind] ? html`<span class="glyph">${GLYPH[kind]}</span>` : nothing}
          ${active ? html`<span class="arrow">${arrow}</span><span class="q">${decided ? fmt(maxQ, 2) : ''}</span>` : nothing}
        </button>`,
      );
    }
  }
  return html`<div
    class="grid"
    role="group"
    aria-label="Grid world"
    style="grid-template-columns: repeat(${cols}, minmax(0, 2.4rem))"
  >
    ${cells}
  </div>`;
}

export function gridView(v: GridViewInput): TemplateResult {
  const path = v.session.greedyPath();
  const last = v.session.last;
  const text = last ? bellmanText(last.transition, last.update, v.session.world.cols) : null;
  const returns = v.session.learner.returns;
  const lastReturn = returns[returns.length - 1];
  const unreachable = v.session.unreachable();
  return html`
    <div class="layout">
      <div>
        ${gridCells(v, path)}
        <div class="legend">
          colour: max Q (red &lt; 0 &lt; blue) · arrow: greedy action · ★ goal · ✕ pit · ◯ agent
        </div>
      </div>
      <div class="side">
        <viva-select
          label="Click paints"
          .options=${PAINTS}
          .value=${v.paint}
          @change=${(e: CustomEvent<string>) => v.onPaint(e.detail as CellKind)}
        ></viva-select>
        <viva-settings class="layout-settings" .store=${v.store} group="layout"></viva-settings>
        <viva-settings class="grid-settings" .store=${v.store} group="grid"></viva-settings>
        ${unreachable ? html`<div class="unreachable" role="status">${unreachable}</div>` : nothing}
        <div class="row" role="toolbar" aria-label="Tabular Q-learning">
          <button class="step" ?disabled=${v.busy} @click=${v.onStep}>Step</button>
          <button class="play" ?disabled=${(v.busy && !v.playing) || Boolean(unreachable)} @click=${v.onPlay}>
            ${v.playing ? 'Pause' : 'Play'}
          </button>
          <button class="train-grid" ?disabled=${v.busy || Boolean(unreachable)} @click=${v.onTrain}>
            Train ${GRID_TRAIN_EPISODES} episodes
          </button>
          <button class="clear" @click=${v.onClear}>Reset table</button>
        </div>
        <div class="bellman" aria-live="off">
          ${
            text
              ? html`<div class="rule">${text.rule}</div>
                  <div class="numbers">${text.numbers}</div>`
              : html`<span class="stats">Step to see one Bellman update with its numbers.</span>`
          }
        </div>
        <div class="stats">
          episodes <span class="episodes">${returns.length}</span> · last return
          ${lastReturn === undefined ? '—' : fmt(lastReturn, 2)} ·
          <span class="path-summary" data-reaches=${path.reaches ? 'yes' : 'no'}>${path.text}</span>
        </div>
        <div class="error" role="alert">${v.error}</div>
      </div>
    </div>
  `;
}

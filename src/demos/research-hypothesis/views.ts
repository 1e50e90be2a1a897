// The hypothesis builder's views (question 6): the form (each field with its label and its critique, tied by
// aria-describedby), and the power calculation's result with its assumptions. User text goes only through
// Lit's escaped bindings (value and text), never into HTML.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LineTrace, PlotAxes } from '../../ui/plot-spec';
import {
  DIRECTIONS,
  MAX_FIELD,
  claimedEffect,
  type Direction,
  type Hypothesis,
  type Note,
  type TextField,
} from './hypothesis';
import type { PowerResult } from './session';

interface FieldSpec {
  field: TextField;
  label: string;
  placeholder: string;
  multiline: boolean;
}

const GAP: FieldSpec = {
  field: 'gap',
  label: 'The gap',
  placeholder: 'What is unknown or not working, and why it matters',
  multiline: true,
};
const CLAIM: FieldSpec[] = [
  { field: 'metric', label: 'Metric', placeholder: 'e.g. top-1 test accuracy on …', multiline: false },
  { field: 'claimSize', label: 'By how much', placeholder: 'e.g. 2 points', multiline: false },
];
const REST: FieldSpec[] = [
  {
    field: 'baselines',
    label: 'Baselines',
    placeholder: 'The strongest existing methods you compare with',
    multiline: true,
  },
  {
    field: 'controls',
    label: 'Controls',
    placeholder: 'What is held equal between the arms, and seeds per arm',
    multiline: true,
  },
  {
    field: 'budget',
    label: 'Compute budget',
    placeholder: 'e.g. 3 arms × 6 seeds × 20 GPU-minutes',
    multiline: false,
  },
  {
    field: 'changeMind',
    label: 'The result that would change my mind',
    placeholder: 'What would show the claim wrong',
    multiline: true,
  },
];

export interface FormHandlers {
  input: (field: TextField, value: string) => void;
  direction: (d: Direction) => void;
}

function notesFor(notes: readonly Note[], field: keyof Hypothesis): Note[] {
  return notes.filter((n) => n.field === field);
}

function fieldView(spec: FieldSpec, h: Hypothesis, notes: readonly Note[], on: FormHandlers): TemplateResult {
  const mine = notesFor(notes, spec.field);
  const id = `f-${spec.field}`;
  const onInput = (e: Event) =>
    on.input(spec.field, (e.target as HTMLInputElement | HTMLTextAreaElement).value);
  return html`
    <div class="field">
      <label for=${id}>${spec.label}</label>
      ${
        spec.multiline
          ? html`<textarea
              id=${id}
              rows="2"
              maxlength=${MAX_FIELD}
              placeholder=${spec.placeholder}
              aria-describedby=${`${id}-note`}
              aria-invalid=${mine.length > 0 ? 'true' : 'false'}
              .value=${live(h[spec.field])}
              @input=${onInput}
            ></textarea>`
          : html`<input
              id=${id}
              class="text"
              maxlength=${MAX_FIELD}
              placeholder=${spec.placeholder}
              aria-describedby=${`${id}-note`}
              aria-invalid=${mine.length > 0 ? 'true' : 'false'}
              .value=${live(h[spec.field])}
              @input=${onInput}
            />`
      }
      <p id=${`${id}-note`} class="note ${mine.length ? 'bad' : 'ok'}" data-field=${spec.field}>
        ${mine.length ? mine.map((n) => html`<span class="critique">${n.message}</span> `) : '✓'}
      </p>
    </div>
  `;
}

export function formView(h: Hypothesis, notes: readonly Note[], on: FormHandlers): TemplateResult {
  return html`
    ${fieldView(GAP, h, notes, on)}
    <fieldset class="claim">
      <legend>The claim</legend>
      ${fieldView(CLAIM[0]!, h, notes, on)}
      <div class="field">
        <label for="f-direction">Direction</label>
        <select
          id="f-direction"
          @change=${(e: Event) => on.direction((e.target as HTMLSelectElement).value as Direction)}
        >
          ${DIRECTIONS.map((d) => html`<option value=${d} ?selected=${h.direction === d}>${d}s</option>`)}
        </select>
      </div>
      ${fieldView(CLAIM[1]!, h, notes, on)}
    </fieldset>
    ${REST.map((s) => fieldView(s, h, notes, on))}
  `;
}

export const POWER_AXES: PlotAxes = {
  title: 'Power against runs per arm',
  xTitle: 'runs per arm',
  yTitle: 'power',
  yRange: [0, 1],
};

export function powerTraces(p: PowerResult): LineTrace[] {
  const n = p.curve.n;
  return [
    { type: 'line', x: n, y: p.curve.power, name: 'power', color: '#4a90d9' },
    {
      type: 'line',
      x: [n[0]!, n.at(-1)!],
      y: [p.power, p.power],
      name: 'target',
      color: '#8a8a8a',
      dash: 'dot',
    },
  ];
}

export function powerView(p: PowerResult | { error: string }, h: Hypothesis): TemplateResult {
  if ('error' in p) return html`<p class="error power-error" role="alert">${p.error}</p>`;
  const claimed = claimedEffect(h);
  const design = p.paired ? 'paired t-test on the per-seed differences' : 'two-sample t-test';
  const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
  return html`
    <p class="runs">
      <span class="runs-needed">${p.runsPerArm}</span> runs per arm${p.paired ? ' (pairs)' : ''}
    </p>
    <p class="stats assumptions">
      Assumes a two-sided ${design} at α = ${p.alpha}, a true effect δ = ${p.delta} and a run-to-run sd of
      ${p.sd} (${p.paired ? 'of the differences' : 'in each arm'}), for power ${p.power}; from the noncentral
      t distribution. With ${p.runsPerArm} runs the power is
      ${pct(p.powerAt)}${
        p.powerBelow === null
          ? nothing
          : html`, with ${p.runsPerArm - 1} it is <span class="power-below">${pct(p.powerBelow)}</span>`
      }.
    </p>
    ${
      claimed !== null && claimed !== p.delta
        ? html`<p class="hint delta-mismatch">
            The claim names ${claimed}; the runs above are for δ = ${p.delta}. Set δ to the size you claim.
          </p>`
        : nothing
    }
  `;
}

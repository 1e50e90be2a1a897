// The transformer cell's attention maps: one small map per layer and head, on the test input, with the
// causal mask hatched; and the test box that shows the model's answer, only for the input in the box (an
// invalid input shows its message and no answer; an edited one not yet tested shows no ✓ or ✗). Template
// functions (no state).
import { html, nothing } from 'lit';
import { parseDigits } from '../../../kernels/transformer/task';
import type { Prediction } from '../../../kernels/transformer/trainer';
import '../../ui/attention-map';
import { inputLabels } from './transformer-view';

export function attentionMaps(p: Prediction | null) {
  if (!p) return nothing;
  const labels = inputLabels(p.input, p.output);
  const causal = labels.map((_, i) => labels.map((_, j) => j > i));
  return html`<h4>Attention on the test input (rows: query positions, columns: keys; causal)</h4>
    <div class="maps" style="grid-template-columns: repeat(${p.attention[0]?.length ?? 1}, max-content)">
      ${p.attention.flatMap((layer, l) =>
        layer.map(
          (w, h) =>
            html`<viva-attention-map
              class="layer-map"
              compact
              data-layer=${l}
              data-head=${h}
              caption="layer ${l + 1}, head ${h + 1}"
              .weights=${w}
              .rowLabels=${labels}
              .colLabels=${labels}
              .masked=${causal}
            ></viva-attention-map>`,
        ),
      )}
    </div>`;
}

export interface TestBox {
  length: number;
  text: string;
  error: string;
  prediction: Prediction | null;
  onChange(text: string): void;
  /** Every keystroke (the answer beside the box goes stale until Enter). */
  onInput(text: string): void;
}

/** A keystroke's effect on the box's message: it goes once the text is a valid input, else it stays. */
export function keptTestError(text: string, length: number, error: string): string {
  return error && 'error' in parseDigits(text, length) ? error : '';
}

/**
 * What the test box shows beside its input: `invalid` (a message, no answer), `answer` (the prediction is for
 * exactly this input), `stale` (the box was edited since: no verdict until Enter), or `none` (no prediction).
 */
export function testBoxState(
  text: string,
  length: number,
  error: string,
  p: Prediction | null,
): 'invalid' | 'answer' | 'stale' | 'none' {
  const parsed = parseDigits(text, length);
  if (error || 'error' in parsed) return 'invalid';
  if (!p) return 'none';
  return p.input.join('') === parsed.digits.join('') ? 'answer' : 'stale';
}

/** The box to type a test input, with the model's answer. */
export function testBox({ length, text, error, prediction: p, onChange, onInput }: TestBox) {
  const state = testBoxState(text, length, error, p);
  return html`<h4>Try it</h4>
    <div class="row">
      <label for="test-input">Test input (${length} digits)</label>
      <input
        id="test-input"
        class="text test-input"
        .value=${text}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="test-error"
        @change=${(e: Event) => onChange((e.target as HTMLInputElement).value)}
        @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
      />
      ${
        state === 'answer' && p
          ? html`<span class="answer"
              >model:
              <span class="model-output ${p.correct ? 'right' : 'wrong'}">${p.output.join('')}</span> ·
              expected ${p.expected.join('')} ${p.correct ? '✓' : '✗'}</span
            >`
          : state === 'stale'
            ? html`<span class="stats stale">Press Enter to test this input.</span>`
            : state === 'invalid'
              ? nothing
              : html`<span class="stats">Train (or press Enter in the box) to see the model's answer.</span>`
      }
    </div>
    <div class="error" id="test-error" role="status">${error}</div>`;
}

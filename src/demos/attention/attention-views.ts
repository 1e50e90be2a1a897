// What the attention cell draws, as pure functions of its session: the query plane beside the selected
// head's heat map and output, the heads side by side, and Q, K, V as editable matrices. Events go to the
// handlers the element passes in.
import { html, nothing } from 'lit';
import { causalHidden } from './attention-state';
import type { AttentionSession, Matrix } from './attention-session';
import type { MatrixEdit } from './matrix-editor';
import type { QueryMove } from './query-plane';

export interface AttentionHandlers {
  queryMove(e: CustomEvent<QueryMove>): void;
  queryRelease(): void;
  selectQuery(i: number): void;
  selectHead(h: number): void;
  edit(which: Matrix, e: CustomEvent<MatrixEdit>): void;
}

/** The heat map's caption: the formula with the settings in force. */
export function weightsCaption(head: number, dK: number, scale: boolean, temperature: number): string {
  return (
    `Head ${head + 1}: weights softmax(QKᵀ${scale ? '/√' + dK : ''}` +
    `${temperature !== 1 ? ' / ' + temperature : ''}) — rows are queries (click one to drag it)`
  );
}

/** The plane and the selected head's weights, its output for the selected query, and the other heads. */
export function mainView(s: AttentionSession, on: AttentionHandlers) {
  const { tokens } = s.inputs;
  const h = s.selectedHead;
  const i = s.selectedQuery;
  const result = s.results[h];
  const dK = s.inputs.q[h]![0]!.length;
  const hidden = causalHidden(tokens.length, s.settings.causal);
  const weightsOfQuery = result?.weights[i] ?? [];
  const q = s.inputs.q[h]![i]!;
  return html`<div class="main">
    <div class="plane">
      <viva-query-plane
        .keys=${s.inputs.k[h]!.map((k, j) => ({ x: k[0]!, y: k[1] ?? 0, label: tokens[j]!, weight: weightsOfQuery[j] ?? 0 }))}
        .query=${{ x: q[0]!, y: q[1] ?? 0 }}
        .queryLabel=${tokens[i]!}
        .range=${s.planeRange}
        @query-move=${on.queryMove}
        @query-release=${on.queryRelease}
      ></viva-query-plane>
    </div>
    <div class="weights">
      <viva-attention-map
        class="main"
        caption=${weightsCaption(h, dK, s.settings.scale, s.settings.temperature)}
        .weights=${result?.weights ?? []}
        .rowLabels=${tokens}
        .colLabels=${tokens}
        .masked=${hidden}
        .selectedRow=${i}
        selectable
        @select-row=${(e: CustomEvent<number>) => on.selectQuery(e.detail)}
      ></viva-attention-map>
      <div class="output">
        output of “${tokens[i]}” (head ${h + 1}) = Σⱼ wⱼ vⱼ =
        [${(result?.output[i] ?? []).map((x) => x.toFixed(3)).join(', ')}]
      </div>
      ${s.inputs.heads > 1 ? headsView(s, hidden, on) : nothing}
    </div>
  </div>`;
}

function headsView(s: AttentionSession, hidden: boolean[][] | null, on: AttentionHandlers) {
  const { tokens } = s.inputs;
  return html`<div class="heads" role="group" aria-label="All heads">
    ${s.results.map(
      (r, h) =>
        html`<button
          class="head ${h === s.selectedHead ? 'selected' : ''}"
          aria-pressed=${h === s.selectedHead ? 'true' : 'false'}
          @click=${() => on.selectHead(h)}
        >
          <viva-attention-map
            compact
            caption="head ${h + 1}"
            .weights=${r.weights}
            .rowLabels=${tokens}
            .colLabels=${tokens}
            .masked=${hidden}
          ></viva-attention-map>
        </button>`,
    )}
  </div>`;
}

/** Q, K and V of the selected head, each entry editable. */
export function matricesView(s: AttentionSession, on: AttentionHandlers) {
  const { tokens } = s.inputs;
  const h = s.selectedHead;
  return html`<div class="matrices">
    ${(['q', 'k', 'v'] as const).map(
      (m) =>
        html`<viva-matrix-editor
          class="matrix-${m}"
          name="${m.toUpperCase()} = X·W${m.toUpperCase()} (head ${h + 1}, ${tokens.length}×${s.inputs[m][h]![0]!.length})"
          .values=${s.inputs[m][h]!}
          .rowLabels=${tokens}
          .selectedRow=${m === 'q' ? s.selectedQuery : -1}
          @edit=${(e: CustomEvent<MatrixEdit>) => on.edit(m, e)}
        ></viva-matrix-editor>`,
    )}
  </div>`;
}

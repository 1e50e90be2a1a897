// The attention cell's demo (question 3). Type a sentence: each token gets a toy embedding, Q, K and V are
// projections of it (shown, and editable), and the attention heat map updates as you drag a query on the
// plane, edit an entry, or flip the √d_k scale, the causal mask or the temperature. The live path is plain
// float64 JavaScript (a few µs per update, see scripts/bench-attention.ts); Run checks the tfjs kernel
// against it on the page's backend and measures the √d_k saturation curves.
import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { AttentionResult } from '../../../kernels/attention-shapes';
import type { SaturationRow } from '../../../kernels/attention-saturation';
import { isAbortError, throwIfAborted } from '../../runtime/abort';
import { computeRuntime } from '../../runtime/compute';
import { yieldFrame } from '../../runtime/loop';
import type { DemoElement, RunContext } from '../contract';
import './attention-controls';
import type { AttentionCellSettings } from './attention-controls';
import { attentionStyles } from './attention-demo-styles';
import '../../ui/attention-map';
import type { VivaAttentionMap } from '../../ui/attention-map';
import {
  DEFAULT_SENTENCE,
  LatencyRecord,
  attendAll,
  buildInputs,
  causalHidden,
  withEntry,
  type AttentionInputs,
} from './attention-state';
import { crossCheck, type CrossCheck } from './cross-check';
import './matrix-editor';
import type { MatrixEdit } from './matrix-editor';
import './query-plane';
import type { QueryMove } from './query-plane';
import './saturation-panel';

const DEFAULTS: AttentionCellSettings = {
  sentence: DEFAULT_SENTENCE,
  heads: 2,
  seed: 3,
  scale: true,
  causal: false,
  temperature: 1,
};
const SATURATION_DIMS = [2, 4, 8, 16, 32, 64, 128, 256, 512];

@customElement('viva-demo-attention')
export class VivaDemoAttention extends LitElement implements DemoElement {
  static override styles = attentionStyles;

  @state() settings: AttentionCellSettings = DEFAULTS;
  @state() selectedQuery = 1;
  @state() selectedHead = 0;
  @state() sentenceError = '';
  @state() inputs!: AttentionInputs;
  @state() results: AttentionResult[] = [];
  @state() planeRange = 3;
  @state() check: CrossCheck | null = null;
  @state() saturation: SaturationRow[] = [];
  @state() busy = '';
  @state() error = '';
  /** The last drag's latency and work per update (ms). Read by the benchmark. */
  readonly latency = new LatencyRecord();
  @state() private latencyText = '';
  @query('viva-attention-map.main') private mainMap!: VivaAttentionMap;
  /** True between the first move of a drag and its release: the latency record covers one drag. */
  private dragging = false;

  constructor() {
    super();
    this.rebuild();
  }

  /** Recomputes X, Q, K, V from the sentence, heads and seed (dropping edits), then the attention. */
  private rebuild(): void {
    const { sentence, heads, seed } = this.settings;
    const built = buildInputs(sentence, heads, seed);
    if ('error' in built) {
      this.sentenceError = built.error;
      return;
    }
    this.sentenceError = '';
    this.inputs = built;
    this.selectedQuery = Math.min(this.selectedQuery, built.tokens.length - 1);
    this.selectedHead = Math.min(this.selectedHead, built.heads - 1);
    this.recompute();
    this.fitPlane();
  }

  private recompute(): void {
    try {
      this.results = attendAll(this.inputs, this.settings);
      this.error = '';
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** The plane's half-width: the largest first-two-component magnitude of this head's keys and queries. */
  private fitPlane(): void {
    const h = this.selectedHead;
    const all = [...this.inputs.k[h]!, ...this.inputs.q[h]!].flatMap((r) => [r[0]!, r[1] ?? 0]);
    this.planeRange = Math.max(2, Math.ceil(Math.max(...all.map(Math.abs)) * 1.3 * 2) / 2);
  }

  reset(): void {
    Object.assign(this, {
      settings: DEFAULTS,
      selectedQuery: 1,
      selectedHead: 0,
      check: null,
      saturation: [],
      error: '',
      latencyText: '',
    });
    this.latency.clear();
    this.rebuild();
  }

  /** Run: check the tfjs kernel against the live path on the page's backend, then the saturation curves. */
  async run(ctx: RunContext): Promise<void> {
    ctx.progress(0, 'loading tfjs');
    await this.measure(ctx.compute, ctx.signal, (f, label) => ctx.progress(f, label));
  }

  private async measure(
    compute: RunContext['compute'],
    signal: AbortSignal,
    progress: (fraction: number, label: string) => void,
  ): Promise<void> {
    this.busy = 'Loading tfjs…';
    try {
      const tf = await compute.ensure();
      throwIfAborted(signal);
      const kernels = await import('../../../kernels/attention');
      const { softmaxSaturationAsync } = await import('../../../kernels/attention-saturation');
      progress(0.1, 'checking the tfjs kernel');
      this.busy = 'Checking the tfjs kernel…';
      this.check = await crossCheck(kernels, this.inputs, this.settings, tf.getBackend(), signal);
      const rows: SaturationRow[] = [];
      for (const [i, d] of SATURATION_DIMS.entries()) {
        this.busy = `Saturation: d_k = ${d}…`;
        progress(0.2 + (0.8 * i) / SATURATION_DIMS.length, `saturation d_k = ${d}`);
        rows.push(
          ...(await softmaxSaturationAsync({ dims: [d], keys: 16, queries: 256, seed: this.settings.seed })),
        );
        this.saturation = rows.slice();
        await yieldFrame();
        throwIfAborted(signal);
      }
      progress(1, 'done');
    } catch (e) {
      if (!isAbortError(e)) this.error = e instanceof Error ? e.message : String(e);
      throw e;
    } finally {
      this.busy = '';
    }
  }

  /** A new setting: the sentence, heads and seed rebuild Q, K, V (dropping edits); the rest recompute. */
  private change(patch: Partial<AttentionCellSettings>): void {
    this.settings = { ...this.settings, ...patch };
    if ('sentence' in patch || 'heads' in patch || 'seed' in patch) this.rebuild();
    else this.recompute();
  }

  private onQueryMove(e: CustomEvent<QueryMove>): void {
    const { x, y, timeStamp } = e.detail;
    const start = performance.now();
    if (!this.dragging) this.latency.clear();
    this.dragging = true;
    const h = this.selectedHead;
    let q = withEntry(this.inputs.q, h, this.selectedQuery, 0, x);
    if (q[h]![0]!.length > 1) q = withEntry(q, h, this.selectedQuery, 1, y);
    this.inputs = { ...this.inputs, q };
    this.recompute();
    // Latency: from the input event to the heat map's DOM updated (both this element and the map).
    void this.updateComplete
      .then(() => this.mainMap?.updateComplete)
      .then(() => {
        const now = performance.now();
        this.latency.add(now - timeStamp, now - start, now);
      });
  }

  private onQueryRelease(): void {
    this.dragging = false;
    const s = this.latency.summary();
    if (s.count > 0)
      this.latencyText =
        `drag: ${s.count} updates; input event → heat map ${s.latency.median.toFixed(1)} ms median, ` +
        `${s.latency.p95.toFixed(1)} ms p95; recompute + re-render ${s.work.median.toFixed(2)} ms median, ` +
        `${s.work.p95.toFixed(2)} ms p95 (room for ${Math.floor(1000 / Math.max(s.work.p95, 1e-3))} updates/s)`;
    this.fitPlane();
  }

  private onEdit(which: 'q' | 'k' | 'v', e: CustomEvent<MatrixEdit>): void {
    const { row, col, value } = e.detail;
    this.inputs = {
      ...this.inputs,
      [which]: withEntry(this.inputs[which], this.selectedHead, row, col, value),
    };
    this.recompute();
    this.fitPlane();
  }

  private async computeButton(): Promise<void> {
    const controller = new AbortController();
    try {
      await this.measure(computeRuntime(), controller.signal, () => undefined);
    } catch {
      // shown in the error line
    }
  }

  override render() {
    const { tokens } = this.inputs;
    const h = this.selectedHead;
    const i = this.selectedQuery;
    const result = this.results[h];
    const dK = this.inputs.q[h]![0]!.length;
    const hidden = causalHidden(tokens.length, this.settings.causal);
    const weightsOfQuery = result?.weights[i] ?? [];
    return html`
      <viva-attention-controls
        .settings=${this.settings}
        .sentenceError=${this.sentenceError}
        @settings-change=${(e: CustomEvent<Partial<AttentionCellSettings>>) => this.change(e.detail)}
      ></viva-attention-controls>
      <div class="error" role="alert">${this.error}</div>
      <div class="main">
        <div class="plane">
          <viva-query-plane
            .keys=${this.inputs.k[h]!.map((k, j) => ({ x: k[0]!, y: k[1] ?? 0, label: tokens[j]!, weight: weightsOfQuery[j] ?? 0 }))}
            .query=${{ x: this.inputs.q[h]![i]![0]!, y: this.inputs.q[h]![i]![1] ?? 0 }}
            .queryLabel=${tokens[i]!}
            .range=${this.planeRange}
            @query-move=${this.onQueryMove}
            @query-release=${this.onQueryRelease}
          ></viva-query-plane>
        </div>
        <div class="weights">
          <viva-attention-map
            class="main"
            caption="Head ${h + 1}: weights softmax(QKᵀ${this.settings.scale ? '/√' + dK : ''}${this.settings.temperature !== 1 ? ' / ' + this.settings.temperature : ''}) — rows are queries (click one to drag it)"
            .weights=${result?.weights ?? []}
            .rowLabels=${tokens}
            .colLabels=${tokens}
            .masked=${hidden}
            .selectedRow=${i}
            selectable
            @select-row=${(e: CustomEvent<number>) => ((this.selectedQuery = e.detail), this.fitPlane())}
          ></viva-attention-map>
          <div class="output">
            output of “${tokens[i]}” (head ${h + 1}) = Σⱼ wⱼ vⱼ =
            [${(result?.output[i] ?? []).map((x) => x.toFixed(3)).join(', ')}]
          </div>
          ${this.inputs.heads > 1 ? this.renderHeads(tokens, hidden) : ''}
        </div>
      </div>
      <div class="matrices">
        ${(['q', 'k', 'v'] as const).map(
          (m) =>
            html`<viva-matrix-editor
              class="matrix-${m}"
              name="${m.toUpperCase()} = X·W${m.toUpperCase()} (head ${h + 1}, ${tokens.length}×${this.inputs[m][h]![0]!.length})"
              .values=${this.inputs[m][h]!}
              .rowLabels=${tokens}
              .selectedRow=${m === 'q' ? i : -1}
              @edit=${(e: CustomEvent<MatrixEdit>) => this.onEdit(m, e)}
            ></viva-matrix-editor>`,
        )}
      </div>
      <div class="stats" aria-live="off">
        <span class="latency"
          >${this.latencyText || 'Live path: float64 JavaScript, recomputed on every pointer move.'}</span
        >
        ${this.check ? html`<br /><span class="check">${this.check.text}</span>` : ''}
      </div>
      <h4>Why divide by √d_k?</h4>
      <div class="row">
        <button class="compute" ?disabled=${this.busy !== ''} @click=${() => void this.computeButton()}>
          Compute
        </button>
        <span class="busy" role="status">${this.busy}</span>
      </div>
      <viva-attention-saturation .rows=${this.saturation} .keys=${16}></viva-attention-saturation>
    `;
  }

  private renderHeads(tokens: string[], hidden: boolean[][] | null) {
    return html`<div class="heads" role="group" aria-label="All heads">
      ${this.results.map(
        (r, h) =>
          html`<button
            class="head ${h === this.selectedHead ? 'selected' : ''}"
            aria-pressed=${h === this.selectedHead ? 'true' : 'false'}
            @click=${() => ((this.selectedHead = h), this.fitPlane())}
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
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-attention': VivaDemoAttention;
  }
}

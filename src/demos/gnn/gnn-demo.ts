// The GNN cell's demo (question 15): one message-passing layer stepped node by node on a small graph; GCN,
// GAT or GraphSAGE trained live on Zachary's karate club from a few labelled members (predicted vs true
// factions, the members' 2-D output scores moving, GAT's attention as edge width); the graph edited by
// clicking two members (or two selects and a button) and retrained; over-smoothing (energy and accuracy
// against depth 1–8); and expressiveness (two graphs 1-WL cannot tell apart get the same GNN readout).
// Training is time-sliced on the main thread: an epoch on 34 nodes is far below a slice (see
// scripts/bench-gnn.ts). A thin element: settings.ts's table, session.ts's state, the views' markup.
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { forceLayout, graphFromEdges, karateClub, type Aggregator } from '../../../kernels/gnn';
import '../../ui/controls/error-box';
import { RunController } from '../../ui/kit/run-controller';
import type { Metrics } from '../../ui/kit/run-card';
import '../../ui/kit/settings-element';
import { SettingsStore } from '../../ui/kit/settings-store';
import '../../ui/line-chart';
import type { LineTrace } from '../../ui/plot-spec';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { Memo } from '../../ui/memo';
import { clubSvg, embeddingSvg, legend } from './club-view';
import { DEPTH_AXES, depthTraces, expressiveness, expressivenessView } from './panels-view';
import { GnnSession, MAX_DEPTH } from './session';
import { GNN_SETTINGS } from './settings';
import './stepper';
import { gnnStyles } from './styles';

const club = karateClub();
/** One layout for the club, whatever the edits (members stay where the user saw them). */
const POSITIONS = forceLayout(graphFromEdges(club.nodes, club.edges), 3);
const CURVE_AXES = { xTitle: 'epoch', yTitle: 'loss / accuracy', yRange: [0, 1.5] as [number, number] };

@customElement('viva-demo-gnn')
export class VivaDemoGnn extends LitElement implements DemoElement {
  static override styles = gnnStyles;

  readonly settingsStore = new SettingsStore(GNN_SETTINGS);
  readonly session = new GnnSession();
  private readonly runner = new RunController(this);
  private readonly sweepRunner = new RunController(this);
  @state() private selected: number | null = null;
  @state() private editFrom = 0;
  @state() private editTo = 1;
  @state() private editNote = '';
  private readonly curveMemo = new Memo<LineTrace[]>();
  private readonly depthMemo = new Memo<ReturnType<typeof depthTraces>>();
  private readonly wlMemo = new Memo<ReturnType<typeof expressiveness>>();

  constructor() {
    super();
    this.settingsStore.subscribe(() => this.requestUpdate());
  }

  private train(r: { signal: AbortSignal; progress: (f: number | null, l?: string) => void; draw(): void }) {
    const s = this.settingsStore.values;
    r.progress(0, `training ${s.model.toUpperCase()} on the karate club`);
    return this.session.train(s, r.signal, () => {
      r.progress(this.session.epoch / s.epochs, `epoch ${this.session.epoch}/${s.epochs}`);
      r.draw();
    });
  }

  run(ctx: RunContext): Promise<void> {
    return this.runner.run(async (r) => {
      await this.train(r);
    }, ctx);
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  reset(): void {
    this.runner.stop();
    this.sweepRunner.stop();
    this.session.clear();
    this.session.restoreGraph();
    this.selected = null;
    this.editNote = '';
    this.shadowRoot?.querySelector('viva-gnn-stepper')?.restart();
    this.requestUpdate();
  }

  /** Adds or removes the friendship i–j and retrains on the edited graph. */
  private toggle(i: number, j: number): void {
    try {
      const added = this.session.toggleEdge(i, j);
      this.editNote = `${added ? 'Added' : 'Removed'} the friendship ${i}–${j}: ${this.session.edgeCount} friendships. Retraining…`;
    } catch (e) {
      this.editNote = (e as Error).message;
      return;
    }
    void this.runner.start((r) => this.train(r));
  }

  private clickNode(i: number): void {
    if (this.selected === null) {
      this.selected = i;
      this.editNote = `Member ${i} picked: click another member to add or remove their friendship (click ${i} again to cancel).`;
    } else if (this.selected === i) {
      this.selected = null;
      this.editNote = '';
    } else {
      const from = this.selected;
      this.selected = null;
      this.toggle(from, i);
    }
  }

  private restore(): void {
    this.session.restoreGraph();
    this.editNote = `Restored Zachary's ${this.session.edgeCount} friendships. Retraining…`;
    void this.runner.start((r) => this.train(r));
  }

  private sweep(): void {
    void this.sweepRunner.start((r) =>
      this.session.sweepDepth(this.settingsStore.values, r.signal, () => {
        r.progress(this.session.depth.length / MAX_DEPTH);
        r.draw();
      }),
    );
  }

  private memberSelect(label: string, value: number, set: (v: number) => void) {
    return html`<label
      >${label}
      <select aria-label=${label} @change=${(e: Event) => set(Number((e.target as HTMLSelectElement).value))}>
        ${club.faction.map((_, i) => html`<option value=${i} ?selected=${i === value}>member ${i}</option>`)}
      </select></label
    >`;
  }

  override render() {
    const s = this.session;
    const v = this.settingsStore.values;
    const latest = s.latest;
    const curves = this.curveMemo.get([s.epoch, s.losses], () => [
      { type: 'line', name: 'loss (labelled)', x: s.losses.map((_, e) => e + 1), y: s.losses.slice() },
      {
        type: 'line',
        name: 'accuracy (unlabelled)',
        x: s.accuracies.map((_, e) => e + 1),
        y: s.accuracies.slice(),
      },
    ]);
    const depth = this.depthMemo.get([s.depth.length, s.depth], () => depthTraces(s.depth));
    const wl = this.wlMemo.get([v.seed], () => expressiveness(v.seed));
    const error = this.runner.error || this.sweepRunner.error;
    const linked = s.hasEdge(this.editFrom, this.editTo);
    return html`
      <h4>Message passing, one layer, node by node</h4>
      <viva-settings .store=${this.settingsStore} group="stepper"></viva-settings>
      <viva-gnn-stepper .how=${v.agg as Aggregator}></viva-gnn-stepper>

      <h4>Semi-supervised on Zachary's karate club</h4>
      <viva-settings .store=${this.settingsStore} group="training"></viva-settings>
      <viva-error .message=${error}></viva-error>
      <p class="stats">
        epoch <span class="epoch-count">${s.epoch}</span> · accuracy on the ${club.nodes - s.labelled.length}
        unlabelled members <span class="accuracy">${latest ? (latest.accuracy * 100).toFixed(1) : '—'}</span>%
        · loss <span class="loss">${s.losses.length ? s.losses.at(-1)!.toFixed(4) : '—'}</span> · labelled
        ${s.labelled.join(', ')}
      </p>
      <div class="panels">
        <div>
          ${clubSvg({
            graph: s.graph,
            positions: POSITIONS,
            faction: club.faction,
            labelled: s.labelled,
            latest: s.trainedGraph === s.graph ? latest : null,
            attention: s.trainedGraph === s.graph ? s.attentionByEdge() : null,
            selected: this.selected,
            onNode: (i) => this.clickNode(i),
          })}
          ${legend}
          ${v.model === 'gat' && latest?.attention ? html`<p class="hint">Edge width: attention, heads and both directions averaged.</p>` : ''}
        </div>
        <div>
          <h5>Output scores per member (the line: equal scores)</h5>
          ${embeddingSvg(latest, club.faction)}
        </div>
      </div>
      <div class="row edit">
        ${this.memberSelect('First member', this.editFrom, (i) => (this.editFrom = i))}
        ${this.memberSelect('Second member', this.editTo, (i) => (this.editTo = i))}
        <button class="toggle-edge" @click=${() => this.toggle(this.editFrom, this.editTo)}>
          ${linked ? 'Remove' : 'Add'} friendship ${this.editFrom}–${this.editTo}
        </button>
        <button class="restore" @click=${() => this.restore()}>Restore the club</button>
      </div>
      <p class="hint edit-note" aria-live="polite">
        ${this.editNote || 'Click two members to add or remove their friendship, then the model retrains.'}
      </p>
      <viva-line-chart
        class="curves"
        label="Loss and accuracy per epoch"
        .traces=${curves}
        .axes=${CURVE_AXES}
      ></viva-line-chart>

      <h4>Over-smoothing: depth 1–${MAX_DEPTH}</h4>
      <div class="row">
        <button class="sweep" ?disabled=${this.sweepRunner.busy} @click=${() => this.sweep()}>
          Measure depth 1–${MAX_DEPTH}
        </button>
        <span class="hint"
          >${this.sweepRunner.busy ? `depth ${s.depth.length + 1} of ${MAX_DEPTH}…` : ''}</span
        >
      </div>
      <div class="panels">
        <viva-line-chart
          class="energy"
          label="Dirichlet energy against depth"
          .traces=${depth.energy}
          .axes=${DEPTH_AXES.energy}
        ></viva-line-chart>
        <viva-line-chart
          class="depth-accuracy"
          label="Accuracy against depth"
          .traces=${depth.accuracy}
          .axes=${DEPTH_AXES.accuracy}
        ></viva-line-chart>
      </div>
      <p class="hint">
        Energy: Σ over friendships of ‖h_i/√d̂_i − h_j/√d̂_j‖², over ‖H‖², for an untrained GCN of that depth;
        accuracy: the model above trained at that depth with the same settings.
      </p>

      <h4>Expressiveness: what 1-WL cannot tell apart, no message-passing GNN can</h4>
      ${expressivenessView(wl)}
      <p class="hint">
        Node colour: the final 1-WL colour. Readout: Σ_v h_v of a 3-layer sum-aggregation network with random
        weights (the seed above), all states starting at 1.
      </p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-gnn': VivaDemoGnn;
  }
}

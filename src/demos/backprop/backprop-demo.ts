// The backprop cell's demo (question 1): part one steps through the chain rule on a graph you typed; part
// two trains an MLP built on the same autograd core. Run plays the walkthrough to the end, then trains a
// fresh MLP for the "Steps per Run" setting; Stop ends either promptly and keeps what was learned. A thin
// element: the state lives in ExpressionSession and MlpSession, the markup in the views, every run in one
// RunController.
import { LitElement, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { paced } from '../../runtime/loop';
import type { HeatmapPoint } from '../../ui/heatmap';
import { RunController, type RunHandle } from '../../ui/kit/run-controller';
import type { Metrics } from '../../ui/kit/run-card';
import { SettingsStore, type SettingsChange } from '../../ui/kit/settings-store';
import type { LineTrace } from '../../ui/plot-spec';
import { ExpressionSession } from './expression-session';
import { MlpSession } from './mlp-session';
import { curveTraces, dataPoints, trainerView } from './mlp-view';
import { EXPRESSION_PRESETS } from './presets';
import { BACKPROP_SETTINGS, formatAt, mlpSettings, parseAt, valuesFor } from './settings';
import { stepperView } from './stepper-view';
import { backpropStyles } from './styles';

/** Steps the trainer's Play button runs for (until paused). */
const PLAY_STEPS = 100_000;
/** The walkthrough's share of Run's progress bar. */
const WALK_SHARE = 0.3;
/** Run plays the walkthrough at least this fast (steps/s). */
const RUN_MIN_SPEED = 8;

type Activity = 'walkthrough' | 'training';

@customElement('viva-demo-backprop')
export class VivaDemoBackprop extends LitElement implements DemoElement {
  static override styles = backpropStyles;

  readonly settingsStore = new SettingsStore(BACKPROP_SETTINGS);
  private readonly runner = new RunController(this);
  private readonly expression = new ExpressionSession();
  private readonly trainer: MlpSession;
  /** The values of the store's expression's variables (the sliders), even when its graph could not be built. */
  private at: Record<string, number> = {};
  /** What the run in progress does, so the right button reads Pause. */
  private activity: Activity | null = null;
  private stepError = '';
  private plots: {
    version: number;
    training: boolean;
    data: unknown;
    boundary: number[][];
    points: HeatmapPoint[];
    curves: LineTrace[];
  } | null = null;

  constructor() {
    super();
    const v = this.settingsStore.values;
    this.trainer = new MlpSession(mlpSettings(v));
    this.syncExpression('reset', true);
    this.settingsStore.subscribe((c) => this.onSettings(c));
  }

  private onSettings(c: SettingsChange<typeof BACKPROP_SETTINGS>): void {
    const expr = c.keys.includes('expr');
    if (expr || c.keys.includes('at')) this.syncExpression(c.source, !expr || c.keys.includes('at'));
    const next = mlpSettings(c.values);
    if (this.activity === 'training' && this.trainer.needsRebuild(next)) this.runner.stop();
    if (this.trainer.configure(next)) this.stepError = '';
    this.requestUpdate();
  }

  /**
   * Builds the store's expression at its variables' values; a new expression's variables are written back.
   * `withValues`: the change brought values for it (a preset, a link, a replay, a slider). A typed expression
   * brings none, and then every variable starts at its start value: none inherits the old expression's (the
   * tanh neuron's b = 6.88 saturated tanh(x*w + b), issue 17).
   */
  private syncExpression(
    source: SettingsChange<typeof BACKPROP_SETTINGS>['source'],
    withValues: boolean,
  ): void {
    const { expr, at: text } = this.settingsStore.values;
    const given = parseAt(text);
    const at = withValues ? valuesFor(expr, 'at' in given ? given.at : {}, this.at) : valuesFor(expr, {});
    this.at = at;
    if (expr !== this.expression.expr || formatAt(at) !== formatAt(this.expression.at))
      this.expression.set(expr, at);
    if (formatAt(at) !== text) this.settingsStore.set('at', formatAt(at), source);
  }

  async run(ctx: RunContext): Promise<Metrics> {
    await this.updateComplete;
    return this.runner.run(async (r) => {
      try {
        await this.walk(r, () => Math.max(this.settingsStore.get('speed'), RUN_MIN_SPEED), WALK_SHARE);
        this.activity = 'training';
        this.stepError = '';
        this.trainer.rebuild(); // a fresh network, so a run card's settings replay this run
        const steps = this.trainer.config.steps;
        await this.trainer.train(steps, {
          signal: r.signal,
          onStep: (done) =>
            done % 10 === 0 || done === steps
              ? r.progress(WALK_SHARE + ((1 - WALK_SHARE) * done) / steps, `training step ${done}/${steps}`)
              : r.draw(),
        });
        return this.metrics();
      } finally {
        if (r.current) this.activity = null;
      }
    }, ctx);
  }

  /** Plays the walkthrough to its end (from the start if it is there) at `rate` steps per second. */
  private async walk(r: RunHandle, rate: () => number, share = 1): Promise<void> {
    this.activity = 'walkthrough';
    const s = this.expression;
    if (s.atEnd) s.restart();
    await paced(
      () => {
        s.step(1);
        r.progress((share * s.index) / s.total, `walkthrough ${s.index}/${s.total}`);
        return !s.atEnd;
      },
      { rate, signal: r.signal },
      s.total - s.index,
    );
  }

  private play(): void {
    if (this.activity === 'walkthrough') return this.runner.stop();
    void this.runner.start(async (r) => {
      try {
        await this.walk(r, () => this.settingsStore.get('speed'));
      } finally {
        if (r.current) this.activity = null;
      }
    });
  }

  private train(): void {
    if (this.activity === 'training') return this.runner.stop();
    void this.runner.start(async (r) => {
      this.activity = 'training';
      this.stepError = '';
      try {
        await this.trainer.train(PLAY_STEPS, { signal: r.signal, onStep: () => r.draw() });
      } finally {
        if (r.current) this.activity = null;
      }
    });
  }

  private trainOneStep(): void {
    try {
      this.trainer.step();
      this.stepError = '';
    } catch (e) {
      this.stepError = e instanceof Error ? e.message : String(e);
    }
    this.requestUpdate();
  }

  private rebuildNetwork(): void {
    if (this.activity === 'training') this.runner.stop();
    this.trainer.rebuild();
    this.stepError = '';
    this.requestUpdate();
  }

  /** Moves the walkthrough (Back, Step, To end, Reset steps) and redraws. */
  private move(f: (s: ExpressionSession) => void): void {
    f(this.expression);
    this.requestUpdate();
  }

  reset(): void {
    this.runner.stop();
    this.expression.restart();
    this.trainer.rebuild();
    this.stepError = '';
    this.requestUpdate();
  }

  /**
   * The last run's final metrics: the MLP's steps, loss, accuracy and size, then the expression's value and
   * the walkthrough's step reached (where a run stopped before training).
   */
  metrics(): Metrics {
    return {
      ...this.trainer.metrics(),
      f: this.expression.check?.value ?? NaN,
      walkthroughStep: this.expression.index,
    };
  }

  /** The plots' data, recomputed when the network changed (while training, the boundary of a recent step). */
  private plotData() {
    const t = this.trainer;
    const training = this.activity === 'training';
    if (this.plots?.version !== t.version || this.plots.training !== training) {
      this.plots = {
        version: t.version,
        training,
        data: t.data,
        boundary: training ? t.latestBoundary() : t.boundary(),
        points: this.plots?.data === t.data ? this.plots.points : dataPoints(t),
        curves: curveTraces(t),
      };
    }
    return this.plots;
  }

  override render() {
    const store = this.settingsStore;
    return html`
      <h4>Step through the chain rule</h4>
      ${stepperView(this.expression, this.at, store, this.activity === 'walkthrough', {
        preset: (i) => {
          const p = EXPRESSION_PRESETS[i];
          if (p) store.patch({ expr: p.expr, at: formatAt(p.at) });
        },
        variable: (name, value) => store.set('at', formatAt({ ...this.at, [name]: value })),
        back: () => this.move((s) => s.step(-1)),
        step: () => this.move((s) => s.step(1)),
        play: () => this.play(),
        toEnd: () => this.move((s) => s.toEnd()),
        inputSettled: () => this.requestUpdate(),
        restart: () => {
          if (this.activity === 'walkthrough') this.runner.stop();
          this.move((s) => s.restart());
        },
      })}
      <h4>Train an MLP on the same core</h4>
      ${trainerView(
        this.trainer,
        store,
        this.plotData(),
        this.activity === 'training',
        this.runner.error || this.stepError,
        {
          train: () => this.train(),
          step: () => this.trainOneStep(),
          rebuild: () => this.rebuildNetwork(),
        },
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-backprop': VivaDemoBackprop;
  }
}

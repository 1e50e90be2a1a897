// The diffusion cell's demo (question 12): noise a toy data set step by step (forward process), train a
// denoiser live, and watch the reverse process turn noise back into data. Run does the whole recipe from a
// fresh network: samples from the untrained network (the baseline), trains, samples again, and shows both
// distances to held-out data. Stop keeps what was learned; Reset restores the shipped settings.
// The element is thin: the settings table (settings.ts), the session (session.ts), the views (*-view.ts).
import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { paced } from '../../runtime/loop';
import { RunController } from '../../ui/kit/run-controller';
import { SettingsStore } from '../../ui/kit/settings-store';
import type { Metrics } from '../../ui/kit/run-card';
import type { DemoElement, RunContext } from '../../ui/demo-contract';
import { forwardView, ForwardPlots } from './forward-view';
import { tfjsCompute, workerCompute } from './page-compute';
import { sampleView, SamplePlots } from './sample-view';
import { DiffusionSession } from './session';
import { DATA_KEYS, DIFFUSION_SETTINGS } from './settings';
import { sectionStyles } from './styles';
import { trainView, TrainPlots } from './train-view';

/** The sampler's frames play at this pace, ms per frame. */
const FRAME_MS = 80;

@customElement('viva-demo-diffusion')
export class VivaDemoDiffusion extends LitElement implements DemoElement {
  static override styles = sectionStyles;

  readonly settingsStore = new SettingsStore(DIFFUSION_SETTINGS);
  /** Run's recipe, Train and Sample: one job at a time. */
  private readonly runner = new RunController(this);
  /** The sampler's animation (a frame every FRAME_MS). */
  private readonly player = new RunController(this, { throttleMs: 0 });
  /** Everything the cell has learned and sampled. */
  readonly session = new DiffusionSession(this.settingsStore, {
    compute: workerCompute(),
    tfjs: tfjsCompute,
    stop: () => this.runner.stop(),
    onChange: () => this.requestUpdate(),
  });
  /** The frame shown; null follows the newest. */
  @state() private frame: number | null = null;
  private readonly forwardPlots = new ForwardPlots();
  private readonly trainPlots = new TrainPlots();
  private readonly samplePlots = new SamplePlots();

  constructor() {
    super();
    this.settingsStore.subscribe(() => this.requestUpdate());
    // A new data set, schedule or seed starts an untrained network: a control asks before that.
    this.settingsStore.discards = (key) =>
      DATA_KEYS.includes(key) && this.session.steps > 0
        ? `the network trained for ${this.session.steps} steps`
        : null;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.dispose();
  }

  async run(ctx: RunContext): Promise<void> {
    this.player.stop();
    this.frame = null;
    await this.runner.run((r) => this.session.runRecipe(r), ctx);
    this.play();
  }

  reset(): void {
    this.player.stop();
    this.frame = null;
    this.session.rebuild();
    this.requestUpdate();
  }

  metrics(): Metrics {
    return this.session.metrics();
  }

  /** Plays the frames from the first to the last, once. */
  private play(): void {
    const count = this.session.frames.length;
    if (count < 2) return;
    void this.player.start((r) =>
      paced((i) => void (this.frame = i), { rate: () => 1000 / FRAME_MS, signal: r.signal }, count),
    );
  }

  private async sample(): Promise<void> {
    this.player.stop();
    this.frame = null;
    const result = await this.runner.start((r) => this.session.sample(r));
    if (result.outcome === 'done') this.play();
  }

  private train(): void {
    void this.runner.start((r) => this.session.train(this.session.settings.steps, r));
  }

  override render() {
    const s = this.session;
    const busy = this.runner.busy;
    const error = this.runner.error;
    const training = busy && s.stage === 'train';
    const sampling = busy && s.stage === 'sample';
    return html`
      <h4>1 · Forward process: noise the data</h4>
      ${forwardView(s, this.forwardPlots)}
      <h4>2 · Train the denoiser ε_θ(x_t, t)</h4>
      ${trainView(
        s,
        this.trainPlots,
        { busy, training, error },
        {
          train: () => this.train(),
          pause: () => this.runner.stop(),
          resetNetwork: () => {
            s.rebuild();
            this.requestUpdate();
          },
        },
      )}
      <h4>3 · Sample: from noise back to data</h4>
      ${sampleView(
        s,
        this.samplePlots,
        { busy, sampling, playing: this.player.busy, frame: this.frame, error },
        {
          sample: () => void this.sample(),
          stop: () => this.runner.stop(),
          play: () => this.play(),
          pause: () => this.player.stop(),
          scrub: (frame) => {
            this.player.stop();
            this.frame = frame;
          },
        },
      )}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-diffusion': VivaDemoDiffusion;
  }
}

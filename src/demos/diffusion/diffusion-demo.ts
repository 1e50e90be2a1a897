// The diffusion cell's demo (question 12): noise a toy data set step by step (forward process), train a
// denoiser live, and watch the reverse process turn noise back into data. Run does the whole recipe from a
// fresh network: samples from the untrained network (the baseline), trains, samples again, and shows both
// distances to held-out data. Stop keeps what was learned; Reset restores the shipped settings.
import { LitElement, css, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { DemoElement, RunContext } from '../contract';
import './forward-section';
import './sample-section';
import type { VivaDiffusionSample } from './sample-section';
import { DiffusionSession } from './session';
import './train-section';

@customElement('viva-demo-diffusion')
export class VivaDemoDiffusion extends LitElement implements DemoElement {
  static override styles = css`
    :host {
      display: block;
    }
    h4 {
      margin: 1rem 0 0.4rem;
      font-size: 0.95rem;
    }
  `;

  @state() private revision = 0;
  @query('viva-diffusion-sample') private sampler!: VivaDiffusionSample;
  /** Everything the cell has learned and sampled (the controller: sections render it). */
  readonly session = new DiffusionSession(() => this.revision++);

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.session.dispose();
  }

  async run(ctx: RunContext): Promise<void> {
    await this.updateComplete;
    this.sampler.pause();
    this.sampler.frame = null;
    await this.session.runRecipe(ctx.signal, (fraction, label) => ctx.progress(fraction, label));
    this.sampler.play();
  }

  reset(): void {
    this.sampler?.pause();
    if (this.sampler) this.sampler.frame = null;
    this.session.reset();
  }

  override render() {
    return html`
      <h4>1 · Forward process: noise the data</h4>
      <viva-diffusion-forward .session=${this.session} .revision=${this.revision}></viva-diffusion-forward>
      <h4>2 · Train the denoiser ε_θ(x_t, t)</h4>
      <viva-diffusion-train .session=${this.session} .revision=${this.revision}></viva-diffusion-train>
      <h4>3 · Sample: from noise back to data</h4>
      <viva-diffusion-sample .session=${this.session} .revision=${this.revision}></viva-diffusion-sample>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-diffusion': VivaDemoDiffusion;
  }
}

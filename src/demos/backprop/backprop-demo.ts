// The backprop cell's demo (question 1): part one steps through the chain rule on a graph you typed; part
// two trains an MLP built on the same autograd core. Run plays the walkthrough to the end, then trains the
// MLP for 500 steps; Stop ends either promptly and keeps what was learned.
import { LitElement, css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import type { DemoElement, RunContext } from '../contract';
import './mlp-trainer';
import type { VivaMlpTrainer } from './mlp-trainer';
import './stepper';
import type { VivaBackpropStepper } from './stepper';

export const RUN_TRAINING_STEPS = 500;

@customElement('viva-demo-backprop')
export class VivaDemoBackprop extends LitElement implements DemoElement {
  static override styles = css`
    :host {
      display: block;
    }
    h4 {
      margin: 1rem 0 0.4rem;
      font-size: 0.95rem;
    }
  `;

  @query('viva-backprop-stepper') private stepper!: VivaBackpropStepper;
  @query('viva-mlp-trainer') private trainer!: VivaMlpTrainer;

  async run(ctx: RunContext): Promise<void> {
    await this.updateComplete;
    const half = 0.3;
    this.stepper.speed = Math.max(this.stepper.speed, 8);
    await this.stepper.play(ctx.signal, (i, total) =>
      ctx.progress((half * i) / total, `walkthrough ${i}/${total}`),
    );
    await this.trainer.train(RUN_TRAINING_STEPS, ctx.signal, (done) => {
      if (done % 10 === 0)
        ctx.progress(
          half + ((1 - half) * done) / RUN_TRAINING_STEPS,
          `training step ${done}/${RUN_TRAINING_STEPS}`,
        );
    });
  }

  reset(): void {
    this.stepper?.reset();
    if (this.trainer) {
      this.trainer.pause();
      this.trainer.rebuild();
    }
  }

  override render() {
    return html`
      <h4>Step through the chain rule</h4>
      <viva-backprop-stepper></viva-backprop-stepper>
      <h4>Train an MLP on the same core</h4>
      <viva-mlp-trainer></viva-mlp-trainer>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-backprop': VivaDemoBackprop;
  }
}

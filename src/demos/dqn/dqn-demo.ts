// The DQN cell's demo (question 14). Part one: tabular Q-learning on a grid world you can edit, each update
// written out. Part two: a DQN learning CartPole live, with Double DQN, a dueling head and prioritized replay,
// and a side-by-side run showing vanilla DQN's over-estimation. Run trains the grid world, then the DQN; Stop
// ends either promptly and keeps what was learned; Reset starts both again from the shipped defaults.
// Everything computes on typed arrays on the CPU (no tfjs): for a 4-64-64-2 network per-op dispatch would
// cost more than the arithmetic (DESIGN.md "Runtime").
import { LitElement, css, html } from 'lit';
import { customElement, query } from 'lit/decorators.js';
import type { DemoElement, RunContext } from '../contract';
import './dqn-panel';
import type { VivaDqnPanel } from './dqn-panel';
import './grid-q';
import type { VivaGridQ } from './grid-q';
import { RUN_DQN_EPISODES, RUN_TABULAR_EPISODES } from './presets';

@customElement('viva-demo-dqn')
export class VivaDemoDqn extends LitElement implements DemoElement {
  static override styles = css`
    :host {
      display: block;
    }
    h4 {
      margin: 1rem 0 0.4rem;
      font-size: 0.95rem;
    }
  `;

  @query('viva-grid-q') private grid!: VivaGridQ;
  @query('viva-dqn-panel') private panel!: VivaDqnPanel;

  async run(ctx: RunContext): Promise<void> {
    await this.updateComplete;
    const tabularShare = 0.05;
    await this.grid.train(RUN_TABULAR_EPISODES, ctx.signal, (done) => {
      if (done % 10 === 0)
        ctx.progress(
          (tabularShare * done) / RUN_TABULAR_EPISODES,
          `grid world: episode ${done}/${RUN_TABULAR_EPISODES}`,
        );
    });
    await this.panel.train(RUN_DQN_EPISODES, ctx.signal, (done) =>
      ctx.progress(
        tabularShare + ((1 - tabularShare) * done) / RUN_DQN_EPISODES,
        `DQN: episode ${done}/${RUN_DQN_EPISODES}`,
      ),
    );
  }

  reset(): void {
    this.grid?.reset();
    this.panel?.reset();
  }

  override render() {
    return html`
      <h4>Tabular Q-learning on a grid world (click cells to edit it)</h4>
      <viva-grid-q></viva-grid-q>
      <h4>DQN learning CartPole</h4>
      <viva-dqn-panel></viva-dqn-panel>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-demo-dqn': VivaDemoDqn;
  }
}

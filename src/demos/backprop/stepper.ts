// <viva-backprop-stepper>: type an expression, set its variables, and step through the forward and backward
// passes on its graph; a verification strip compares the core's gradients with finite differences and
// mathjs' symbolic derivative.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { buildGraph, SUPPORTED_FUNCTIONS } from '../../autograd';
import { checkGradients, variablesOf, type GradientCheck } from '../../autograd/gradient-check';
import { abortError } from '../../runtime/abort';
import '../../ui/controls/slider';
import { demoStyles } from '../../ui/demo-styles';
import { EXPRESSION_PRESETS, VARIABLE_RANGE } from './presets';
import './graph-view';
import { createWalkthrough, fmt, frameAt, type Walkthrough } from './walkthrough';

@customElement('viva-backprop-stepper')
export class VivaBackpropStepper extends LitElement {
  static override styles = [
    demoStyles,
    css`
      input.expr {
        flex: 1 1 16rem;
        font: 0.9rem var(--mono);
        padding: 0.3rem 0.5rem;
      }
      .vars {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
        gap: 0 1rem;
      }
      .step-text {
        font: 0.82rem var(--mono);
        background: var(--surface-2);
        border-radius: 6px;
        padding: 0.4rem 0.6rem;
        min-height: 2.6rem;
        white-space: pre-wrap;
      }
    `,
  ];

  @state() expr = EXPRESSION_PRESETS[0]!.expr;
  @state() at: Record<string, number> = { ...EXPRESSION_PRESETS[0]!.at };
  @state() index = 0;
  @state() playing = false;
  @state() speed = 2;
  @state() error = '';
  @state() private walkthrough: Walkthrough | null = null;
  @state() private check: GradientCheck | null = null;
  private draft = this.expr;
  private playController: AbortController | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.rebuild(this.expr, this.at, false);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.pause();
  }

  /** Sets the expression and point; on bad input shows the error and keeps the previous graph. */
  setExpression(expr: string, at?: Record<string, number>): boolean {
    let names: string[];
    try {
      names = variablesOf(expr);
    } catch (e) {
      this.error = `Cannot parse "${expr}": ${e instanceof Error ? e.message : String(e)}`;
      return false;
    }
    const next: Record<string, number> = {};
    for (const name of names) next[name] = at?.[name] ?? this.at[name] ?? 1;
    return this.rebuild(expr, next, true);
  }

  private rebuild(expr: string, at: Record<string, number>, resetIndex: boolean): boolean {
    try {
      const graph = buildGraph(expr, at);
      const check = checkGradients(expr, at);
      this.walkthrough = createWalkthrough(graph);
      this.check = check;
      this.expr = expr;
      this.draft = expr;
      this.at = at;
      this.error = '';
      this.index = resetIndex ? 0 : Math.min(this.index, this.walkthrough.total);
      return true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  reset(): void {
    this.pause();
    const p = EXPRESSION_PRESETS[0]!;
    this.setExpression(p.expr, p.at);
  }

  step(delta: number): void {
    if (!this.walkthrough) return;
    this.index = Math.max(0, Math.min(this.walkthrough.total, this.index + delta));
  }

  pause(): void {
    this.playController?.abort();
    this.playController = null;
    this.playing = false;
  }

  /** Plays to the end at the chosen speed; resolves there, rejects with an AbortError if paused or stopped. */
  async play(signal?: AbortSignal, onStep?: (index: number, total: number) => void): Promise<void> {
    this.pause();
    const controller = new AbortController();
    this.playController = controller;
    const stopIt = () => controller.abort();
    signal?.addEventListener('abort', stopIt, { once: true });
    this.playing = true;
    try {
      if (this.walkthrough && this.index >= this.walkthrough.total) this.index = 0;
      while (this.walkthrough && this.index < this.walkthrough.total) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(resolve, 1000 / this.speed);
          controller.signal.addEventListener('abort', () => (clearTimeout(timer), reject(abortError())), {
            once: true,
          });
        });
        this.step(1);
        onStep?.(this.index, this.walkthrough.total);
      }
    } finally {
      signal?.removeEventListener('abort', stopIt);
      if (this.playController === controller) {
        this.playController = null;
        this.playing = false;
      }
    }
  }

  override render() {
    const w = this.walkthrough;
    const frame = w ? frameAt(w, this.index) : null;
    return html`
      <div class="row">
        <label class="hint" for="expr">Expression</label>
        <input
          id="expr"
          class="text expr"
          .value=${this.draft}
          spellcheck="false"
          aria-invalid=${this.error ? 'true' : 'false'}
          aria-describedby="expr-error"
          @input=${(e: Event) => (this.draft = (e.target as HTMLInputElement).value)}
          @change=${() => this.setExpression(this.draft)}
          @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && !e.shiftKey && this.setExpression(this.draft)}
        />
        <select
          aria-label="Preset expressions"
          @change=${(e: Event) => {
            const p = EXPRESSION_PRESETS[Number((e.target as HTMLSelectElement).value)];
            if (p) this.setExpression(p.expr, p.at);
          }}
        >
          ${EXPRESSION_PRESETS.map((p, i) => html`<option value=${i} ?selected=${p.expr === this.expr}>${p.name}</option>`)}
        </select>
      </div>
      <div class="error" id="expr-error" role="alert">${this.error}</div>
      <div class="hint">
        Functions: ${SUPPORTED_FUNCTIONS.join(', ')}; operators + − * / ^ (constant exponent).
      </div>
      <div class="vars">
        ${Object.entries(this.at).map(
          ([name, value]) =>
            html`<viva-slider
              label=${name}
              data-variable=${name}
              .min=${VARIABLE_RANGE.min}
              .max=${VARIABLE_RANGE.max}
              .step=${VARIABLE_RANGE.step}
              .value=${value}
              @change=${(e: CustomEvent<number>) => this.rebuild(this.expr, { ...this.at, [name]: e.detail }, false)}
            ></viva-slider>`,
        )}
      </div>
      <div class="row" role="toolbar" aria-label="Step through">
        <button class="back" @click=${() => this.step(-1)} ?disabled=${!w || this.index === 0}>◀ Back</button>
        <button class="step" @click=${() => this.step(1)} ?disabled=${!w || this.index >= w.total}>
          Step ▶
        </button>
        <button
          class="play"
          @click=${() => (this.playing ? this.pause() : void this.play().catch(() => undefined))}
        >
          ${this.playing ? 'Pause' : 'Play'}
        </button>
        <button class="to-end" @click=${() => w && (this.index = w.total)}>To end</button>
        <button class="restart" @click=${() => (this.pause(), (this.index = 0))}>Reset steps</button>
        <viva-slider
          label="Speed (steps/s)"
          .min=${0.5}
          .max=${20}
          .step=${0.5}
          .value=${this.speed}
          @change=${(e: CustomEvent<number>) => (this.speed = e.detail)}
        ></viva-slider>
      </div>
      ${
        frame && w
          ? html`
              <div class="hint phase" aria-live="polite">
                ${
                  frame.phase === 'start'
                    ? 'Press Step: the forward pass computes each node from its inputs.'
                    : frame.phase === 'forward'
                      ? `Forward pass: node ${frame.index} of ${w.graph.nodes.length}`
                      : frame.phase === 'backward'
                        ? `Backward pass: step ${frame.index - w.graph.nodes.length} of ${w.graph.nodes.length}`
                        : 'Done: every gradient is complete.'
                }
              </div>
              <div class="step-text" aria-live="polite">${frame.lines.join('\n')}</div>
              <viva-graph-view .graph=${w.graph} .frame=${frame}></viva-graph-view>
            `
          : nothing
      }
      ${this.check ? this.renderCheck(this.check) : nothing}
    `;
  }

  private renderCheck(check: GradientCheck) {
    const good = check.largest < 1e-6;
    return html`
      <h4>Verification: three independent gradients</h4>
      <table class="check">
        <thead>
          <tr>
            <th>variable</th>
            <th>autograd core</th>
            <th>finite differences</th>
            <th>mathjs symbolic</th>
            <th>largest |Δ|</th>
          </tr>
        </thead>
        <tbody>
          ${check.rows.map(
            (r) =>
              html`<tr data-variable=${r.variable}>
                <td>${r.variable}</td>
                <td class="core" data-value=${r.core}>${fmt(r.core)}</td>
                <td>${fmt(r.finiteDifference)}</td>
                <td>${Number.isNaN(r.symbolic) ? 'undefined' : fmt(r.symbolic)}</td>
                <td>${r.disagreement.toExponential(1)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="hint largest ${good ? 'ok' : 'bad'}">
        f = ${fmt(check.value)}; largest disagreement ${check.largest.toExponential(2)}
        ${good ? '(agree)' : '(disagree — at a kink such as relu or abs at 0, or a wrong gradient)'}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-backprop-stepper': VivaBackpropStepper;
  }
}

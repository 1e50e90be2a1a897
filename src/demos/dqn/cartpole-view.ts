// <viva-cartpole-view>: draws a CartPole state on a canvas once per animation frame, reading it from
// `source()`. Drawing is decoupled from training: the trainer never waits for it, and the loop pauses when the
// canvas is off screen or the tab is hidden (requestAnimationFrame stops there anyway), so a hidden animation
// costs the training nothing.
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { CARTPOLE } from '../../../kernels/rl/cartpole';

export type StateSource = () => readonly number[] | null;

const WIDTH = 480;
const HEIGHT = 180;
/** Metres of track shown either side of the centre. */
const HALF_SPAN = CARTPOLE.xThreshold * 1.1;
const REST: readonly number[] = [0, 0, 0, 0];

@customElement('viva-cartpole-view')
export class VivaCartPoleView extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    canvas {
      box-sizing: border-box; /* the border inside the 100%: never wider than the panel */
      width: 100%;
      max-width: ${WIDTH}px;
      aspect-ratio: ${WIDTH} / ${HEIGHT};
      display: block;
      border: 1px solid var(--border);
      border-radius: 6px;
      background: var(--surface);
    }
    .caption {
      font: 0.78rem var(--mono);
      color: var(--muted);
      min-height: 1.1rem;
    }
  `;

  @property({ attribute: false }) source: StateSource | null = null;
  @property() caption = '';
  @property({ type: Boolean }) paused = false;
  @query('canvas') private canvas!: HTMLCanvasElement;
  /** Frames actually drawn (tests read it). */
  framesDrawn = 0;
  /** The last state drawn. */
  lastDrawn: readonly number[] | null = null;
  private frame = 0;
  private onScreen = true;
  private observer: IntersectionObserver | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.observer = new IntersectionObserver((entries) => {
      this.onScreen = entries.some((e) => e.isIntersecting);
      this.loop();
    });
    this.observer.observe(this);
    this.loop();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Runs the frame loop while there is something to show and someone to see it. */
  private loop(): void {
    if (this.frame || !this.onScreen || !this.isConnected) return;
    const tick = () => {
      this.frame = 0;
      if (!this.onScreen || !this.isConnected) return;
      if (!this.paused) {
        // Before anything runs, a cart at rest with the pole upright.
        const s = this.source?.() ?? (this.lastDrawn ? null : REST);
        if (s && s !== this.lastDrawn) this.draw(s);
      }
      this.frame = requestAnimationFrame(tick);
    };
    this.frame = requestAnimationFrame(tick);
  }

  /** Draws one state now. */
  draw(state: readonly number[]): void {
    const ctx = this.canvas?.getContext('2d');
    if (!ctx) return;
    const dpr = Math.min(2, globalThis.devicePixelRatio || 1);
    if (this.canvas.width !== WIDTH * dpr) {
      this.canvas.width = WIDTH * dpr;
      this.canvas.height = HEIGHT * dpr;
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const style = getComputedStyle(this);
    const colour = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const text = colour('--text', '#222');
    const muted = colour('--muted', '#777');
    const accent = colour('--accent', '#36c');
    const [x, , theta] = state as [number, number, number, number];
    const scale = WIDTH / (2 * HALF_SPAN);
    const trackY = HEIGHT - 40;
    const cx = WIDTH / 2 + x * scale;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    // Track and its limits.
    ctx.strokeStyle = muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, trackY);
    ctx.lineTo(WIDTH, trackY);
    for (const edge of [-CARTPOLE.xThreshold, CARTPOLE.xThreshold]) {
      const ex = WIDTH / 2 + edge * scale;
      ctx.moveTo(ex, trackY - 8);
      ctx.lineTo(ex, trackY + 8);
    }
    ctx.stroke();
    // Cart.
    const cartW = 50;
    const cartH = 26;
    ctx.fillStyle = text;
    ctx.fillRect(cx - cartW / 2, trackY - cartH, cartW, cartH);
    // Pole: 2·halfLength metres long, θ measured from upright, positive leaning right.
    const len = 2 * CARTPOLE.halfLength * scale;
    const px = cx;
    const py = trackY - cartH;
    ctx.strokeStyle = Math.abs(theta) > CARTPOLE.thetaThreshold ? '#b2182b' : accent;
    ctx.lineWidth = 7;
    ctx.lineCap = 'round';
    ctx.beginPath();
    ctx.moveTo(px, py);
    ctx.lineTo(px + Math.sin(theta) * len, py - Math.cos(theta) * len);
    ctx.stroke();
    ctx.fillStyle = muted;
    ctx.beginPath();
    ctx.arc(px, py, 4, 0, 2 * Math.PI);
    ctx.fill();
    this.lastDrawn = state;
    this.framesDrawn++;
  }

  override render() {
    return html`<canvas role="img" aria-label="Cart-pole animation"></canvas>
      <div class="caption" aria-live="off">${this.caption}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-cartpole-view': VivaCartPoleView;
  }
}

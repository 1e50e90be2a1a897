// <viva-plot>: Plotly, loaded on first use (never in the first paint). Give it `traces` (and `axes`); every
// change is drawn with Plotly.react on the next animation frame, so a demo can feed it many times a second
// and it updates in place instead of re-creating the chart. Follows the light/dark theme.
//
// Example: <viva-plot .traces=${[{ type: 'line', x: steps, y: losses, name: 'loss' }]} .axes=${{ yLog: true }}>
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { THEME_EVENT } from '../notebook/theme';
import './data-table';
import { plotlyLayout, toPlotlyTraces, type PlotAxes, type PlotTheme, type PlotTrace } from './plot-spec';
import { describeTraces, tracesTable } from './plot-text';

type PlotlyModule = (typeof import('plotly.js-dist-min'))['default'];
let plotlyPromise: Promise<PlotlyModule> | null = null;

/** Plotly, imported once for the whole page. */
export function loadPlotly(): Promise<PlotlyModule> {
  plotlyPromise ??= import('plotly.js-dist-min').then((m) => m.default);
  return plotlyPromise;
}

function readTheme(el: Element): PlotTheme {
  const s = getComputedStyle(el);
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback;
  return {
    text: v('--text', '#222'),
    muted: v('--muted', '#666'),
    grid: v('--plot-grid', '#ddd'),
    background: v('--surface', '#fff'),
    accent: v('--accent', '#36c'),
  };
}

@customElement('viva-plot')
export class VivaPlot extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;

  @property({ attribute: false }) traces: PlotTrace[] = [];
  /** Compared by value, so a template may pass a fresh object literal on every render without redrawing. */
  @property({
    attribute: false,
    hasChanged: (a: PlotAxes, b: PlotAxes) => JSON.stringify(a) !== JSON.stringify(b),
  })
  axes: PlotAxes = {};
  @property() label = 'plot';
  /** Height in CSS pixels; the width follows the container. */
  @property({ type: Number }) height = 260;
  /** How many times Plotly has drawn this plot (tests use it to check updates happen in place). */
  drawCount = 0;
  private frame = 0;
  private drawing: Promise<void> = Promise.resolve();
  private resizeObserver: ResizeObserver | null = null;
  private readonly onTheme = () => this.schedule();

  // Plotly positions its hover layers with document-level CSS, so the chart lives in light DOM.
  protected override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(THEME_EVENT, this.onTheme);
    this.resizeObserver = new ResizeObserver(() => {
      if (this.drawCount > 0) void loadPlotly().then((P) => P.Plots.resize(this.chart));
    });
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(THEME_EVENT, this.onTheme);
    this.resizeObserver?.disconnect();
    cancelAnimationFrame(this.frame);
    if (this.drawCount > 0) void loadPlotly().then((P) => P.purge(this.chart));
  }

  override render() {
    return html`<div
        class="chart"
        role="figure"
        aria-label=${`${this.axes.title ?? this.label}. ${describeTraces(this.traces, this.axes)}`}
        style="width:100%;height:100%;min-height:220px"
      ></div>
      <viva-data-table .build=${() => tracesTable(this.traces, this.axes)}></viva-data-table>`;
  }

  protected override updated(): void {
    this.schedule();
  }

  private get chart(): HTMLElement {
    return this.querySelector('.chart') as HTMLElement;
  }

  /** Resolves after the latest requested drawing is on screen. */
  whenDrawn(): Promise<void> {
    return new Promise<void>((r) => requestAnimationFrame(() => r())).then(() => this.drawing);
  }

  private schedule(): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.drawing = this.draw();
    });
  }

  private async draw(): Promise<void> {
    const Plotly = await loadPlotly();
    const chart = this.chart;
    if (!chart || !this.isConnected) return;
    const layout = { ...plotlyLayout(this.axes, readTheme(this)), height: this.height };
    await Plotly.react(chart, toPlotlyTraces(this.traces), layout, {
      responsive: true,
      displaylogo: false,
      modeBarButtonsToRemove: ['lasso2d', 'select2d'],
    });
    this.drawCount++;
    adoptPlotlyStyles(this.getRootNode());
  }
}

const adopted = new WeakMap<ShadowRoot, { sheet: CSSStyleSheet; rules: number }>();

/**
 * Plotly writes its CSS (modebar, hover, cursors) into document.head, which does not reach a chart inside a
 * demo's shadow root; copy those rules into the shadow root (again whenever Plotly has added more).
 */
function adoptPlotlyStyles(root: Node): void {
  if (!(root instanceof ShadowRoot)) return;
  const rules: string[] = [];
  for (const style of document.head.querySelectorAll('style')) {
    if (!style.id.startsWith('plotly')) continue;
    for (const rule of style.sheet?.cssRules ?? []) rules.push(rule.cssText);
  }
  const entry = adopted.get(root);
  if (entry && entry.rules === rules.length) return;
  const sheet = entry?.sheet ?? new CSSStyleSheet();
  sheet.replaceSync(rules.join('\n'));
  if (!entry) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  adopted.set(root, { sheet, rules: rules.length });
}

declare global {
  interface HTMLElementTagNameMap {
    'viva-plot': VivaPlot;
  }
}

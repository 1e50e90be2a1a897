// <viva-graph-view>'s styles: theme colours only through the shared CSS variables, so both themes work.
import { css } from 'lit';
import { toolbarStyles } from '../../ui/demo-styles';

export const graphViewStyles = [
  toolbarStyles,
  css`
    :host {
      display: block;
      max-width: 100%;
      overflow: hidden;
    }
    .tools button {
      min-width: 2rem;
    }
    .tools .hint {
      color: var(--muted);
      font-size: 0.8rem;
    }
    .viewport {
      border: 1px solid var(--border);
      border-radius: 6px;
      cursor: grab;
      touch-action: pan-y;
      overflow: hidden;
    }
    .viewport:focus-visible {
      outline: 2px solid var(--focus);
      outline-offset: 2px;
    }
    :host([stale]) svg {
      opacity: 0.35;
    }
    svg {
      display: block;
      font: 11px var(--mono);
      user-select: none;
    }
    .node rect {
      fill: var(--surface);
      stroke: var(--border);
      stroke-width: 1.2;
    }
    .node.var rect {
      fill: var(--surface-2);
    }
    .node.active rect {
      stroke: var(--accent);
      stroke-width: 3;
    }
    .node.input rect {
      stroke: var(--focus);
      stroke-width: 2.5;
    }
    .node.saturated rect {
      stroke: var(--warn);
      stroke-width: 2.5;
      stroke-dasharray: 5 3;
    }
    .sat {
      fill: var(--warn);
      font-size: 10px;
    }
    .op {
      font-weight: 700;
      fill: var(--text);
    }
    .value {
      fill: var(--text);
    }
    .grad {
      fill: var(--error);
    }
    .grad.partial {
      fill: var(--warn);
    }
    .pending {
      fill: var(--muted);
    }
    path.edge {
      fill: none;
      stroke: var(--muted);
      stroke-width: 1.2;
    }
    path.edge.hot {
      stroke: var(--accent);
      stroke-width: 2.8;
    }
  `,
];

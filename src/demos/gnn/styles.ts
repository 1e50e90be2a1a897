// The GNN cell's own styles, after the shared demoStyles: the two faction colours (the theme's accent and
// warning colours, so both themes work), the club graph and embedding SVGs, and the panels' layout. SVGs
// scale to their column, so nothing is wider than a 390 px screen.
import { css } from 'lit';
import { demoStyles } from '../../ui/demo-styles';

export const gnnStyles = [
  demoStyles,
  css`
    .panels {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 300px), 1fr));
      gap: 0.8rem;
      align-items: start;
    }
    svg.club-graph,
    svg.embedding {
      width: 100%;
      height: auto;
      display: block;
      font: 8px var(--mono);
    }
    svg.embedding {
      max-width: 300px;
    }
    .edge {
      stroke: var(--muted);
      opacity: 0.7;
    }
    .member {
      cursor: pointer;
    }
    .member text {
      fill: var(--text);
      text-anchor: middle;
      pointer-events: none;
    }
    .node {
      stroke-width: 3;
    }
    .node.f0,
    .swatch.f0,
    .wl-0 {
      fill: var(--accent);
    }
    .node.f1,
    .swatch.f1,
    .wl-1 {
      fill: var(--warn);
    }
    .node.unknown {
      fill: var(--surface-2);
    }
    .node.true-f0 {
      stroke: var(--accent);
    }
    .node.true-f1 {
      stroke: var(--warn);
    }
    .member .node {
      fill-opacity: 0.55;
    }
    circle.labelled {
      fill: none;
      stroke: var(--text);
      stroke-dasharray: 3 2;
    }
    .member.selected .node {
      stroke: var(--focus);
      stroke-width: 5;
    }
    .boundary,
    .frame {
      stroke: var(--border);
      fill: none;
    }
    .axis {
      fill: var(--muted);
    }
    .swatch {
      display: inline-block;
      width: 0.8em;
      height: 0.8em;
      border-radius: 50%;
    }
    .swatch.f0 {
      background: var(--accent);
    }
    .swatch.f1 {
      background: var(--warn);
    }
    .wl {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .wl figure {
      margin: 0;
      width: 110px;
      font: 0.72rem var(--mono);
      color: var(--muted);
    }
    .wl svg {
      width: 100%;
    }
    .wl line {
      stroke: var(--muted);
    }
    .wl-2 {
      fill: var(--ok);
    }
    .wl-3 {
      fill: var(--error);
    }
    .edit select {
      max-width: 9rem;
    }
  `,
];

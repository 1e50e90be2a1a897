// Styles of the Vision Transformer cell, on top of the shared demo styles: pixel grids with patch lines, the
// token strip, attention tiles, and the plot grid.
import { css } from 'lit';
import { demoStyles } from '../../ui/demo-styles';

export const vitStyles = [
  demoStyles,
  css`
    .pixels {
      position: relative;
      display: inline-grid;
      border: 1px solid var(--border);
    }
    .pixels i {
      display: block;
    }
    .patch-lines {
      position: absolute;
      inset: 0;
      pointer-events: none;
      background-image:
        linear-gradient(to right, var(--accent) 1px, transparent 1px),
        linear-gradient(to bottom, var(--accent) 1px, transparent 1px);
      background-size: var(--grid) var(--grid);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-start;
    }
    .tokens {
      display: flex;
      flex-wrap: wrap;
      gap: 3px;
      list-style: none;
      padding: 0;
      margin: 0.4rem 0;
      max-width: 46rem;
    }
    .token {
      display: flex;
      flex-direction: column;
      align-items: center;
      font-size: 0.7rem;
      color: var(--muted);
    }
    .cls-box {
      display: grid;
      place-items: center;
      width: 24px;
      height: 24px;
      font-size: 0.55rem;
      border: 1px solid var(--accent);
      color: var(--text);
    }
    .plots {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 0.5rem;
    }
    .attention-tile {
      margin: 0;
      display: grid;
      grid-template-columns: auto 80px;
      gap: 0.3rem;
      font-size: 0.8rem;
    }
    .attention-tile figcaption {
      grid-column: 1 / -1;
    }
    viva-heatmap.rollout {
      width: 80px;
    }
    viva-heatmap.similarity {
      max-width: 18rem;
    }
    .numbers {
      font: 0.85rem var(--mono);
    }
  `,
];

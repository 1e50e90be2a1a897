// Styles of the grid world's part (grid-view.ts): the grid of cell buttons, the Bellman caption, the controls
// beside them.
import { css } from 'lit';

export const gridStyles = css`
  .layout {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: flex-start;
  }
  .layout > * {
    min-width: 0;
    max-width: 100%;
  }
  .side {
    flex: 1 1 16rem;
    min-width: 0;
  }
  .grid {
    display: grid;
    gap: 2px;
    width: max-content;
    max-width: 100%;
  }
  /* Square cells of up to 2.4rem that shrink with a narrow panel (8 columns fit a 390 px screen). */
  .grid button.cell {
    width: 100%;
    min-width: 0;
    aspect-ratio: 1;
    height: auto;
    padding: 0;
    border-radius: 4px;
    position: relative;
    font-size: 1.05rem;
    line-height: 1;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
  }
  .cell .q {
    font: 0.55rem var(--mono);
    color: var(--muted);
  }
  .cell.wall {
    background: var(--text) !important;
  }
  .cell.goal .glyph {
    color: #1a7f37;
  }
  .cell.pit .glyph {
    color: #b2182b;
  }
  .cell.agent::after {
    content: '';
    position: absolute;
    inset: 3px;
    border: 2px solid var(--accent);
    border-radius: 50%;
  }
  .cell.start {
    outline: 2px dashed var(--muted);
    outline-offset: -3px;
  }
  .cell.path .arrow {
    color: var(--accent);
    font-weight: 700;
  }
  viva-settings.layout-settings {
    --settings-min: 100%;
  }
  viva-settings.grid-settings {
    --settings-min: 10rem;
  }
  .bellman {
    font: 0.8rem var(--mono);
    background: var(--surface-2);
    border: 1px solid var(--border);
    border-radius: 6px;
    padding: 0.4rem 0.6rem;
    margin: 0.4rem 0;
    min-height: 2.6rem;
    white-space: pre-wrap;
  }
  .stats {
    font: 0.8rem var(--mono);
    color: var(--muted);
  }
  .legend {
    font-size: 0.78rem;
    color: var(--muted);
  }
  .unreachable {
    color: var(--error);
    font-size: 0.82rem;
    margin: 0.3rem 0;
  }
`;

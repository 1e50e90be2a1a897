// The diffusion cell's styles: its three sections, their controls, plots and the quality table.
import { css } from 'lit';
import { toolbarStyles } from '../../ui/demo-styles';

export const sectionStyles = css`
  :host {
    display: block;
    --settings-min: 11rem;
  }
  h4 {
    margin: 1rem 0 0.4rem;
    font-size: 0.95rem;
  }
  .controls {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0 1rem;
    align-items: end;
  }
  .sample .controls {
    grid-template-columns: minmax(0, 2fr) minmax(11rem, 1fr);
  }
  ${toolbarStyles}
  .stats {
    font: 0.8rem var(--mono);
    color: var(--muted);
  }
  .error {
    color: var(--error);
    font-size: 0.85rem;
  }
  .plots {
    display: grid;
    grid-template-columns: 1fr 1fr;
    gap: 0.5rem;
  }
  @media (max-width: 700px) {
    .plots,
    .sample .controls {
      grid-template-columns: 1fr;
    }
  }
  table.quality {
    font: 0.8rem var(--mono);
    color: var(--muted);
    border-collapse: collapse;
    margin: 0.3rem 0;
  }
  .quality caption {
    text-align: left;
    color: var(--text);
    font-family: var(--font);
  }
  .quality th,
  .quality td {
    padding: 0.1rem 0.5rem;
    text-align: right;
    font-weight: normal;
  }
  .quality tbody th {
    text-align: left;
  }
  .quality .row-latest {
    color: var(--text);
  }
`;

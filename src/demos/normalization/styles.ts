// The normalization cell's styles: the editable grid's (gridStyles) and the demo's (demoStyles).
import { css } from 'lit';

const buttons = css`
  button {
    font: inherit;
    color: var(--text);
    background: var(--surface-2);
    border: 1px solid var(--border);
    border-radius: 6px;
    padding: 0.2rem 0.6rem;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }
`;

export const gridStyles = [
  buttons,
  css`
    :host {
      display: block;
      font-size: 0.85rem;
    }
    .bar {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: end;
    }
    .bar button {
      margin-bottom: 0.4rem;
    }
    .bar viva-settings {
      flex: 1 1 24rem;
      --settings-min: 14rem;
    }
    .hint {
      color: var(--muted);
      margin: 0.2rem 0 0.4rem;
    }
    .grids {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: start;
    }
    table {
      border-collapse: collapse;
      font: 0.8rem var(--mono);
    }
    th {
      color: var(--muted);
      font-weight: normal;
      padding: 0.1rem 0.3rem;
    }
    td {
      padding: 0.1rem;
      text-align: right;
      border: 1px solid transparent;
    }
    td.hl {
      background: color-mix(in srgb, var(--accent) 22%, transparent);
      border-color: var(--accent);
    }
    td.stat.hl {
      color: var(--text); /* muted text on the highlight falls just under 4.5:1 in the light theme */
    }
    td.out {
      min-width: 3.2rem;
      padding: 0.25rem 0.35rem;
    }
    td.stat {
      color: var(--muted);
      font-size: 0.75rem;
      text-align: right;
      white-space: nowrap;
      padding: 0.15rem 0.3rem;
    }
    input.cell {
      /* Narrower on a phone, so the batch fits a 390 px screen beside its row statistics. */
      width: clamp(2.7rem, 11vw, 3.4rem);
      font: inherit;
      text-align: right;
      color: var(--text);
      background: var(--bg);
      border: 1px solid var(--border);
      border-radius: 4px;
      padding: 0.15rem 0.25rem;
    }
    .error {
      color: var(--error);
      min-height: 1.1em;
      margin: 0.3rem 0;
    }
    .running {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .stats-line {
      font: 0.75rem var(--mono);
      color: var(--muted);
    }
  `,
];

export const normalizationStyles = css`
  :host {
    display: block;
  }
  h4 {
    margin: 1rem 0 0.4rem;
    font-size: 0.95rem;
  }
  viva-settings {
    gap: 0 1rem;
  }
  .plots {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.2rem;
  }
  h5 {
    margin: 0.6rem 0 0;
    font-size: 0.85rem;
    font-weight: 600;
  }
  .stats {
    font: 0.8rem var(--mono);
    color: var(--muted);
  }
  .why p {
    font-size: 0.88rem;
    line-height: 1.45;
  }
`;

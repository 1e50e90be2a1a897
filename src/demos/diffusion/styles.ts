// Styles shared by the diffusion cell's sections.
import { css } from 'lit';

export const sectionStyles = css`
  :host {
    display: block;
  }
  .controls {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0 1rem;
    align-items: end;
  }
  .row {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
    margin: 0.4rem 0;
  }
  button {
    font: inherit;
    color: var(--text);
    background: var(--surface-2);
    border: 1px solid var(--border);
    border-radius: 6px;
    padding: 0.2rem 0.6rem;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
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
    .plots {
      grid-template-columns: 1fr;
    }
  }
`;

// Styles shared by the diffusion cell's sections.
import { css } from 'lit';
import { toolbarStyles } from '../../ui/demo-styles';

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
    .plots {
      grid-template-columns: 1fr;
    }
  }
`;

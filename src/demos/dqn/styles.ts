// Styles shared by the DQN cell's parts: toolbar rows and buttons (from src/ui/demo-styles.ts), focus, errors.
import { css } from 'lit';
import { toolbarStyles } from '../../ui/demo-styles';

export const buttonStyles = css`
  ${toolbarStyles}
  button:focus-visible {
    outline: 2px solid var(--accent);
    outline-offset: 1px;
  }
  .error {
    color: var(--error);
    font-size: 0.8rem;
  }
`;

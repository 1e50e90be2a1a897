// Styles of the transformer cell, on top of the shared demo styles.
import { css } from 'lit';
import { demoStyles } from '../../ui/demo-styles';

export const transformerStyles = [
  demoStyles,
  css`
    .controls {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: 0 1rem;
      align-items: end;
    }
    input.test-input {
      width: 8rem;
    }
    .error {
      min-height: 1em;
    }
    .run-message {
      font-size: 0.85rem;
    }
    .plots {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr));
      gap: 0.5rem;
    }
    .maps {
      display: grid;
      gap: 0.6rem 1rem;
      overflow-x: auto;
    }
    .answer {
      font: 0.95rem var(--mono);
    }
  `,
];

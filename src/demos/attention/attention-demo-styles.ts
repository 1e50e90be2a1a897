// Styles of the attention cell, on top of the shared demo styles (kept apart so attention-demo.ts stays
// about behaviour).
import { css } from 'lit';
import { demoStyles } from '../../ui/demo-styles';

export const attentionStyles = [
  demoStyles,
  css`
    .error {
      min-height: 1em;
    }
    viva-settings.sentence {
      --settings-min: 100%;
    }
    viva-settings.attention {
      --settings-min: 9.5rem;
      align-items: end;
    }
    .main {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-start;
      margin-top: 0.4rem;
    }
    .main > .plane {
      flex: 0 1 15rem;
    }
    .main > .weights {
      flex: 1 1 16rem;
      min-width: 0;
    }
    .output {
      font: 0.78rem var(--mono);
      color: var(--muted);
      margin: 0.3rem 0;
    }
    .heads {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-top: 0.4rem;
    }
    button.head {
      padding: 0.3rem;
    }
    button.head.selected {
      border-color: var(--accent);
      box-shadow: 0 0 0 1px var(--accent);
    }
    .matrices {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      margin-top: 0.6rem;
    }
  `,
];

// The backprop cell's own styles, after the shared demo styles.
import { css } from 'lit';
import { demoStyles } from '../../ui/demo-styles';

export const backpropStyles = [
  demoStyles,
  css`
    :host {
      display: block;
    }
    h4 {
      margin: 1rem 0 0.4rem;
      font-size: 0.95rem;
    }
    .expr-row {
      align-items: end;
    }
    viva-settings.expr {
      flex: 1 1 16rem;
      --settings-min: 16rem;
      font-family: var(--mono);
    }
    viva-settings.speed {
      flex: 0 1 14rem;
    }
    viva-settings.mlp-settings {
      --settings-min: 11rem;
    }
    .vars {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
      gap: 0 1rem;
    }
    .step-text {
      font: 0.82rem var(--mono);
      background: var(--surface-2);
      border-radius: 6px;
      padding: 0.4rem 0.6rem;
      min-height: 2.6rem;
      white-space: pre-wrap;
    }
    .table-scroll {
      max-width: 100%;
      overflow-x: auto;
    }
    .stale-note {
      border-left: 3px solid var(--warn);
      padding: 0.3rem 0.6rem;
      margin: 0.4rem 0;
      background: var(--surface-2);
    }
    .results.stale .step-text,
    .results.stale .check,
    .results.stale .largest {
      opacity: 0.45;
    }
    .saturation,
    .sat-mark {
      color: var(--warn);
    }
    .plots {
      display: grid;
      align-items: start;
      grid-template-columns: 1fr 1fr;
      gap: 0.5rem;
    }
    @media (max-width: 700px) {
      .plots {
        grid-template-columns: 1fr;
      }
    }
  `,
];

// Styles of the vanishing-gradient cell: the two configuration boxes, the shared settings, verdicts, plots.
import { css } from 'lit';

export const vanishingStyles = css`
  :host {
    display: block;
  }
  .configs {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
    gap: 0.6rem;
  }
  .net {
    border: 1px solid var(--border);
    border-radius: 8px;
    padding: 0.3rem 0.6rem 0.4rem;
  }
  .net h5 {
    margin: 0.2rem 0;
    font-size: 0.9rem;
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .swatch {
    width: 0.8rem;
    height: 0.8rem;
    border-radius: 2px;
    display: inline-block;
  }
  viva-settings.shape {
    --settings-min: 100%;
  }
  viva-settings.pair {
    --settings-min: 6rem;
    align-items: end;
  }
  viva-settings.shared {
    --settings-min: 12rem;
    gap: 0 1rem;
    align-items: start;
    margin-top: 0.4rem;
  }
  .note {
    font-size: 0.78rem;
    color: var(--muted);
    margin: 0.4rem 0;
  }
  .verdicts {
    list-style: none;
    padding: 0;
    margin: 0.5rem 0;
    font-size: 0.85rem;
  }
  .verdict {
    margin: 0.2rem 0;
    padding-left: 0.5rem;
    border-left: 4px solid var(--border);
  }
  .verdict.a {
    border-left-color: #d6604d;
  }
  .verdict.b {
    border-left-color: #2b83ba;
  }
  .verdict.vanishing,
  .verdict.exploding,
  .verdict.overflow {
    font-weight: 600;
  }
  .diverged {
    color: var(--error);
    font-size: 0.85rem;
    margin: 0.3rem 0;
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
`;

import { css } from 'lit';

/** Styles shared by the controls (they read the theme's CSS variables, which cross shadow roots). */
export const controlStyles = css`
  :host {
    display: block;
    font: 0.9rem var(--font);
    color: var(--text);
    margin: 0.35rem 0;
  }
  label,
  .label {
    display: block;
    font-size: 0.82rem;
    color: var(--muted);
    margin-bottom: 0.15rem;
  }
  .row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  input.number,
  input.text,
  select {
    font: inherit;
    color: inherit;
    background: var(--bg);
    border: 1px solid var(--border);
    border-radius: 6px;
    padding: 0.15rem 0.35rem;
  }
  input.text {
    width: 100%;
    box-sizing: border-box;
  }
  /* A long option label must not push the select past its column (narrow screens, two-column settings). */
  select {
    max-width: 100%;
  }
  input.number {
    width: 5.5rem;
    flex: 0 0 auto;
  }
  input[type='range'] {
    flex: 1 1 auto;
    min-width: 3rem;
    width: 100%;
  }
  input[aria-invalid='true'] {
    border-color: var(--error);
  }
  .message {
    color: var(--error);
    font-size: 0.8rem;
    margin-top: 0.15rem;
  }
  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }
  /* Reduced motion (issue 15): no animated transitions or looping animations. */
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      transition: none !important;
      animation: none !important;
    }
  }
`;

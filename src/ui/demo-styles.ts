// The one module of styles shared by demos (every demo folder composes these; a demo's own styles stay in its
// folder under their own name): toolbarStyles for parts that style everything else themselves, demoStyles for
// the rest. The controls in src/ui/controls have their own (controlStyles).
import { css } from 'lit';

/** How a button, select or text field looks (declarations only, interpolated below). */
const controlLook = css`
  font: inherit;
  color: var(--text);
  background: var(--surface-2);
  border: 1px solid var(--border);
  border-radius: 6px;
  padding: 0.2rem 0.6rem;
`;

/** Toolbar rows and buttons alone, for demo parts that bring their own styles for everything else. */
export const toolbarStyles = css`
  .row {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
    margin: 0.4rem 0;
  }
  button {
    ${controlLook}
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
`;

/**
 * Styles every demo shares: toolbars, buttons, text inputs, error and hint lines, small number tables,
 * figures. A demo adds its own after these: `static styles = [demoStyles, css`…`]`.
 */
export const demoStyles = css`
  :host {
    display: block;
  }
  ${toolbarStyles}
  select,
  input.text {
    ${controlLook}
  }
  input.text {
    background: var(--bg);
  }
  input[aria-invalid='true'] {
    border-color: var(--error);
  }
  :focus-visible {
    outline: 2px solid var(--focus);
    outline-offset: 1px;
  }
  label {
    display: block;
    font-size: 0.82rem;
    color: var(--muted);
  }
  .error {
    color: var(--error);
    font-size: 0.82rem;
    margin: 0.2rem 0;
  }
  .hint,
  .stats {
    color: var(--muted);
    font-size: 0.8rem;
  }
  .stats {
    font-family: var(--mono);
  }
  .ok {
    color: var(--ok);
  }
  .bad {
    color: var(--error);
  }
  h4 {
    margin: 0.8rem 0 0.3rem;
    font-size: 0.9rem;
  }
  table {
    border-collapse: collapse;
    font: 0.8rem var(--mono);
    width: 100%;
  }
  th,
  td {
    text-align: right;
    padding: 0.15rem 0.4rem;
    border-bottom: 1px solid var(--border);
  }
  th:first-child,
  td:first-child {
    text-align: left;
  }
  figure {
    margin: 0;
  }
  figcaption {
    font-size: 0.78rem;
    color: var(--muted);
    text-align: center;
    margin-bottom: 0.2rem;
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

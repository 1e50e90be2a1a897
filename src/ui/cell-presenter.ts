// Two ways to reach a cell's demo: the presenter view (the panel takes the whole window in large type, for
// explaining to someone; Esc or the button returns) and, on narrow screens where the demo stacks under the
// answer, a "Jump to the demo" button at the top of the cell.
import { scrollCellIntoView } from './scroll-to-cell';

/** Marks the page while a demo is presented (it stops the notebook scrolling behind the panel). */
export function markPresenting(on: boolean): void {
  document.documentElement.classList.toggle('presenting', on);
}

/** Moves focus after the view changes: into the panel when presenting, back to the button after. */
export function focusAfterPresent(cell: HTMLElement, on: boolean): void {
  const target = cell.querySelector<HTMLElement>(on ? '.demo-panel' : 'button.present');
  target?.focus({ preventScroll: !on });
  if (!on) scrollCellIntoView(cell);
}

/** Scrolls the cell's demo panel into view and focuses it. */
export function jumpToDemo(cell: HTMLElement): void {
  const panel = cell.querySelector<HTMLElement>('.demo-panel');
  panel?.scrollIntoView({ block: 'start' });
  panel?.focus({ preventScroll: true });
}

// Scrolls a cell to the top of the view when the cells above it may still change height: explanations off
// screen skip rendering (content-visibility: auto) and are sized by an estimate until first drawn, so one
// scroll can land short once the sections it passed are drawn. Scrolls again on the next few frames, until
// the user scrolls, clicks or types.
const USER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/** Scrolls `cell` into view and keeps it there for `frames` frames; returns a function that stops early. */
export function scrollCellIntoView(cell: HTMLElement, frames = 8): () => void {
  let stopped = false;
  const stop = () => {
    stopped = true;
    for (const type of USER_INPUT) removeEventListener(type, stop, true);
  };
  for (const type of USER_INPUT) addEventListener(type, stop, { capture: true, passive: true });
  let left = frames;
  const align = () => {
    if (stopped) return;
    cell.scrollIntoView({ block: 'start' });
    if (--left > 0) requestAnimationFrame(align);
    else stop();
  };
  align();
  return stop;
}

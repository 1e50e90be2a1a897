// How the diffusion cell's loops give the page its turn.

/** Resolves in a new macrotask (MessageChannel: no 4 ms clamp as with setTimeout). */
export const macrotask = (): Promise<void> =>
  new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(0);
  });

let lastFrame = 0;
/** The longest the page may go without an animation frame while this cell computes, ms. */
const FRAME_GAP_MS = 50;

/**
 * Yields to the event loop: to the next animation frame when the last was ≥ 50 ms ago (so the page paints
 * at ~20 fps or better), else with a macrotask, which does not sit idle waiting for a frame. Measured in
 * headless Chromium here: yielding a frame every 10 ms slice left the page idle ~30% of a training run,
 * while macrotasks alone starved painting for seconds.
 */
export const yieldTask = (): Promise<void> => {
  const doc = (globalThis as { document?: Document }).document;
  const now = performance.now();
  if (!doc || doc.hidden || typeof requestAnimationFrame !== 'function' || now - lastFrame < FRAME_GAP_MS)
    return macrotask();
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      lastFrame = performance.now();
      resolve();
    }),
  );
};

// How the diffusion worker (worker.ts) gives its event loop a turn between slices. The page's loops use
// src/runtime/loop.ts; this file goes once worker.ts does too (loop.ts' yieldFrame is a macrotask in a worker).

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

// A lost GPU context ends a cell's run: work waiting on the GPU would never get its numbers back. The watch
// aborts the run and rejects `lost` with a message saying what happened and what to do.
import { computeRuntime } from '../runtime/compute';

export interface ContextLossWatch {
  /** Rejects (never resolves) when the context is lost; already handled, so it can be raced or dropped. */
  lost: Promise<never>;
  /** The message, once the context was lost ('' before). */
  message(): string;
  off(): void;
}

export function watchContextLoss(controller: AbortController): ContextLossWatch {
  let message = '';
  let off: () => void = () => undefined;
  const lost = new Promise<never>((_, reject) => {
    off = computeRuntime().onContextLost((b) => {
      message = `The ${b} context was lost during the run; the page moves to another backend: run again.`;
      controller.abort();
      reject(new Error(message));
    });
  });
  lost.catch(() => undefined);
  return { lost, message: () => message, off: () => off() };
}

// Which tfjs backend the transformer trains on. "auto" keeps the page's backend unless that is a GPU
// backend drawn by a software renderer (SwiftShader, llvmpipe: headless and GPU-less machines), where a
// ~200-kernel training step is far slower than on WASM (measured here: ~5 s per step on WebGPU/SwiftShader,
// ~0.9 s on WebGL/SwiftShader, ~0.1 s on WASM; DESIGN.md, "Runtime"). The choice switches tfjs' global
// backend for the run and switches back afterwards, so the rest of the page keeps its backend.
import { isSoftwareRenderer, type BackendName } from '../../runtime/backend-choice';
import { createTfHost, type Tf } from '../../runtime/tf-host';

export const ENGINE_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

export interface EnginePick {
  backend: BackendName;
  reason: string;
}

export { isSoftwareRenderer };

/** The backend to train on, and why. */
export function pickEngine(choice: EngineChoice, page: BackendName, renderer: string | null): EnginePick {
  if (choice !== 'auto') return { backend: choice, reason: 'chosen' };
  if ((page === 'webgpu' || page === 'webgl') && isSoftwareRenderer(renderer))
    return {
      backend: 'wasm',
      reason: `auto: the page's ${page} runs on a software renderer (${renderer}), where WASM is much faster`,
    };
  return { backend: page, reason: "auto: the page's backend" };
}

let holders = 0;

/**
 * Runs `fn` with tfjs switched to `backend` (loading it if needed), then switches back to `page` once no
 * other call of this function is still running (training and a prediction can overlap). Throws naming the
 * backend when it cannot be used here.
 */
export async function onBackend<T>(
  tf: Tf,
  backend: BackendName,
  page: BackendName,
  fn: () => Promise<T>,
): Promise<T> {
  if (tf.getBackend() !== backend && !(await createTfHost(tf).activate(backend))) {
    if (holders === 0 && tf.getBackend() !== page) await tf.setBackend(page);
    throw new Error(`The ${backend} backend is not available in this browser; choose another engine.`);
  }
  holders++;
  try {
    return await fn();
  } finally {
    holders--;
    if (holders === 0 && tf.getBackend() !== page) await tf.setBackend(page);
  }
}

// Which tfjs backend the transformer's worker trains on. "auto" takes the page's backend: the one forced by
// `?backend=`, else the one the page chose (when tfjs has loaded on the page for another demo; otherwise
// the worker chooses by the page's own rules), unless that is a GPU backend drawn by a software renderer
// (SwiftShader, llvmpipe: headless and GPU-less machines), where a ~200-kernel training step is far slower
// than on WASM (measured here: ~5 s per step on WebGPU/SwiftShader, ~0.9 s on WebGL/SwiftShader, ~0.1 s on
// WASM; DESIGN.md, "Runtime"). The worker starts from this pick and reports the backend it actually uses
// (src/runtime/worker-backend.ts).
import { isSoftwareRenderer, type BackendName } from '../../runtime/backend-choice';
import type { BackendRequest } from '../../runtime/worker-backend';

export const ENGINE_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type EngineChoice = (typeof ENGINE_CHOICES)[number];

export interface EnginePick {
  /** null: no preference, the worker chooses as the page would. */
  backend: BackendName | null;
  reason: string;
}

export { isSoftwareRenderer };

/** The backend to train on, and why. */
export function pickEngine(
  choice: EngineChoice,
  page: BackendName | null,
  renderer: string | null,
  forced: BackendName | null = null,
): EnginePick {
  if (choice !== 'auto') return { backend: choice, reason: 'chosen' };
  if (forced) return { backend: forced, reason: 'auto: the backend forced by ?backend=' };
  if (page === null) return { backend: null, reason: "auto: chosen in the worker by the page's rules" };
  if ((page === 'webgpu' || page === 'webgl') && isSoftwareRenderer(renderer))
    return {
      backend: 'wasm',
      reason: `auto: the page's ${page} runs on a software renderer (${renderer}), where WASM is much faster`,
    };
  return { backend: page, reason: "auto: the page's backend" };
}

/** What the worker is asked for: a chosen engine only; "auto" falls back if its pick fails there. */
export function backendRequest(choice: EngineChoice, pick: EnginePick): BackendRequest {
  return { backend: pick.backend, strict: choice !== 'auto' };
}

/** The engine line's reason once the worker has said which backend it uses. */
export function workerReason(pick: EnginePick, actual: BackendName): string {
  if (actual === pick.backend || pick.backend === null) return `${pick.reason}; in a worker`;
  return `${pick.reason}; ${pick.backend} did not start in the worker, so ${actual}`;
}

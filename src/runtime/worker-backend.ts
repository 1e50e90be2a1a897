// tfjs in a worker picks its backend as the page does (tf-host.ts: each backend loaded lazily, the WASM
// files' URLs set, a known-answer check before it is accepted), starting from the backend the page asks
// for: the page's chosen or forced backend, or the one the user chose. WebGL runs on an OffscreenCanvas
// and WebGPU on the worker's navigator.gpu where the browser offers them. A GPU backend the worker fell
// back to that runs on a software renderer gives way to WASM, as on the page. Worker (or browser) only.
//
// Example: const { tf, info } = await useWorkerBackend({ backend: 'wasm', strict: false }); info.backend;
import {
  backendOrder,
  chooseBackend,
  preferWasmOver,
  type BackendAttempt,
  type BackendName,
} from './backend-choice';
import { createTfHost, gpuRenderer, loadTf, type Tf } from './tf-host';

export interface BackendRequest {
  /** The backend to try first; null: the page's order (WebGPU, WebGL, WASM, CPU). */
  backend: BackendName | null;
  /** Only that one (the user chose it); otherwise fall back through the usual order. */
  strict: boolean;
}

/** Which backend a worker actually uses, and how it got there. */
export interface WorkerBackendInfo {
  backend: BackendName;
  requested: BackendName | null;
  /** The GPU's name for a GPU backend, where the browser tells it. */
  renderer: string | null;
  attempts: BackendAttempt[];
}

/** The order a worker tries backends in for `request`. */
export function workerBackendOrder(request: BackendRequest): BackendName[] {
  if (request.strict && request.backend) return [request.backend];
  return backendOrder(request.backend);
}

let active: { key: string; ready: Promise<{ tf: Tf; info: WorkerBackendInfo }> } | null = null;

/** tfjs with a verified backend for `request` active; the same request again reuses it. */
export function useWorkerBackend(request: BackendRequest): Promise<{ tf: Tf; info: WorkerBackendInfo }> {
  const key = `${request.backend}/${request.strict}`;
  if (active?.key !== key) {
    const ready = choose(request);
    active = { key, ready };
    ready.catch(() => {
      if (active?.ready === ready) active = null; // try again on the next request
    });
  }
  return active.ready;
}

async function choose(request: BackendRequest): Promise<{ tf: Tf; info: WorkerBackendInfo }> {
  const tf = await loadTf();
  const host = createTfHost(tf);
  let choice;
  try {
    choice = await chooseBackend(host, workerBackendOrder(request));
  } catch (e) {
    if (!request.strict) throw e;
    const message = e instanceof Error ? e.message : String(e);
    const why = /^no compute backend works here \((.*)\)$/.exec(message)?.[1] ?? message;
    throw new Error(
      `The ${request.backend} backend is not available in this browser's workers (${why}); choose another engine.`,
    );
  }
  let { name, attempts } = choice;
  let renderer = await gpuRenderer(tf, name);
  if (name !== request.backend && preferWasmOver(name, renderer, null)) {
    const wasm = await chooseBackend(host, ['wasm']).catch(() => null);
    if (wasm) {
      const skipped = { name, ok: false, reason: `software renderer (${renderer}): slower than WASM` };
      attempts = [...attempts.slice(0, -1), skipped, ...wasm.attempts];
      name = 'wasm';
      renderer = null;
    } else await host.activate(name);
  }
  return { tf, info: { backend: name, requested: request.backend, renderer, attempts } };
}

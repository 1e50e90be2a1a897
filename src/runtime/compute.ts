// The compute runtime: one per page. Nothing loads until a demo calls ensure(); then tfjs is imported, a
// backend chosen and verified, and listeners (the header) told. A GPU backend that runs on a software
// renderer (no GPU: SwiftShader, llvmpipe) is passed over for WASM. On WebGL context loss it chooses again
// without WebGL. `?backend=cpu|wasm|webgl|webgpu` in the page URL forces a backend.
//
// Example: const tf = await compute.ensure(); // tfjs, with a verified backend active
import {
  backendOrder,
  chooseBackend,
  isBackendName,
  preferWasmOver,
  type BackendAttempt,
  type BackendName,
} from './backend-choice';
import { createTfHost, gpuRenderer, loadTf, webglCanvas, type Tf } from './tf-host';

export interface ComputeState {
  status: 'idle' | 'loading' | 'ready' | 'failed';
  backend: BackendName | null;
  renderer: string | null;
  /** The software renderer a GPU backend would have drawn on, when WASM was taken instead (else null). */
  softwareGpu: string | null;
  forced: BackendName | null;
  attempts: BackendAttempt[];
  error: string | null;
}

type Listener = (state: ComputeState) => void;

export class ComputeRuntime {
  private current: ComputeState;
  private readonly listeners = new Set<Listener>();
  private ready: Promise<Tf> | null = null;
  private readonly broken: BackendName[] = [];
  private readonly lostListeners = new Set<(backend: BackendName) => void>();

  constructor(forced: BackendName | null) {
    this.current = {
      status: 'idle',
      backend: null,
      renderer: null,
      softwareGpu: null,
      forced,
      attempts: [],
      error: null,
    };
  }

  get state(): ComputeState {
    return this.current;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }

  /**
   * Called when the GPU context is lost (the page then moves to the next backend): a run in progress on it will
   * never get its numbers back, so the cell ends it with a message (issue 15).
   */
  onContextLost(listener: (backend: BackendName) => void): () => void {
    this.lostListeners.add(listener);
    return () => this.lostListeners.delete(listener);
  }

  /** tfjs with a verified backend active; loads everything on the first call. */
  ensure(): Promise<Tf> {
    this.ready ??= this.select();
    return this.ready;
  }

  private set(patch: Partial<ComputeState>): void {
    this.current = { ...this.current, ...patch };
    for (const l of this.listeners) l(this.current);
  }

  private async select(): Promise<Tf> {
    this.set({ status: 'loading', error: null });
    try {
      const tf = await loadTf();
      const host = createTfHost(tf);
      const choice = await chooseBackend(host, backendOrder(this.current.forced, this.broken));
      const renderer = await gpuRenderer(tf, choice.name);
      if (preferWasmOver(choice.name, renderer, this.current.forced)) {
        const wasm = await chooseBackend(host, ['wasm']).catch(() => null);
        if (wasm) {
          const skipped = {
            name: choice.name,
            ok: false,
            reason: `software renderer (${renderer}): slower than WASM`,
          };
          this.set({
            status: 'ready',
            backend: 'wasm',
            renderer: null,
            softwareGpu: renderer,
            attempts: [...choice.attempts.slice(0, -1), skipped, ...wasm.attempts],
          });
          return tf;
        }
        await host.activate(choice.name); // WASM failed: back to the GPU backend that worked
      }
      this.set({
        status: 'ready',
        backend: choice.name,
        renderer,
        softwareGpu: null,
        attempts: choice.attempts,
      });
      if (choice.name === 'webgl') this.watchContextLoss(tf);
      return tf;
    } catch (e) {
      this.ready = null;
      this.set({ status: 'failed', error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
  }

  private watchContextLoss(tf: Tf): void {
    const canvas = webglCanvas(tf);
    canvas?.addEventListener(
      'webglcontextlost',
      () => {
        this.broken.push('webgl');
        this.ready = this.select();
        for (const l of [...this.lostListeners]) l('webgl');
      },
      { once: true },
    );
  }
}

export function forcedBackendFromUrl(search: string): BackendName | null {
  const value = new URLSearchParams(search).get('backend');
  return isBackendName(value) ? value : null;
}

/** The page's runtime. Created on first access so importing this module costs nothing. */
let pageRuntime: ComputeRuntime | null = null;
export function computeRuntime(): ComputeRuntime {
  pageRuntime ??= new ComputeRuntime(forcedBackendFromUrl(globalThis.location?.search ?? ''));
  return pageRuntime;
}

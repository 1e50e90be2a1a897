// The tfjs side of backend choice: loads tfjs and each backend lazily (dynamic imports, so none of it is in
// the first paint), switches, and runs the known-answer check. Browser only.
import type * as TF from '@tensorflow/tfjs-core';
import { CHECK_A, CHECK_B, checkMatches, type BackendHost, type BackendName } from './backend-choice';

export type Tf = typeof TF;

let tfPromise: Promise<Tf> | null = null;

/** tfjs-core with every gradient registered; loaded once, on first use. */
export function loadTf(): Promise<Tf> {
  tfPromise ??= (async () => {
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-core/dist/register_all_gradients');
    // Test hook (issue 15): the page's tfjs, so e2e tests read tf.memory() and reach the WebGL context.
    (globalThis as { __vivaTf?: Tf }).__vivaTf = tf;
    return tf;
  })();
  return tfPromise;
}

async function registerBackend(tf: Tf, name: BackendName): Promise<void> {
  if (tf.findBackendFactory(name)) return;
  switch (name) {
    case 'webgpu':
      // Ask for an adapter first: tfjs logs warnings of its own when there is none.
      if (!(await webgpuAdapterAvailable())) throw new Error('no WebGPU adapter');
      await import('@tensorflow/tfjs-backend-webgpu');
      return;
    case 'webgl':
      await import('@tensorflow/tfjs-backend-webgl');
      return;
    case 'wasm': {
      const wasm = await import('@tensorflow/tfjs-backend-wasm');
      const [plain, simd, threaded] = await Promise.all([
        import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
        import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
        import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
      ]);
      wasm.setWasmPaths({
        'tfjs-backend-wasm.wasm': plain.default,
        'tfjs-backend-wasm-simd.wasm': simd.default,
        'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
      });
      return;
    }
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return;
  }
}

async function webgpuAdapterAvailable(): Promise<boolean> {
  const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
  if (!gpu) return false;
  try {
    return (await gpu.requestAdapter()) !== null;
  } catch {
    return false;
  }
}

export function createTfHost(tf: Tf): BackendHost {
  return {
    async activate(name) {
      await registerBackend(tf, name);
      // setBackend returns false (rather than throwing) when initialisation fails.
      const ok = await tf.setBackend(name);
      return ok && tf.getBackend() === name;
    },
    async verify() {
      const out = tf.tidy(() =>
        tf.add(tf.matMul(tf.tensor2d(CHECK_A, [2, 2]), tf.tensor2d(CHECK_B, [2, 2])), tf.scalar(0.5)),
      );
      try {
        return checkMatches(await out.data());
      } finally {
        out.dispose();
      }
    },
  };
}

/** The GPU's name as the browser reports it, for the header; null where there is none to report. */
export async function gpuRenderer(tf: Tf, name: BackendName): Promise<string | null> {
  try {
    if (name === 'webgl') {
      const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
      const gl = backend.gpgpu?.gl;
      if (!gl) return null;
      const ext = gl.getExtension('WEBGL_debug_renderer_info');
      return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    }
    if (name === 'webgpu') {
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<GpuAdapterLike | null> } })
        .gpu;
      const adapter = await gpu?.requestAdapter();
      const info = adapter?.info;
      if (!info) return null;
      return (
        [info.vendor, info.architecture, info.device, info.description].filter(Boolean).join(' ') || null
      );
    }
  } catch {
    return null;
  }
  return null;
}

interface GpuAdapterLike {
  info?: { vendor?: string; architecture?: string; device?: string; description?: string };
}

/** The WebGL canvas of the active backend, to listen for context loss. */
export function webglCanvas(tf: Tf): HTMLCanvasElement | OffscreenCanvas | null {
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  return backend.gpgpu?.gl?.canvas ?? null;
}

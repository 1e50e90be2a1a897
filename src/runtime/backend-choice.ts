// Picking a compute backend: WebGPU → WebGL → WASM → CPU. A backend is accepted only after it computes a
// tiny matrix product with a known answer, because a backend can report success and still return zeros
// (WebGPU without the right flags does exactly that). This file knows no tfjs: it drives a BackendHost,
// which the real runtime implements with tfjs and the tests implement with fakes.

export const BACKEND_ORDER = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_ORDER)[number];

export function isBackendName(s: string | null | undefined): s is BackendName {
  return (BACKEND_ORDER as readonly string[]).includes(s ?? '');
}

export interface BackendHost {
  /** Loads and switches to the backend; false or a throw means it is not available. */
  activate(name: BackendName): Promise<boolean>;
  /** Runs the known-answer computation on the active backend. */
  verify(): Promise<boolean>;
}

export interface BackendAttempt {
  name: BackendName;
  ok: boolean;
  reason?: string;
}

export interface BackendChoice {
  name: BackendName;
  attempts: BackendAttempt[];
}

/**
 * The order to try: the forced backend first (then the rest of the normal order after it, as a fallback),
 * or the normal order; `exclude` drops backends already known to be broken (e.g. after a WebGL context loss).
 */
export function backendOrder(
  forced: BackendName | null,
  exclude: readonly BackendName[] = [],
): BackendName[] {
  const base = forced ? [forced, ...BACKEND_ORDER.filter((b) => b !== forced)] : [...BACKEND_ORDER];
  return base.filter((b) => !exclude.includes(b));
}

/** Tries each backend in order and returns the first that activates and verifies. */
export async function chooseBackend(
  host: BackendHost,
  order: readonly BackendName[],
): Promise<BackendChoice> {
  const attempts: BackendAttempt[] = [];
  for (const name of order) {
    try {
      if (!(await host.activate(name))) {
        attempts.push({ name, ok: false, reason: 'not available' });
        continue;
      }
      if (!(await host.verify())) {
        attempts.push({ name, ok: false, reason: 'wrong answer on the check computation' });
        continue;
      }
      attempts.push({ name, ok: true });
      return { name, attempts };
    } catch (e) {
      attempts.push({ name, ok: false, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  const tried = attempts.map((a) => `${a.name}: ${a.reason}`).join('; ');
  throw new Error(`no compute backend works here (${tried})`);
}

/** Whether a GPU renderer string names a software rasterizer (SwiftShader, llvmpipe, WARP, …). */
export function isSoftwareRenderer(renderer: string | null): boolean {
  return renderer !== null && /swiftshader|llvmpipe|softpipe|software|basic render driver/i.test(renderer);
}

/**
 * Whether to leave a verified GPU backend for WASM: when nothing was forced and the GPU is a software
 * renderer, where every model in this notebook trains several times faster on WASM (measured here: a
 * transformer step ~5 s on WebGPU/SwiftShader, ~0.9 s on WebGL/SwiftShader, ~0.1 s on WASM).
 */
export function preferWasmOver(
  name: BackendName,
  renderer: string | null,
  forced: BackendName | null,
): boolean {
  return forced === null && (name === 'webgpu' || name === 'webgl') && isSoftwareRenderer(renderer);
}

/** The check computation: [[1,2],[3,4]]·[[5,6],[7,8]] + 0.5, as flat row-major data. */
export const CHECK_A = [1, 2, 3, 4];
export const CHECK_B = [5, 6, 7, 8];
export const CHECK_EXPECTED = [19.5, 22.5, 43.5, 50.5];

export function checkMatches(data: ArrayLike<number>): boolean {
  return data.length === 4 && CHECK_EXPECTED.every((v, i) => Math.abs(data[i]! - v) < 1e-3);
}

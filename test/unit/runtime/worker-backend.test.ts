// The worker's backend choice, run in Node (the same code as in a worker): a chosen backend is tried alone
// and named when it fails; the one taken is verified and reported with the attempts; the same request again
// reuses it.
import { describe, expect, it } from 'vitest';
import { useWorkerBackend, workerBackendOrder } from '../../../src/runtime/worker-backend';

describe('the backend a worker trains on', () => {
  it('tries the page’s backend first and falls back in the usual order, or only a chosen one', () => {
    expect(workerBackendOrder({ backend: 'webgl', strict: false })).toEqual([
      'webgl',
      'webgpu',
      'wasm',
      'cpu',
    ]);
    expect(workerBackendOrder({ backend: null, strict: false })).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(workerBackendOrder({ backend: 'cpu', strict: true })).toEqual(['cpu']);
  });

  it('takes a chosen backend after its known-answer check, and reuses it for the same request', async () => {
    const request = { backend: 'cpu' as const, strict: true };
    const first = await useWorkerBackend(request);
    expect(first.info).toEqual({
      backend: 'cpu',
      requested: 'cpu',
      renderer: null,
      attempts: [{ name: 'cpu', ok: true }],
    });
    expect(first.tf.getBackend()).toBe('cpu');
    expect(await useWorkerBackend({ ...request })).toBe(first);
  });

  it('names a chosen backend that is not available; another request still gets its backend', async () => {
    const request = { backend: 'webgpu' as const, strict: true };
    await expect(useWorkerBackend(request)).rejects.toThrow(
      /^The webgpu backend is not available in this browser's workers \(webgpu: .+\); choose another engine\.$/,
    );
    const cpu = await useWorkerBackend({ backend: 'cpu', strict: true });
    expect(cpu.info.backend).toBe('cpu');
  });
});

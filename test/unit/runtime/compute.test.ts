import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { ComputeRuntime, forcedBackendFromUrl, type ComputeState } from '../../../src/runtime/compute';
import { expectNoTensorLeak } from '../../../src/runtime/leak-guard';
import { createTfHost, loadTf } from '../../../src/runtime/tf-host';

describe('the compute runtime in Node', () => {
  it('reads ?backend= from the URL and ignores unknown names', () => {
    expect(forcedBackendFromUrl('?backend=wasm')).toBe('wasm');
    expect(forcedBackendFromUrl('?x=1&backend=cpu')).toBe('cpu');
    expect(forcedBackendFromUrl('?backend=tpu')).toBeNull();
    expect(forcedBackendFromUrl('')).toBeNull();
  });

  it('loads nothing until ensure(), then goes idle → loading → ready on the forced CPU backend', async () => {
    const runtime = new ComputeRuntime('cpu');
    const seen: ComputeState['status'][] = [];
    runtime.subscribe((s) => seen.push(s.status));
    expect(runtime.state.status).toBe('idle');
    const tfLoaded = await runtime.ensure();
    expect(seen).toEqual(['idle', 'loading', 'ready']);
    expect(runtime.state).toMatchObject({
      backend: 'cpu',
      renderer: null,
      attempts: [{ name: 'cpu', ok: true }],
    });
    expect(tfLoaded.getBackend()).toBe('cpu');
    expect(await runtime.ensure()).toBe(tfLoaded); // loaded once
  });

  it('verifies the real CPU backend with the check computation and leaks no tensor', async () => {
    const host = createTfHost(await loadTf());
    expect(await host.activate('cpu')).toBe(true);
    expect(await expectNoTensorLeak(tf, () => host.verify())).toBe(true);
  });
});

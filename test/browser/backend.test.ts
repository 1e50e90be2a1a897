// In real headless Chromium: the backend chain verifies a backend (WASM over a software GPU), WebGL and WebGPU agree with the CPU,
// and a WebGL context loss moves the runtime to another backend.
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { isSoftwareRenderer } from '../../src/runtime/backend-choice';
import { ComputeRuntime } from '../../src/runtime/compute';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';
import { createRng } from '../../src/runtime/rng';
import type { Tf } from '../../src/runtime/tf-host';
import { switchBackend } from './webgl-vs-cpu';

const waitFor = async (cond: () => boolean, ms = 20_000) => {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** A 32×48 · 48×16 matrix product plus tanh, from seeded inputs, read back as numbers. */
async function referenceComputation(tf: Tf): Promise<Float32Array> {
  const rng = createRng(11);
  const a = Array.from({ length: 32 * 48 }, () => rng.normal());
  const b = Array.from({ length: 48 * 16 }, () => rng.normal() / 7);
  const out = tf.tidy(() => tf.tanh(tf.matMul(tf.tensor2d(a, [32, 48]), tf.tensor2d(b, [48, 16]))));
  const data = (await out.data()) as Float32Array;
  out.dispose();
  return data;
}

describe('compute backends in Chromium', () => {
  it('with no forced choice takes a verified GPU backend, or WASM when the GPU is a software renderer', async () => {
    const runtime = new ComputeRuntime(null);
    const tf = await runtime.ensure();
    const s = runtime.state;
    expect(tf.getBackend()).toBe(s.backend);
    if (s.softwareGpu) {
      // These machines: WebGPU and WebGL verify, but on SwiftShader; WASM is taken and the skip recorded.
      expect(s.backend).toBe('wasm');
      expect(isSoftwareRenderer(s.softwareGpu)).toBe(true);
      const skipped = s.attempts.find((a) => a.name === 'webgpu' || a.name === 'webgl');
      expect(skipped?.ok).toBe(false);
      expect(skipped?.reason).toContain('software renderer');
      expect(s.attempts.at(-1)).toEqual({ name: 'wasm', ok: true });
    } else {
      expect(['webgpu', 'webgl']).toContain(s.backend);
      expect(s.renderer).toBeTruthy();
      expect(isSoftwareRenderer(s.renderer)).toBe(false);
    }
  });

  for (const backend of ['webgl', 'webgpu', 'wasm'] as const) {
    it(`${backend} agrees with the CPU backend on a seeded computation (1e-4) and leaks nothing`, async () => {
      const runtime = new ComputeRuntime(backend);
      const tf = await runtime.ensure();
      expect(runtime.state.backend).toBe(backend);
      expect(tf.getBackend()).toBe(backend);
      const gpu = await expectNoTensorLeak(tf, () => referenceComputation(tf));
      await switchBackend(tf, 'cpu');
      const cpu = await referenceComputation(tf);
      expect(gpu.length).toBe(512);
      let worst = 0;
      for (let i = 0; i < cpu.length; i++) worst = Math.max(worst, Math.abs(gpu[i]! - cpu[i]!));
      expect(worst).toBeLessThan(1e-4);
      expect(cpu.some((v) => Math.abs(v) > 0.1)).toBe(true); // not all zeros
    });
  }

  it('falls back to another verified backend when the WebGL context is lost', async () => {
    const runtime = new ComputeRuntime('webgl');
    const tf = await runtime.ensure();
    expect(runtime.state.backend).toBe('webgl');
    const gl = (tf.backend() as unknown as { gpgpu: { gl: WebGL2RenderingContext } }).gpgpu.gl;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
    await waitFor(() => runtime.state.status === 'ready' && runtime.state.backend !== 'webgl');
    expect(['webgpu', 'wasm', 'cpu']).toContain(runtime.state.backend);
    const tf2 = await runtime.ensure();
    expect(tf2.getBackend()).toBe(runtime.state.backend);
    tf2.removeBackend('webgl'); // the lost context is gone for good; later tests get a fresh one
  });
});

// For browser tests that check a kernel on WebGL against the CPU backend: start WebGL once (in beforeAll),
// then run a computation on both backends, checking the WebGL run leaks no tensor. Every switch of backend is
// checked: tfjs' setBackend returns false (it does not throw) when a backend fails to start, and the previous
// backend stays active, so an unchecked switch to the CPU would compare WebGL with itself.
import '@tensorflow/tfjs-backend-cpu';
import { expect } from 'vitest';
import { ComputeRuntime } from '../../src/runtime/compute';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';
import type { Tf } from '../../src/runtime/tf-host';

let tf: Tf | null = null;

/** Makes `name` tfjs' active backend, asserting that the switch succeeded and took effect. */
export async function switchBackend(tfjs: Tf, name: string): Promise<void> {
  expect(await tfjs.setBackend(name), `setBackend('${name}')`).toBe(true);
  expect(tfjs.getBackend()).toBe(name);
}

/** tfjs with a verified WebGL backend active (call in beforeAll). */
export async function startWebgl(): Promise<Tf> {
  const runtime = new ComputeRuntime('webgl');
  tf = await runtime.ensure();
  expect(runtime.state.backend).toBe('webgl');
  expect(tf.getBackend()).toBe('webgl');
  return tf;
}

/** Runs fn on WebGL (leak-checked), then on the CPU backend; leaves WebGL active. */
export async function onBoth<T>(fn: () => Promise<T>): Promise<{ gpu: T; cpu: T }> {
  if (!tf) throw new Error('call startWebgl() in beforeAll first');
  await switchBackend(tf, 'webgl');
  const gpu = await expectNoTensorLeak(tf, fn);
  await switchBackend(tf, 'cpu');
  const cpu = await fn();
  await switchBackend(tf, 'webgl');
  return { gpu, cpu };
}

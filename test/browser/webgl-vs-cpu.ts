// For browser tests that check a kernel on WebGL against the CPU backend: start WebGL once (in beforeAll),
// then run a computation on both backends, checking the WebGL run leaks no tensor.
import '@tensorflow/tfjs-backend-cpu';
import { expect } from 'vitest';
import { ComputeRuntime } from '../../src/runtime/compute';
import { expectNoTensorLeak } from '../../src/runtime/leak-guard';
import type { Tf } from '../../src/runtime/tf-host';

let tf: Tf | null = null;

/** tfjs with a verified WebGL backend active (call in beforeAll). */
export async function startWebgl(): Promise<Tf> {
  const runtime = new ComputeRuntime('webgl');
  tf = await runtime.ensure();
  expect(runtime.state.backend).toBe('webgl');
  return tf;
}

/** Runs fn on WebGL (leak-checked), then on the CPU backend; leaves WebGL active. */
export async function onBoth<T>(fn: () => Promise<T>): Promise<{ gpu: T; cpu: T }> {
  if (!tf) throw new Error('call startWebgl() in beforeAll first');
  await tf.setBackend('webgl');
  const gpu = await expectNoTensorLeak(tf, fn);
  await tf.setBackend('cpu');
  const cpu = await fn();
  await tf.setBackend('webgl');
  return { gpu, cpu };
}

// A tensor-leak guard for tests and for dev builds: runs a function and checks that tfjs holds as many
// tensors afterwards as before. Takes anything with tfjs' memory() so this file needs no tfjs import.
//
// Example: await expectNoTensorLeak(tf, () => kernel(input));

export interface MemoryReporter {
  memory(): { numTensors: number };
}

export class TensorLeakError extends Error {
  constructor(
    readonly before: number,
    readonly after: number,
  ) {
    super(`tensor leak: ${after - before} tensor(s) left behind (${before} before, ${after} after)`);
    this.name = 'TensorLeakError';
  }
}

export async function expectNoTensorLeak<T>(tf: MemoryReporter, fn: () => T | Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const result = await fn();
  const after = tf.memory().numTensors;
  if (after !== before) throw new TensorLeakError(before, after);
  return result;
}

// In real headless Chromium: the transformer trains in its worker (trainer.worker.ts) through the shared
// WorkerHost. Snapshots come back as plain data with curves' numbers and attention maps; the worker says
// which backend it trains on; a stopped run ends with an AbortError, leaves no tensor behind and continues
// from where it stopped; the test box's question is answered in the worker; a disposed model gives back
// every tensor; a worker that fails rejects with a clear Error.
import { describe, expect, it } from 'vitest';
import type { TransformerSnapshot } from '../../kernels/transformer/trainer';
import { RemoteTrainer } from '../../src/demos/transformer/remote-trainer';
import { leakedTensors, type TrainProgress } from '../../src/demos/transformer/trainer-jobs';
import { WorkerHost } from '../../src/runtime/worker-host';

const options = { task: 'reverse' as const, length: 5, batchSize: 16, evalSize: 32, seed: 3 };

function collect() {
  const snapshots: TransformerSnapshot[] = [];
  const batches: TransformerSnapshot[][] = [];
  const other: TrainProgress[] = [];
  const onProgress = (p: TrainProgress) => {
    if (p.type !== 'snapshots') return other.push(p);
    batches.push(p.snapshots);
    snapshots.push(...p.snapshots);
  };
  return { snapshots, batches, other, onProgress };
}

describe('the transformer worker', () => {
  it('trains on WASM and posts snapshots, evaluations and attention maps; nothing leaks', async () => {
    const remote = new RemoteTrainer();
    try {
      const spec = remote.model(() => ({
        options,
        backend: { backend: 'wasm', strict: false },
        probe: [3, 1, 4, 1, 5],
      }));
      const { snapshots, batches, other, onProgress } = collect();
      const result = await remote.host.run('train', { model: spec, steps: 12, evalEvery: 6 }, { onProgress });
      expect(result.steps).toBe(12);
      expect(snapshots.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      expect(snapshots.every((s) => Number.isFinite(s.loss) && s.loss > 0)).toBe(true);
      expect(snapshots.filter((s) => s.evaluation).map((s) => s.step)).toEqual([6, 12]);
      // Snapshots come in batches, and an evaluation (with its attention maps) is posted at once.
      for (const batch of batches) expect(batch.slice(0, -1).every((s) => !s.evaluation)).toBe(true);
      expect(batches.at(-1)!.at(-1)!.step).toBe(12);
      const probe = snapshots.at(-1)!.probe!;
      expect(probe.input).toEqual([3, 1, 4, 1, 5]);
      expect(probe.expected).toEqual([5, 1, 4, 1, 3]);
      // [layer][head][query][key]: 2 layers × 2 heads × 10 × 10, each row a distribution.
      expect(probe.attention).toHaveLength(2);
      expect(probe.attention[0]).toHaveLength(2);
      expect(probe.attention[0]![0]).toHaveLength(10);
      const row = probe.attention[1]![1]![9]!;
      expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);

      const model = other.find((p) => p.type === 'model');
      expect(model).toMatchObject({ backend: { backend: 'wasm', requested: 'wasm' }, step: 0 });
      expect(model).toMatchObject({ parameterCount: 17_867 });
      expect(other.at(-1)!.type).toBe('tensors');
      expect(result.tensors.expected).not.toBeNull();
      expect(leakedTensors(result.tensors)).toBe(0);

      const answer = await remote.host.run('predict', { model: spec, digits: [1, 2, 3, 4, 5] });
      expect(answer.input).toEqual([1, 2, 3, 4, 5]);
      expect(answer.expected).toEqual([5, 4, 3, 2, 1]);
      expect(answer.output).toHaveLength(5);

      const disposed = await remote.host.run('discard', { modelId: spec.modelId });
      expect(disposed).not.toBeNull();
      expect(disposed!.now).toBe(disposed!.expected);
    } finally {
      remote.terminate();
    }
  });

  it('stops on request with an AbortError, leaks nothing, and the next run continues the same model', async () => {
    const remote = new RemoteTrainer();
    try {
      const spec = remote.model(() => ({ options, backend: { backend: 'cpu', strict: false }, probe: null }));
      const controller = new AbortController();
      const first = collect();
      const run = remote.host.run(
        'train',
        { model: spec, steps: 100_000, evalEvery: 50 },
        {
          signal: controller.signal,
          onProgress: (p) => {
            first.onProgress(p);
            if (first.snapshots.length >= 3) controller.abort();
          },
        },
      );
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      const stoppedAt = first.snapshots.at(-1)!.step;
      expect(stoppedAt).toBeGreaterThanOrEqual(3);
      expect(stoppedAt).toBeLessThan(100_000);
      expect(first.other[0]).toMatchObject({ type: 'model', backend: { backend: 'cpu' } });
      const report = first.other.at(-1)!;
      expect(report.type).toBe('tensors');
      if (report.type === 'tensors') expect(leakedTensors(report.tensors)).toBe(0);

      const second = collect();
      await remote.host.run(
        'train',
        { model: spec, steps: 2, evalEvery: 50 },
        { onProgress: second.onProgress },
      );
      expect(second.snapshots.map((s) => s.step)).toEqual([stoppedAt + 1, stoppedAt + 2]);
      expect(second.other[0]).toMatchObject({ type: 'model', step: stoppedAt });
      expect(remote.host.workersStarted).toBe(1);
    } finally {
      remote.terminate();
    }
  });

  it('a new model replaces the old one in the worker, which gives back all of the old one’s tensors', async () => {
    const remote = new RemoteTrainer();
    try {
      const make = () => ({ options, backend: { backend: 'cpu' as const, strict: false }, probe: null });
      const a = remote.model(make);
      await remote.host.run('train', { model: a, steps: 2, evalEvery: 50 });
      remote.forget();
      const b = remote.model(make);
      expect(b.modelId).not.toBe(a.modelId);
      const result = await remote.host.run('train', { model: b, steps: 2, evalEvery: 50 });
      expect(leakedTensors(result.tensors)).toBe(0);
      const gone = await remote.host.run('discard', { modelId: b.modelId });
      expect(gone!.now).toBe(gone!.expected);
    } finally {
      remote.terminate();
    }
  });
});

it('a worker that fails rejects its job with an Error that says so', async () => {
  const host = new WorkerHost<{ any: { args: null; progress: never; result: never } }>(
    () => new Worker(new URL('./fixtures/crash.worker.ts', import.meta.url), { type: 'module' }),
  );
  await expect(host.run('any', null)).rejects.toThrow(/The worker failed: .*fails on purpose/);
  expect(host.running).toBe(0);
});

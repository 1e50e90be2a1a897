// The page's handle on the transformer worker (trainer.worker.ts): which model the jobs are for, and the
// jobs themselves through the shared WorkerHost. No tfjs here: the model and its tensors live in the worker.
//
// Example:
//   const remote = new RemoteTrainer();
//   const spec = remote.model(() => ({ options, backend: { backend: 'wasm', strict: false }, probe: null }));
//   await remote.host.run('train', { model: spec, steps: 600, evalEvery: 20 }, { signal, onProgress });
//   remote.forget(); // the worker disposes the model once its run has ended
import { WorkerHost } from '../../runtime/worker-host';
import type { ModelSpec, TransformerJobs } from './trainer-jobs';

export class RemoteTrainer {
  readonly host = new WorkerHost<TransformerJobs>(
    () => new Worker(new URL('./trainer.worker.ts', import.meta.url), { type: 'module' }),
  );
  private nextId = 1;
  private spec: ModelSpec | null = null;

  /** The current model's spec; `make` describes a new one when there is none. */
  model(make: () => Omit<ModelSpec, 'modelId'>): ModelSpec {
    this.spec ??= { ...make(), modelId: this.nextId++ };
    return this.spec;
  }

  /** Whether `spec` is still the current model (messages about another are stale). */
  isCurrent(spec: ModelSpec): boolean {
    return this.spec === spec;
  }

  get hasModel(): boolean {
    return this.spec !== null;
  }

  /** Drops the current model: the worker disposes it after its run (if any) ends. */
  forget(): void {
    const old = this.spec;
    this.spec = null;
    if (old) void this.host.run('discard', { modelId: old.modelId }).catch(() => undefined);
  }

  /** Ends the worker (and the model in it). */
  terminate(): void {
    this.spec = null;
    this.host.terminate();
  }
}

// A demo's worker, made on its first job and let go of on dispose; null where there are no workers (Node),
// so the caller runs the same loops in its own thread instead.
//
// Example: const worker = new LazyWorker(diffusionWorker); const w = worker.get(); if (w) await w.run(…);
import type { WorkerHost } from './worker-host';
import type { JobMap } from './worker-protocol';

export class LazyWorker<J extends JobMap> {
  /** undefined: not made yet; null: no workers here. */
  private host: WorkerHost<J> | null | undefined;

  constructor(private readonly make: () => WorkerHost<J> | null) {}

  /** The worker's host, made on the first call; null where there are no workers. */
  get(): WorkerHost<J> | null {
    if (this.host === undefined) this.host = this.make();
    return this.host;
  }

  /** True once jobs run in a worker. */
  get started(): boolean {
    return this.host != null;
  }

  /** Ends the worker; a later job starts a fresh one. */
  dispose(): void {
    this.host?.terminate();
    this.host = undefined;
  }
}

// The contrastive worker's jobs (worker.ts), run through the page's WorkerHost (src/runtime/worker-host.ts):
// plain data in and out, the same shapes as the in-thread compute (compute.ts).
import type { EncoderJob, EncoderReport, PairJob, PairReport } from './compute';

export type ContrastiveJobs = {
  /** The encoder's run: reports in batches (~150 ms, and after each evaluation), the last one also when stopped. */
  train: { args: EncoderJob; progress: EncoderReport; result: null };
  /** The image–text toy's run, reported the same way. */
  trainPairs: { args: PairJob; progress: PairReport; result: null };
};

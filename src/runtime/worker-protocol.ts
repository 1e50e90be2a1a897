// The messages between a WorkerHost (worker-host.ts, the page's side) and serveJobs (worker-jobs.ts, the
// worker's side), and the shape a worker's job table declares. Plain data only: everything crosses by
// structured clone (typed arrays included).

/** A worker's jobs: for each job name, its arguments, its progress messages and its result. */
export type JobMap = Record<string, { args: unknown; progress: unknown; result: unknown }>;

export type HostMessage =
  { kind: 'start'; id: number; job: string; args: unknown } | { kind: 'stop'; id: number };

export type WorkerMessage =
  | { kind: 'progress'; id: number; data: unknown }
  | { kind: 'done'; id: number; result: unknown }
  | { kind: 'failed'; id: number; aborted: boolean; message: string };

/** The part of a Worker the host uses (a fake in Node tests). */
export interface WorkerLike {
  postMessage(message: HostMessage): void;
  onmessage: ((event: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

/** The part of a worker's global scope that serveJobs uses (a MessagePort in Node tests). */
export interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  onmessage: ((event: MessageEvent<HostMessage>) => void) | null;
}

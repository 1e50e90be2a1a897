// One run controller for every demo (a Lit ReactiveController). `start(work)` stops the run in progress,
// forwards an outer AbortSignal (the cell's Stop/Esc), ignores whatever a stale run reports, tells done from
// stopped from failed, exposes busy / error / progress, and redraws the host at one throttle.
//
// Example, in a demo element:
//   private readonly runner = new RunController(this);
//   run(ctx: RunContext) {
//     return this.runner.run(async (r) => {
//       for (let step = 0; step < steps && !r.signal.aborted; step++) { …; r.progress(step / steps); }
//       return { loss };
//     }, ctx);
//   }
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { abortError, isAbortError } from '../../runtime/abort';

/** The one redraw throttle: a running demo redraws at most this often (ms). */
export const DRAW_THROTTLE_MS = 100;

export type RunPhase = 'idle' | 'running' | 'done' | 'stopped' | 'failed';

export type RunResult<T> =
  | { outcome: 'done'; value: T }
  | { outcome: 'stopped' }
  | { outcome: 'failed'; error: Error }
  /** A newer start() replaced this run; nothing it reported was kept. */
  | { outcome: 'superseded' };

export interface RunHandle {
  /** Aborted by stop(), by a newer start(), by the outer signal, or when the host disconnects. */
  readonly signal: AbortSignal;
  /** False once a newer run started: a stale run's results must not be shown. */
  readonly current: boolean;
  /** Progress for the bar: a fraction 0..1 or null when unknown, and a label. Redraws (throttled). */
  progress(fraction: number | null, label?: string): void;
  /** Asks for a redraw of the host (throttled). */
  draw(): void;
}

export interface StartOptions {
  /** An outer signal (the cell's) that stops this run too. */
  signal?: AbortSignal;
  /** Also told of progress (the cell's bar). */
  progress?: (fraction: number | null, label?: string) => void;
}

export interface RunControllerOptions {
  throttleMs?: number;
}

export class RunController implements ReactiveController {
  phase: RunPhase = 'idle';
  /** The last failure's message ('' unless phase is 'failed'). */
  error = '';
  progress: number | null = null;
  progressLabel = '';
  private active: AbortController | null = null;
  private runId = 0;
  private readonly throttleMs: number;
  private lastDraw = -Infinity;
  private pending: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    options: RunControllerOptions = {},
  ) {
    this.throttleMs = options.throttleMs ?? DRAW_THROTTLE_MS;
    host.addController(this);
  }

  get busy(): boolean {
    return this.phase === 'running';
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.stop();
  }

  /** Stops the run in progress, if any (it ends as 'stopped'). */
  stop(): void {
    this.active?.abort();
  }

  /** Redraws the host now or, if it redrew less than a throttle ago, once the throttle has passed. */
  draw(): void {
    const now = performance.now();
    const wait = this.lastDraw + this.throttleMs - now;
    if (wait <= 0) {
      this.flush();
    } else if (this.pending === null) {
      this.pending = setTimeout(() => this.flush(), wait);
    }
  }

  private flush(): void {
    if (this.pending !== null) clearTimeout(this.pending);
    this.pending = null;
    this.lastDraw = performance.now();
    this.host.requestUpdate();
  }

  /** Runs `work`, stopping any run in progress first. Never rejects: the result says how the run ended. */
  async start<T>(work: (run: RunHandle) => Promise<T>, options: StartOptions = {}): Promise<RunResult<T>> {
    this.active?.abort();
    const id = ++this.runId;
    const controller = new AbortController();
    this.active = controller;
    const outer = options.signal;
    const onOuterAbort = () => controller.abort();
    if (outer?.aborted) controller.abort();
    else outer?.addEventListener('abort', onOuterAbort, { once: true });
    const isCurrent = () => id === this.runId;
    const handle: RunHandle = {
      signal: controller.signal,
      get current() {
        return isCurrent();
      },
      progress: (fraction, label = '') => {
        if (!isCurrent()) return;
        this.progress = fraction;
        this.progressLabel = label;
        options.progress?.(fraction, label);
        this.draw();
      },
      draw: () => {
        if (isCurrent()) this.draw();
      },
    };
    this.phase = 'running';
    this.error = '';
    this.progress = null;
    this.progressLabel = '';
    this.flush();
    let result: RunResult<T>;
    try {
      const value = await work(handle);
      result = controller.signal.aborted ? { outcome: 'stopped' } : { outcome: 'done', value };
    } catch (e) {
      if (isAbortError(e) || controller.signal.aborted) result = { outcome: 'stopped' };
      else result = { outcome: 'failed', error: e instanceof Error ? e : new Error(String(e)) };
    } finally {
      outer?.removeEventListener('abort', onOuterAbort);
    }
    if (!isCurrent()) return { outcome: 'superseded' };
    this.active = null;
    this.phase = result.outcome === 'done' ? 'done' : result.outcome === 'stopped' ? 'stopped' : 'failed';
    this.error = result.outcome === 'failed' ? result.error.message : '';
    this.flush();
    return result;
  }

  /**
   * The same as start(), for a demo's run(ctx): resolves with the work's value when done; rejects with an
   * AbortError when stopped or replaced, and with the error when it failed (so the cell shows each rightly).
   */
  async run<T>(work: (run: RunHandle) => Promise<T>, options: StartOptions = {}): Promise<T> {
    const r = await this.start(work, options);
    if (r.outcome === 'done') return r.value;
    if (r.outcome === 'failed') throw r.error;
    throw abortError();
  }
}

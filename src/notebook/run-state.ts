// A cell's run state and the transitions allowed between them. The cell frame drives it; the header badge
// and the status line show it.

export type RunState = 'idle' | 'running' | 'done' | 'error' | 'stopped';

export const RUN_STATE_LABEL: Record<RunState, string> = {
  idle: 'not run yet',
  running: 'running…',
  done: 'done',
  error: 'failed',
  stopped: 'stopped',
};

/** Only a run that is not running may start; only a running one may finish, fail or stop. */
export function canStart(state: RunState): boolean {
  return state !== 'running';
}

export function canStop(state: RunState): boolean {
  return state === 'running';
}

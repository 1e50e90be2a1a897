// Cancellation helpers shared by every long loop: a stopped run rejects with an AbortError, which callers
// treat as "stopped", not as a failure.

export function abortError(reason = 'The run was stopped.'): DOMException {
  return new DOMException(reason, 'AbortError');
}

export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError();
}

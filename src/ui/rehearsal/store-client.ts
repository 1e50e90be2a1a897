// The page's one rehearsal store, opened on first use: the data layer (src/rehearsal/, idb and ts-fsrs) is
// imported only then, so the first paint does not wait for it. Every view shares this promise.
import type { RehearsalStore } from '../../rehearsal/contract';

let storePromise: Promise<RehearsalStore> | null = null;

export function rehearsalStore(): Promise<RehearsalStore> {
  storePromise ??= import('../../rehearsal/store').then((m) => m.openRehearsalStore());
  return storePromise;
}

/** Fired on document when attempts were added, imported or forgotten, so open views reload. */
export const REHEARSAL_DATA_EVENT = 'viva-rehearsal-data';

export function announceDataChange(): void {
  document.dispatchEvent(new CustomEvent(REHEARSAL_DATA_EVENT));
}

/** A short local date and time for the page ("29 Nov 2026, 21:05"). */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** m:ss for a duration in ms. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

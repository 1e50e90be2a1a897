// Where the hypothesis builder keeps what was typed (question 6): the browser's localStorage, behind
// try/catch (storage can be blocked, full or missing), with a message when it cannot save; the text on the
// page is never lost because of it. What is read back is untrusted and goes through readStored.
import { readStored, type Hypothesis } from './hypothesis';

export const STORAGE_KEY = 'viva.research-hypothesis.v1';

export interface StorageStatus {
  ok: boolean;
  message: string;
}

/** localStorage, or null where it is missing or access throws (a sandboxed frame, privacy settings). */
export function browserStorage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

const CANNOT =
  'This browser would not save it (storage is blocked or full); what you typed stays on this page until you leave. Export it as Markdown to keep it.';

export class HypothesisStorage {
  constructor(
    private readonly storage: () => Storage | null = browserStorage,
    readonly key = STORAGE_KEY,
  ) {}

  /** The stored hypothesis (null when there is none or it cannot be read) and what happened. */
  load(): { hypothesis: Hypothesis | null; status: StorageStatus } {
    try {
      const s = this.storage();
      if (!s) return { hypothesis: null, status: { ok: false, message: CANNOT } };
      const raw = s.getItem(this.key);
      const hypothesis = readStored(raw);
      if (raw !== null && hypothesis === null)
        return {
          hypothesis: null,
          status: { ok: false, message: 'The saved hypothesis could not be read.' },
        };
      return {
        hypothesis,
        status: {
          ok: true,
          message: hypothesis ? 'Restored from this browser.' : 'Saved in this browser as you type.',
        },
      };
    } catch {
      return { hypothesis: null, status: { ok: false, message: CANNOT } };
    }
  }

  save(h: Hypothesis): StorageStatus {
    try {
      const s = this.storage();
      if (!s) return { ok: false, message: CANNOT };
      s.setItem(this.key, JSON.stringify(h));
      return { ok: true, message: 'Saved in this browser.' };
    } catch {
      return { ok: false, message: CANNOT };
    }
  }
}

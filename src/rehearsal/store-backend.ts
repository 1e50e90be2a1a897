// The storage under the rehearsal store (issue 14): a few object stores of plain records, each keyed by one
// field, read whole or by question, written in atomic batches. Two implementations share it: IndexedDB
// (store-idb.ts) and this in-memory one, used when IndexedDB is unavailable or fails to open.

export const STORE_NAMES = ['attempts', 'cards', 'reviews', 'notes', 'clips', 'settings'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** Each store's key field; every store but settings has a `questionId` field indexed for forgetting. */
export const KEY_OF: Record<StoreName, string> = {
  attempts: 'id',
  cards: 'questionId',
  reviews: 'id',
  notes: 'questionId',
  clips: 'id',
  settings: 'id',
};

export type WriteOp =
  { put: StoreName; value: object } | { delete: StoreName; key: string } | { clear: StoreName };

export interface Backend {
  readonly persistent: boolean;
  get<T>(store: StoreName, key: string): Promise<T | undefined>;
  /** All records of a store (or of one question), in key order. */
  all<T>(store: StoreName, questionId?: string): Promise<T[]>;
  /** Applies every operation or none; a full storage rejects with StorageFullError naming `what`. */
  write(ops: WriteOp[], what?: string): Promise<void>;
}

/** A write refused because the browser's storage for the site is full; nothing was changed. */
export class StorageFullError extends Error {
  constructor(what: string) {
    super(
      `The browser's storage for this page is full, so ${what} was not saved; everything saved before is ` +
        'kept. Delete some recordings, or export a backup and forget old questions, then try again.',
    );
    this.name = 'StorageFullError';
  }
}

const byKey =
  (key: string) =>
  (a: object, b: object): number => {
    const x = String((a as Record<string, unknown>)[key]);
    const y = String((b as Record<string, unknown>)[key]);
    return x < y ? -1 : x > y ? 1 : 0;
  };

export class MemoryBackend implements Backend {
  readonly persistent = false;
  private readonly data = new Map<StoreName, Map<string, object>>(
    STORE_NAMES.map((s) => [s, new Map<string, object>()]),
  );

  async get<T>(store: StoreName, key: string): Promise<T | undefined> {
    const value = this.data.get(store)!.get(key);
    return value === undefined ? undefined : (structuredClone(value) as T);
  }

  async all<T>(store: StoreName, questionId?: string): Promise<T[]> {
    return [...this.data.get(store)!.values()]
      .filter((v) => questionId === undefined || (v as { questionId?: string }).questionId === questionId)
      .sort(byKey(KEY_OF[store]))
      .map((v) => structuredClone(v) as T);
  }

  async write(ops: WriteOp[]): Promise<void> {
    // Copy first, apply to the copies, then swap: all or nothing, as in an IndexedDB transaction.
    const next = new Map([...this.data].map(([s, m]) => [s, new Map(m)]));
    for (const op of ops) {
      if ('put' in op) {
        const key = (op.value as Record<string, unknown>)[KEY_OF[op.put]];
        if (typeof key !== 'string') throw new Error(`${op.put}: a record needs a text ${KEY_OF[op.put]}`);
        next.get(op.put)!.set(key, structuredClone(op.value));
      } else if ('delete' in op) next.get(op.delete)!.delete(op.key);
      else next.get(op.clear)!.clear();
    }
    for (const [s, m] of next) this.data.set(s, m);
  }
}

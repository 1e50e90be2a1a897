// The rehearsal store's IndexedDB layer (issue 14), through `idb`: a versioned schema built by migrations
// (one function per version step, run in order inside the upgrade transaction), the Backend over it, and
// the raw dump used to back up a database that cannot be read before it is reset.
import { wrap, type IDBPDatabase, type IDBPTransaction } from 'idb';
import { blobToBase64 } from './base64.ts';
import { StorageFullError, type Backend, type StoreName, type WriteOp } from './store-backend.ts';

export const DB_NAME = 'viva-rehearsal';

type Db = IDBPDatabase<unknown>;
type UpgradeTx = IDBPTransaction<unknown, string[], 'versionchange'>;
type Migration = (db: Db, tx: UpgradeTx) => void | Promise<void>;

/** MIGRATIONS[v] upgrades a version-v database to version v + 1. */
export const MIGRATIONS: Migration[] = [
  // 0 → 1: the first layout: attempts, cards, reviews, notes, settings.
  (db) => {
    db.createObjectStore('attempts', { keyPath: 'id' }).createIndex('questionId', 'questionId');
    db.createObjectStore('cards', { keyPath: 'questionId' }).createIndex('questionId', 'questionId');
    db.createObjectStore('reviews', { keyPath: 'id' });
    db.createObjectStore('notes', { keyPath: 'questionId' }).createIndex('questionId', 'questionId');
    db.createObjectStore('settings', { keyPath: 'id' });
  },
  // 1 → 2: recorded clips, demo prompts and mock interviews: a clips store, reviews indexed by question,
  // and the attempt fields that version 1 lacked (clipId, demo, followUp, mode) filled with their defaults.
  async (db, tx) => {
    db.createObjectStore('clips', { keyPath: 'id' }).createIndex('questionId', 'questionId');
    tx.objectStore('reviews').createIndex('questionId', 'questionId');
    let cursor = await tx.objectStore('attempts').openCursor();
    while (cursor) {
      const old = cursor.value as Record<string, unknown>;
      await cursor.update({ clipId: null, demo: null, followUp: null, mode: 'single', ...old });
      cursor = await cursor.continue();
    }
  },
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/** Opens (creating or upgrading by the migrations) `name` at `version` with the given IDBFactory. */
export function openDatabase(factory: IDBFactory, name: string, version = SCHEMA_VERSION): Promise<Db> {
  const request = factory.open(name, version);
  request.addEventListener('upgradeneeded', (event) => {
    const db = wrap(request.result);
    const tx = wrap(request.transaction!) as unknown as UpgradeTx;
    void (async () => {
      try {
        for (let v = event.oldVersion; v < version; v++) await MIGRATIONS[v]!(db, tx);
      } catch (e) {
        console.error('rehearsal store: migration failed', e);
        tx.abort();
      }
    })();
  });
  return (wrap(request) as unknown as Promise<Db>).then((db) => {
    // Another tab opening a newer version: let it upgrade (this tab's store stops working until reload).
    db.addEventListener('versionchange', () => db.close());
    return db;
  });
}

export async function deleteDatabase(factory: IDBFactory, name: string): Promise<void> {
  await wrap(factory.deleteDatabase(name));
}

/** Every object store of the database as it is, whatever its version, as JSON text (Blobs as base64). */
export async function dumpDatabase(factory: IDBFactory, name: string): Promise<string> {
  const db = (await wrap(factory.open(name))) as unknown as Db;
  try {
    const out: Record<string, unknown> = { database: name, version: db.version };
    for (const store of [...db.objectStoreNames]) {
      const records: unknown[] = [];
      for (const value of await db.getAll(store)) records.push(await jsonSafe(value));
      out[store] = records;
    }
    return JSON.stringify(out, null, 1);
  } finally {
    db.close();
  }
}

async function jsonSafe(value: unknown): Promise<unknown> {
  if (typeof Blob !== 'undefined' && value instanceof Blob) {
    return { blobType: value.type, base64: await blobToBase64(value) };
  }
  if (Array.isArray(value)) return Promise.all(value.map(jsonSafe));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = await jsonSafe(v);
    return out;
  }
  return value;
}

const isQuotaError = (e: unknown): boolean => (e as { name?: string } | null)?.name === 'QuotaExceededError';

export class IdbBackend implements Backend {
  readonly persistent = true;
  constructor(readonly db: Db) {}

  get<T>(store: StoreName, key: string): Promise<T | undefined> {
    return this.db.get(store, key) as Promise<T | undefined>;
  }

  all<T>(store: StoreName, questionId?: string): Promise<T[]> {
    return (
      questionId === undefined
        ? this.db.getAll(store)
        : this.db.getAllFromIndex(store, 'questionId', questionId)
    ) as Promise<T[]>;
  }

  async write(ops: WriteOp[], what = 'this change'): Promise<void> {
    const names = [
      ...new Set(ops.map((op) => ('put' in op ? op.put : 'delete' in op ? op.delete : op.clear))),
    ];
    if (names.length === 0) return;
    const tx = this.db.transaction(names, 'readwrite');
    const pending: Promise<unknown>[] = [];
    let thrown: unknown = null;
    try {
      for (const op of ops) {
        if ('put' in op) pending.push(tx.objectStore(op.put).put(op.value));
        else if ('delete' in op) pending.push(tx.objectStore(op.delete).delete(op.key));
        else pending.push(tx.objectStore(op.clear).clear());
      }
    } catch (e) {
      thrown = e;
      try {
        tx.abort();
      } catch {
        // already finished
      }
    }
    const results = await Promise.allSettled([...pending, tx.done]);
    const failure = thrown ?? results.find((r) => r.status === 'rejected')?.reason ?? null;
    if (failure === null) return;
    if (isQuotaError(failure) || isQuotaError(tx.error)) throw new StorageFullError(what);
    throw failure;
  }
}

// The rehearsal store (issue 14): everything on the device, in IndexedDB through `idb` (store-idb.ts), or
// in memory when IndexedDB is unavailable or fails (status.persistent false, with a message saying what will
// not be saved). A database that cannot be read (damaged records, a failed migration, a newer version) is
// dumped to status.backup for the page to offer as a download, then reset; opening never throws.
//
// Example: const store = await openRehearsalStore(); await store.recordAttempt(attempt) → the question's card.
import type {
  Attempt,
  Backup,
  Clip,
  Note,
  RehearsalSettings,
  RehearsalStore,
  StoreStatus,
  StoredCard,
  StoredReview,
} from './contract.ts';
import { backupToRecords, recordsToBackup } from './backup.ts';
import { reviewCard } from './schedule.ts';
import { MemoryBackend, STORE_NAMES, type Backend, type WriteOp } from './store-backend.ts';
import { DB_NAME, IdbBackend, deleteDatabase, dumpDatabase, openDatabase } from './store-idb.ts';
import {
  checkAttempt,
  checkCard,
  checkList,
  checkNote,
  checkReview,
  checkSettings,
  checkStoredClip,
  summarize,
} from './validate.ts';

export const DEFAULT_SETTINGS: RehearsalSettings = { timerSeconds: 120, hideAnswers: false };

export interface OpenOptions {
  /** The database's name (tests use their own). */
  name?: string;
  /** The IndexedDB factory; null to work from memory. Defaults to the page's `indexedDB`. */
  indexedDB?: IDBFactory | null;
}

const NOT_SAVED =
  'Rehearsals work, but attempts, recordings, notes and the schedule are kept only until this page is ' +
  'closed. Export a backup before leaving to keep them.';

export async function openRehearsalStore(options: OpenOptions = {}): Promise<RehearsalStore> {
  const name = options.name ?? DB_NAME;
  const factory = options.indexedDB === undefined ? globalThis.indexedDB : options.indexedDB;
  if (!factory) {
    return new Store(new MemoryBackend(), {
      persistent: false,
      message: `This browser gives the page no IndexedDB storage. ${NOT_SAVED}`,
    });
  }
  let backend: IdbBackend;
  let backup: string | undefined;
  let why = '';
  try {
    backend = new IdbBackend(await openDatabase(factory, name));
  } catch (openError) {
    // A newer version, a failed migration or a damaged file: keep what can be read, then start afresh.
    try {
      backup = await dumpDatabase(factory, name);
      await deleteDatabase(factory, name);
      backend = new IdbBackend(await openDatabase(factory, name));
      why = `it could not be opened (${describe(openError)})`;
    } catch (e) {
      return new Store(new MemoryBackend(), {
        persistent: false,
        message: `The saved rehearsal data could not be opened (${describe(e)}). ${NOT_SAVED}`,
      });
    }
  }
  if (backup === undefined) {
    const problems = await readProblems(backend);
    if (problems.length > 0) {
      try {
        backup = await dumpDatabase(factory, name);
        await backend.write(STORE_NAMES.map((s) => ({ clear: s })));
        why = `some of it is damaged: ${summarize(problems, 3).join('; ')}`;
      } catch (e) {
        return new Store(new MemoryBackend(), {
          persistent: false,
          message: `The saved rehearsal data is damaged and could not be reset (${describe(e)}). ${NOT_SAVED}`,
        });
      }
    }
  }
  if (backup === undefined) return new Store(backend, { persistent: true, message: '' });
  return new Store(backend, {
    persistent: true,
    message:
      `The saved rehearsal data could not be read, because ${why}. It has been reset; download the backup ` +
      'of what was there to keep it.',
    backup,
  });
}

function describe(e: unknown): string {
  const err = e as { name?: string; message?: string } | null;
  return [err?.name, err?.message].filter(Boolean).join(': ') || String(e);
}

/** Every problem in what the database holds, checked as an import would check it. */
async function readProblems(backend: Backend): Promise<string[]> {
  const problems: string[] = [];
  checkList(await backend.all('attempts'), 'attempts', checkAttempt, 'id', problems);
  checkList(await backend.all('cards'), 'cards', checkCard, 'questionId', problems);
  checkList(await backend.all('reviews'), 'reviews', checkReview, 'id', problems);
  checkList(await backend.all('notes'), 'notes', checkNote, 'questionId', problems);
  checkList(await backend.all('clips'), 'clips', checkStoredClip, 'id', problems);
  const settings = await backend.get<Record<string, unknown>>('settings', 'settings');
  if (settings) {
    const { id: _id, ...rest } = settings;
    checkSettings(rest, 'settings', problems);
  }
  return problems;
}

const byTime = (a: Attempt, b: Attempt): number =>
  a.startedAt < b.startedAt ? -1 : a.startedAt > b.startedAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

class Store implements RehearsalStore {
  constructor(
    private readonly backend: Backend,
    readonly status: StoreStatus,
  ) {}

  async settings(): Promise<RehearsalSettings> {
    const stored = await this.backend.get<RehearsalSettings & { id: string }>('settings', 'settings');
    if (!stored) return { ...DEFAULT_SETTINGS };
    return { timerSeconds: stored.timerSeconds, hideAnswers: stored.hideAnswers };
  }

  async saveSettings(settings: RehearsalSettings): Promise<void> {
    assertValid(checkSettings, settings, 'settings');
    const { timerSeconds, hideAnswers } = settings;
    await this.backend.write([{ put: 'settings', value: { id: 'settings', timerSeconds, hideAnswers } }]);
  }

  async recordAttempt(attempt: Attempt, now = new Date()): Promise<StoredCard> {
    assertValid(checkAttempt, attempt, 'attempt');
    if (await this.backend.get('attempts', attempt.id)) {
      throw new Error(`attempt ${attempt.id} is already recorded`);
    }
    const current = (await this.backend.get<StoredCard>('cards', attempt.questionId)) ?? null;
    const { card, review } = reviewCard(
      current,
      attempt.questionId,
      attempt.grade,
      attempt.id,
      `review-${attempt.id}`,
      now,
    );
    await this.backend.write(
      [
        { put: 'attempts', value: attempt },
        { put: 'cards', value: card },
        { put: 'reviews', value: review },
      ],
      'this attempt',
    );
    return card;
  }

  async attempts(questionId?: string): Promise<Attempt[]> {
    return (await this.backend.all<Attempt>('attempts', questionId)).sort(byTime);
  }

  async card(questionId: string): Promise<StoredCard | null> {
    return (await this.backend.get<StoredCard>('cards', questionId)) ?? null;
  }

  cards(): Promise<StoredCard[]> {
    return this.backend.all<StoredCard>('cards');
  }

  async reviews(questionId?: string): Promise<StoredReview[]> {
    const reviews = await this.backend.all<StoredReview>('reviews', questionId);
    return reviews.sort((a, b) => String(a.log.review).localeCompare(String(b.log.review)));
  }

  async note(questionId: string): Promise<Note | null> {
    return (await this.backend.get<Note>('notes', questionId)) ?? null;
  }

  async saveNote(note: Note): Promise<void> {
    assertValid(checkNote, note, 'note');
    await this.backend.write([{ put: 'notes', value: note }], 'this note');
  }

  async saveClip(clip: Clip): Promise<void> {
    assertValid(checkStoredClip, clip, 'clip');
    await this.backend.write([{ put: 'clips', value: clip }], 'this recording');
  }

  async clip(id: string): Promise<Clip | null> {
    return (await this.backend.get<Clip>('clips', id)) ?? null;
  }

  async deleteClip(id: string): Promise<void> {
    await this.backend.write([{ delete: 'clips', key: id }]);
  }

  async forgetQuestion(questionId: string): Promise<void> {
    const ops: WriteOp[] = [
      { delete: 'cards', key: questionId },
      { delete: 'notes', key: questionId },
    ];
    for (const store of ['attempts', 'reviews', 'clips'] as const) {
      for (const r of await this.backend.all<{ id: string }>(store, questionId))
        ops.push({ delete: store, key: r.id });
    }
    await this.backend.write(ops);
  }

  async forgetAll(): Promise<void> {
    await this.backend.write(STORE_NAMES.map((s) => ({ clear: s })));
  }

  async exportAll(): Promise<Backup> {
    return recordsToBackup({
      settings: await this.settings(),
      attempts: await this.attempts(),
      cards: await this.cards(),
      reviews: await this.reviews(),
      notes: await this.backend.all<Note>('notes'),
      clips: await this.backend.all<Clip>('clips'),
    });
  }

  async importAll(data: unknown): Promise<{ ok: boolean; problems: string[] }> {
    const checked = backupToRecords(data);
    if (!checked.ok) return { ok: false, problems: summarize(checked.problems) };
    const r = checked.records;
    const ops: WriteOp[] = STORE_NAMES.map((s) => ({ clear: s }));
    ops.push({ put: 'settings', value: { id: 'settings', ...r.settings } });
    for (const value of r.attempts) ops.push({ put: 'attempts', value });
    for (const value of r.cards) ops.push({ put: 'cards', value });
    for (const value of r.reviews) ops.push({ put: 'reviews', value });
    for (const value of r.notes) ops.push({ put: 'notes', value });
    for (const value of r.clips) ops.push({ put: 'clips', value });
    try {
      await this.backend.write(ops, 'the imported backup');
    } catch (e) {
      return { ok: false, problems: [(e as Error).message] };
    }
    return { ok: true, problems: [] };
  }
}

function assertValid(
  check: (v: unknown, path: string, problems: string[]) => void,
  value: unknown,
  path: string,
): void {
  const problems: string[] = [];
  check(value, path, problems);
  if (problems.length > 0) throw new Error(`Not saved: ${summarize(problems, 5).join('; ')}`);
}

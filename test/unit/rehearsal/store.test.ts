// The rehearsal store over IndexedDB (fake-indexeddb in Node) and its in-memory fallback (issue 14):
// record → reopen → same; export → clear → import → identical; a damaged file → problems by path and nothing
// changed; the v1 → v2 migration on a v1 database made here; unavailable, unreadable and full storage.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Attempt, Backup, Clip, RehearsalStore } from '../../../src/rehearsal/contract';
import { reviewCard } from '../../../src/rehearsal/schedule';
import { openRehearsalStore } from '../../../src/rehearsal/store';
import { openDatabase, SCHEMA_VERSION } from '../../../src/rehearsal/store-idb';

const t0 = Date.parse('2026-03-02T09:00:00Z');
const iso = (minutes: number) => new Date(t0 + minutes * 60_000).toISOString();

function attempt(n: number, over: Partial<Attempt> = {}): Attempt {
  return {
    id: `att-${n}`,
    questionId: n % 2 ? 'attention' : 'backprop',
    startedAt: iso(n * 30),
    durationMs: 90_000 + n,
    targetMs: 120_000,
    typed: `answer ${n}`,
    clipId: null,
    autoCovered: ['kp1'],
    covered: ['kp1', 'kp3'],
    grade: (['again', 'hard', 'good', 'easy'] as const)[n % 4],
    mode: 'single',
    demo: null,
    followUp: null,
    ...over,
  };
}

const clip = (id: string, bytes: number[]): Clip => ({
  id,
  questionId: 'attention',
  attemptId: 'att-1',
  mimeType: 'audio/webm',
  createdAt: iso(31),
  durationMs: 4000,
  blob: new Blob([new Uint8Array(bytes)], { type: 'audio/webm' }),
});

async function fill(store: RehearsalStore): Promise<void> {
  await store.saveSettings({ timerSeconds: 90, hideAnswers: true });
  for (let n = 1; n <= 4; n++) await store.recordAttempt(attempt(n), new Date(t0 + n * 30 * 60_000 + 60_000));
  await store.saveNote({ questionId: 'attention', markdown: '**scale** by √d', updatedAt: iso(5) });
  await store.saveClip(clip('clip-1', [1, 2, 3, 250]));
}

const bytesOf = async (c: Clip | null) => [...new Uint8Array(await c!.blob.arrayBuffer())];
const withoutTime = (b: Backup) => ({ ...b, exportedAt: '' });

afterEach(() => vi.restoreAllMocks());

describe('rehearsal store', () => {
  it('keeps what was recorded across a reopen, with the card ts-fsrs gives', async () => {
    const factory = new IDBFactory();
    const store = await openRehearsalStore({ indexedDB: factory, name: 'a' });
    expect(store.status).toEqual({ persistent: true, message: '' });
    await fill(store);
    const again = await openRehearsalStore({ indexedDB: factory, name: 'a' });
    expect(await again.settings()).toEqual({ timerSeconds: 90, hideAnswers: true });
    expect((await again.attempts()).map((a) => a.id)).toEqual(['att-1', 'att-2', 'att-3', 'att-4']);
    expect(await again.attempts('attention')).toEqual([attempt(1), attempt(3)]);
    // attention: att-1 graded hard at t0+31 min, then att-3 easy at t0+91 min.
    const first = reviewCard(null, 'attention', 'hard', 'att-1', 'r', new Date(t0 + 31 * 60_000)).card;
    const second = reviewCard(first, 'attention', 'easy', 'att-3', 'r', new Date(t0 + 91 * 60_000)).card;
    expect(await again.card('attention')).toEqual(second);
    expect((await again.reviews('attention')).map((r) => [r.attemptId, r.grade])).toEqual([
      ['att-1', 'hard'],
      ['att-3', 'easy'],
    ]);
    expect((await again.note('attention'))!.markdown).toBe('**scale** by √d');
    expect(await bytesOf(await again.clip('clip-1'))).toEqual([1, 2, 3, 250]);
    await expect(again.recordAttempt(attempt(1))).rejects.toThrow(/already recorded/);
    await expect(again.recordAttempt(attempt(9, { grade: 'fine' as never }))).rejects.toThrow(
      /attempt\.grade must be one of again, hard, good, easy/,
    );
  });

  it('exports, clears and imports back to an identical store, clips through base64', async () => {
    const store = await openRehearsalStore({ indexedDB: new IDBFactory(), name: 'b' });
    await fill(store);
    const before = await store.exportAll();
    expect(before.clips[0]!.data).toBe('AQID+g=='); // bytes 1, 2, 3, 250 by hand
    await store.forgetAll();
    expect(await store.attempts()).toEqual([]);
    const file = JSON.parse(JSON.stringify(before)) as unknown;
    expect(await store.importAll(file)).toEqual({ ok: true, problems: [] });
    expect(withoutTime(await store.exportAll())).toEqual(withoutTime(before));
    expect(await bytesOf(await store.clip('clip-1'))).toEqual([1, 2, 3, 250]);
  });

  it('refuses a damaged file, naming each problem by path, and changes nothing', async () => {
    const store = await openRehearsalStore({ indexedDB: new IDBFactory(), name: 'c' });
    await fill(store);
    const before = await store.exportAll();
    const bad = JSON.parse(JSON.stringify(before)) as Record<
      'attempts' | 'cards' | 'clips',
      Record<string, unknown>[]
    >;
    bad.attempts[3]!.grade = 'great';
    bad.cards[0]!.due = 'yesterday';
    bad.clips[0]!.data = 'not base64!';
    bad.attempts[2]!.id = 'att-1';
    const result = await store.importAll(bad);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'attempts[2].id repeats attempts[0].id',
      'attempts[3].grade must be one of again, hard, good, easy',
      'cards[0].due must be an ISO date and time (got "yesterday")',
      'clips[0].data must be base64 data (got "11 characters")',
    ]);
    expect((await store.importAll('{')).problems[0]).toMatch(/not a Viva rehearsal backup/);
    expect((await store.importAll({ ...before, format: 'other' })).problems).toEqual([
      'format must be "viva-rehearsal" (got "other")',
    ]);
    expect(withoutTime(await store.exportAll())).toEqual(withoutTime(before));
  });

  it('forgets one question, or everything', async () => {
    const store = await openRehearsalStore({ indexedDB: new IDBFactory(), name: 'd' });
    await fill(store);
    await store.forgetQuestion('attention');
    expect((await store.attempts()).map((a) => a.questionId)).toEqual(['backprop', 'backprop']);
    expect([
      await store.card('attention'),
      await store.note('attention'),
      await store.clip('clip-1'),
    ]).toEqual([null, null, null]);
    expect((await store.reviews()).map((r) => r.questionId)).toEqual(['backprop', 'backprop']);
    await store.forgetAll();
    expect([await store.cards(), await store.reviews(), await store.settings()]).toEqual([
      [],
      [],
      { timerSeconds: 120, hideAnswers: false },
    ]);
  });

  it('migrates a version-1 database: attempts gain their new fields, clips can be stored', async () => {
    const factory = new IDBFactory();
    const v1 = await openDatabase(factory, 'e', 1);
    expect([...v1.objectStoreNames].sort()).toEqual(['attempts', 'cards', 'notes', 'reviews', 'settings']);
    const { clipId: _c, demo: _d, followUp: _f, mode: _m, ...old } = attempt(1);
    await v1.put('attempts', old);
    v1.close();
    const store = await openRehearsalStore({ indexedDB: factory, name: 'e' });
    expect(store.status).toEqual({ persistent: true, message: '' });
    expect(await store.attempts()).toEqual([attempt(1)]);
    await store.saveClip(clip('clip-9', [7]));
    expect(await bytesOf(await store.clip('clip-9'))).toEqual([7]);
    expect(SCHEMA_VERSION).toBe(2);
  });
});

describe('when storage fails', () => {
  it('works from memory, saying so, when IndexedDB is unavailable or refuses to open', async () => {
    const none = await openRehearsalStore({ indexedDB: null });
    expect(none.status.persistent).toBe(false);
    expect(none.status.message).toMatch(/no IndexedDB.*kept only until this page is closed/);
    await fill(none);
    expect((await none.attempts()).length).toBe(4);
    expect(await bytesOf(await none.clip('clip-1'))).toEqual([1, 2, 3, 250]);
    const refusing = {
      open: () => {
        throw new DOMException('The user denied permission', 'SecurityError');
      },
    } as unknown as IDBFactory;
    const memory = await openRehearsalStore({ indexedDB: refusing });
    expect(memory.status.persistent).toBe(false);
    expect(memory.status.message).toMatch(
      /could not be opened \(SecurityError: The user denied permission\)/,
    );
  });

  it('backs up and resets a store it cannot read, never throwing', async () => {
    const factory = new IDBFactory();
    const db = await openDatabase(factory, 'f');
    await db.put('attempts', { ...attempt(1), grade: 'great' });
    db.close();
    const store = await openRehearsalStore({ indexedDB: factory, name: 'f' });
    expect(store.status.persistent).toBe(true);
    expect(store.status.message).toMatch(/damaged: attempts\[0\]\.grade must be one of .* has been reset/);
    expect(JSON.parse(store.status.backup!).attempts[0].grade).toBe('great');
    expect(await store.attempts()).toEqual([]);

    const newer = factory.open('g', 99);
    newer.onupgradeneeded = () => newer.result.createObjectStore('future').put({ v: 1 }, 'k');
    await new Promise((resolve) => (newer.onsuccess = resolve));
    newer.result.close();
    const reset = await openRehearsalStore({ indexedDB: factory, name: 'g' });
    expect(reset.status.message).toMatch(/could not be opened \(VersionError/);
    expect(JSON.parse(reset.status.backup!)).toMatchObject({ version: 99, future: [{ v: 1 }] });
    await reset.recordAttempt(attempt(1));
    expect((await reset.attempts()).length).toBe(1);
  });

  it('reports a full storage clearly and loses nothing already saved', async () => {
    const store = await openRehearsalStore({ indexedDB: new IDBFactory(), name: 'h' });
    await fill(store);
    const cardBefore = await store.card('attention');
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'reviews' || this.name === 'clips')
        throw new DOMException('full', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(store.saveClip(clip('clip-2', [9]))).rejects.toThrow(
      /storage for this page is full, so this recording was not saved; everything saved before is kept/,
    );
    await expect(store.recordAttempt(attempt(5))).rejects.toThrow(/so this attempt was not saved/);
    vi.restoreAllMocks();
    expect((await store.attempts()).map((a) => a.id)).toEqual(['att-1', 'att-2', 'att-3', 'att-4']);
    expect(await store.card('attention')).toEqual(cardBefore);
    expect(await store.clip('clip-2')).toBeNull();
    expect(await bytesOf(await store.clip('clip-1'))).toEqual([1, 2, 3, 250]);
  });
});

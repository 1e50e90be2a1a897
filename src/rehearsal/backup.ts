// The backup file (issue 14): everything as one JSON object (clips as base64), and its validation on import,
// which checks every field first and reports each problem by path, so a wrong file changes nothing.
import type { Attempt, Backup, Clip, Note, RehearsalSettings, StoredCard, StoredReview } from './contract.ts';
import { base64ToBlob, blobToBase64 } from './base64.ts';
import {
  checkAttempt,
  checkCard,
  checkExportedClip,
  checkList,
  checkNote,
  checkReview,
  checkSettings,
} from './validate.ts';

export const BACKUP_FORMAT = 'viva-rehearsal';
/** The backup file's format version (independent of the database schema's version). */
export const BACKUP_VERSION = 1;

export interface Records {
  settings: RehearsalSettings;
  attempts: Attempt[];
  cards: StoredCard[];
  reviews: StoredReview[];
  notes: Note[];
  clips: Clip[];
}

export async function recordsToBackup(r: Records, now = new Date()): Promise<Backup> {
  const clips: Backup['clips'] = [];
  for (const { blob, ...rest } of r.clips) clips.push({ ...rest, data: await blobToBase64(blob) });
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    settings: { timerSeconds: r.settings.timerSeconds, hideAnswers: r.settings.hideAnswers },
    attempts: r.attempts,
    cards: r.cards,
    reviews: r.reviews,
    notes: r.notes,
    clips,
  };
}

const LISTS = ['attempts', 'cards', 'reviews', 'notes', 'clips'] as const;

/** Checks a parsed backup file field by field; on success, the records to store (clips as Blobs again). */
export function backupToRecords(
  data: unknown,
): { ok: true; records: Records } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: ['the file is not a Viva rehearsal backup (expected a JSON object)'] };
  }
  const b = data as Record<string, unknown>;
  if (b.format !== BACKUP_FORMAT) {
    return {
      ok: false,
      problems: [`format must be "${BACKUP_FORMAT}" (got ${JSON.stringify(b.format) ?? 'nothing'})`],
    };
  }
  if (typeof b.version !== 'number' || !Number.isInteger(b.version) || b.version < 1) {
    problems.push(`version must be a whole number from 1 (got ${JSON.stringify(b.version)})`);
  } else if (b.version > BACKUP_VERSION) {
    problems.push(`version ${b.version} is newer than this app reads (${BACKUP_VERSION}); update Viva first`);
  }
  if (typeof b.exportedAt !== 'string' || !Number.isFinite(Date.parse(b.exportedAt))) {
    problems.push('exportedAt must be an ISO date and time');
  }
  checkSettings(b.settings, 'settings', problems);
  checkList(b.attempts, 'attempts', checkAttempt, 'id', problems);
  checkList(b.cards, 'cards', checkCard, 'questionId', problems);
  checkList(b.reviews, 'reviews', checkReview, 'id', problems);
  checkList(b.notes, 'notes', checkNote, 'questionId', problems);
  checkList(b.clips, 'clips', checkExportedClip, 'id', problems);
  const known = new Set<string>(['format', 'version', 'exportedAt', 'settings', ...LISTS]);
  for (const key of Object.keys(b)) if (!known.has(key)) problems.push(`${key} is not a field of a backup`);
  if (problems.length > 0) return { ok: false, problems };
  const clips = (b.clips as Backup['clips']).map(({ data: base64, ...rest }) => ({
    ...rest,
    blob: base64ToBlob(base64, rest.mimeType),
  }));
  return {
    ok: true,
    records: {
      settings: b.settings as RehearsalSettings,
      attempts: b.attempts as Attempt[],
      cards: b.cards as StoredCard[],
      reviews: b.reviews as StoredReview[],
      notes: b.notes as Note[],
      clips,
    },
  };
}

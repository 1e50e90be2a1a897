// The rehearsal mode's data contract (issue 14): what the data layer (src/rehearsal/) offers the views
// (src/ui/rehearsal/). Plain data only; dates are ISO strings so a record survives IndexedDB, JSON export and
// import unchanged. The store keeps everything on the device; nothing is sent anywhere.
//
// The data layer implements `RehearsalStore` (store.ts, over IndexedDB through `idb`, with an in-memory
// fallback when IndexedDB is unavailable), scheduling with `ts-fsrs` (schedule.ts), key-point matching
// (match.ts), the mock-interview draw (mock.ts) and the progress figures (progress.ts).

/** The four self-grades of FSRS (ts-fsrs `Rating.Again`…`Rating.Easy`). */
export type Grade = 'again' | 'hard' | 'good' | 'easy';
export const GRADES: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

/** A key point of a question, as compiled from its page: the text and the phrasings that count as covering it. */
export interface KeyPoint {
  /** Stable within a question: 'kp1', 'kp2', … in page order. */
  id: string;
  /** Plain text of the point (no HTML), for the checklist and the progress view. */
  text: string;
  /** Lower-case phrasings; a typed answer containing any of them (after normalization) covers the point. */
  phrases: string[];
}

/** One follow-up question of a page, asked after the answer in a mock interview. */
export interface FollowUp {
  /** Plain text of the follow-up question. */
  question: string;
  /** Sanitized HTML of its model answer (from the page). */
  answerHtml: string;
}

/** A demo state to explain aloud: the demo is set through its settings (a link query) and the user explains. */
export interface DemoPrompt {
  id: string;
  /** The question (cell) whose demo this sets. */
  questionId: string;
  /** What to explain, e.g. "A deep sigmoid net without normalization: explain the gradient plot." */
  prompt: string;
  /** The settings, as the query of a demo link (`key=value&…`), applied with the cell's openLink. */
  query: string;
}

export interface Attempt {
  /** crypto.randomUUID(). */
  id: string;
  questionId: string;
  /** ISO time the attempt started. */
  startedAt: string;
  /** Time from start to Reveal, in ms. */
  durationMs: number;
  /** The timer's target (2 minutes by default), in ms. */
  targetMs: number;
  /** The typed answer ('' when only spoken). */
  typed: string;
  /** The recorded clip, if any (see Clip). */
  clipId: string | null;
  /** Key point ids ticked automatically from the typed answer. */
  autoCovered: string[];
  /** Key point ids ticked when graded (automatic ones the user kept, plus the user's own ticks). */
  covered: string[];
  grade: Grade;
  mode: 'single' | 'mock';
  /** When the attempt explained a demo state: the prompt and the demo's settings as they were (a link query). */
  demo: { promptId: string; query: string } | null;
  /** In a mock interview: the follow-up asked and what was typed for it. */
  followUp: { question: string; typed: string } | null;
}

/** A recorded answer; the audio stays on the device. */
export interface Clip {
  id: string;
  questionId: string;
  attemptId: string | null;
  mimeType: string;
  createdAt: string;
  durationMs: number;
  blob: Blob;
}

/** A question's FSRS card as stored (ts-fsrs `Card` with dates as ISO strings). */
export interface StoredCard {
  questionId: string;
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  /** ts-fsrs `State` (0 New, 1 Learning, 2 Review, 3 Relearning). */
  state: number;
  last_review: string | null;
}

/** One review as stored (ts-fsrs `ReviewLog` with dates as ISO strings, plus the attempt it came from). */
export interface StoredReview {
  id: string;
  questionId: string;
  attemptId: string;
  grade: Grade;
  /** The ts-fsrs ReviewLog fields (rating, state, due, stability, difficulty, elapsed_days, …, review). */
  log: Record<string, number | string | null>;
}

/** Personal notes on a question (Markdown; shown sanitized beside the answer; never mixed into the content). */
export interface Note {
  questionId: string;
  markdown: string;
  updatedAt: string;
}

export interface RehearsalSettings {
  /** The answer timer, in seconds (default 120). */
  timerSeconds: number;
  /** Flash-card mode: every cell hides its answer until revealed. */
  hideAnswers: boolean;
}

/** Everything, as exported to and imported from one JSON file (clips as base64 data). */
export interface Backup {
  format: 'viva-rehearsal';
  version: number;
  exportedAt: string;
  settings: RehearsalSettings;
  attempts: Attempt[];
  cards: StoredCard[];
  reviews: StoredReview[];
  notes: Note[];
  clips: (Omit<Clip, 'blob'> & { data: string })[];
}

/** What opening the store found: ok, or why it works from memory (nothing will be saved) or was reset. */
export interface StoreStatus {
  persistent: boolean;
  /** A message for the page when something is not as it should be ('' when all is well). */
  message: string;
  /**
   * Set when the saved data could not be read and the store was reset: what was there, as JSON text (clips
   * as base64), for the page to offer as a download. Absent otherwise.
   */
  backup?: string;
}

export interface RehearsalStore {
  readonly status: StoreStatus;
  settings(): Promise<RehearsalSettings>;
  saveSettings(settings: RehearsalSettings): Promise<void>;
  /** Saves the attempt, schedules the question's card with the grade (ts-fsrs), logs the review. */
  recordAttempt(attempt: Attempt, now?: Date): Promise<StoredCard>;
  attempts(questionId?: string): Promise<Attempt[]>;
  card(questionId: string): Promise<StoredCard | null>;
  cards(): Promise<StoredCard[]>;
  reviews(questionId?: string): Promise<StoredReview[]>;
  note(questionId: string): Promise<Note | null>;
  saveNote(note: Note): Promise<void>;
  saveClip(clip: Clip): Promise<void>;
  clip(id: string): Promise<Clip | null>;
  deleteClip(id: string): Promise<void>;
  /** Deletes a question's attempts, card, reviews, note and clips. */
  forgetQuestion(questionId: string): Promise<void>;
  forgetAll(): Promise<void>;
  exportAll(): Promise<Backup>;
  /** Validates first; on any problem changes nothing and returns the problems (naming what is wrong). */
  importAll(data: unknown): Promise<{ ok: boolean; problems: string[] }>;
}

// The rehearsal content of the pages (issue 14): key points with their phrasings and follow-up questions,
// compiled at build time into `virtual:viva-rehearsal` (src/notebook/content-plugin.ts), a chunk of its own
// that loads on the first call here, so the notebook's first paint does not carry it. Loaded once; a failed
// load (offline, a stale deployment) rejects and the next call tries again.
//
// Example: const q = await rehearsalQuestion(cellById('attention')!); q.keyPoints[0].phrases → ['weighted sum…', …]
import type { Question, RehearsalContent, RehearsalQuestion } from '../notebook/question.ts';

let pending: Promise<Readonly<Record<string, RehearsalContent>>> | null = null;

export function loadRehearsalContent(): Promise<Readonly<Record<string, RehearsalContent>>> {
  pending ??= import('virtual:viva-rehearsal').then(
    (m) => m.default,
    (e: unknown) => {
      pending = null;
      throw e;
    },
  );
  return pending;
}

/** The question with its key points and follow-ups (a question the build did not compile has none). */
export async function rehearsalQuestion(question: Question): Promise<RehearsalQuestion> {
  const content = (await loadRehearsalContent())[question.id] ?? { keyPoints: [], followUps: [] };
  return { ...question, ...content };
}

/** Every question with its rehearsal content, in the given order (for the progress view and mock draws). */
export async function rehearsalQuestions(questions: readonly Question[]): Promise<RehearsalQuestion[]> {
  const all = await loadRehearsalContent();
  return questions.map((q) => ({ ...q, ...(all[q.id] ?? { keyPoints: [], followUps: [] }) }));
}

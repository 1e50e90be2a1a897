// The shape of one compiled question (a notebook cell's content). Shared by the build-time compiler and
// the app; plain data only.
import type { FollowUp, KeyPoint } from '../rehearsal/contract.ts';

export const SECTIONS = [
  'Deep learning theory',
  'Research methodology',
  'Advanced topics',
  'Reinforcement learning',
  'Graph neural networks',
  'Model interpretability',
] as const;
export const RARITIES = ['Very common', 'Common', 'Medium', 'Added'] as const;
export const DIFFICULTIES = ['Easy', 'Medium', 'Hard'] as const;

export type Section = (typeof SECTIONS)[number];
export type Rarity = (typeof RARITIES)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];

/** The body's six sections, in the order they must appear, with their Markdown headings. */
export const BODY_SECTIONS = [
  { key: 'answer', heading: 'Answer' },
  { key: 'keyPoints', heading: 'Key points' },
  { key: 'formulas', heading: 'Formulas' },
  { key: 'pitfalls', heading: 'Pitfalls' },
  { key: 'followUps', heading: 'Follow-up questions' },
  { key: 'outline', heading: 'Spoken outline' },
] as const;

export type BodyKey = (typeof BODY_SECTIONS)[number]['key'];

export const OUTLINE_LABELS = [
  'Assumptions',
  'Method',
  'Expected result',
  'Failure mode',
  'Next experiment',
] as const;

export interface QuestionMeta {
  id: string;
  number: number;
  title: string;
  section: Section;
  rarity: Rarity;
  difficulty: Difficulty;
  /** The demo's id, or null when the question has none. */
  demo: string | null;
}

export interface Question extends QuestionMeta {
  /** Sanitized HTML of each body section, math already rendered. */
  html: Record<BodyKey, string>;
  /** Words in the answer section (math excluded). */
  answerWords: number;
}

/**
 * What the rehearsal mode needs of a page beyond its cell. It ships in a chunk of its own
 * (`virtual:viva-rehearsal`, loaded by src/rehearsal/content.ts when rehearsal opens), not in the first paint.
 */
export interface RehearsalContent {
  /** The `## Key points` list as plain text ('kp1'…), each with the phrasings that count as covering it. */
  keyPoints: KeyPoint[];
  /** The `## Follow-up questions` list: each question and its answer's HTML. */
  followUps: FollowUp[];
}

/** A question with its rehearsal content: what the compiler produces, and what rehearsal works on. */
export interface RehearsalQuestion extends Question, RehearsalContent {}

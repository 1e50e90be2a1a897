// Filtering the notebook by section, rarity, difficulty and free text. Pure functions: the table of
// contents and the cell list both use them, and unit tests pin them down.
import { SECTIONS, type Question } from './question';

export interface CellFilter {
  section: string; // '' = any
  rarity: string;
  difficulty: string;
  text: string;
}

export const NO_FILTER: CellFilter = { section: '', rarity: '', difficulty: '', text: '' };

/** The text a cell is searched by: title, metadata and the explanation with tags stripped, lower-cased. */
export function searchText(q: Question): string {
  const body = Object.values(q.html).join(' ');
  return `${q.number} ${q.id} ${q.title} ${q.section} ${q.rarity} ${q.difficulty} ${htmlToText(body)}`.toLowerCase();
}

export function htmlToText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

/** Every whitespace-separated word of the query must occur somewhere in the cell's text. */
export function matches(q: Question, filter: CellFilter, text: string = searchText(q)): boolean {
  if (filter.section && q.section !== filter.section) return false;
  if (filter.rarity && q.rarity !== filter.rarity) return false;
  if (filter.difficulty && q.difficulty !== filter.difficulty) return false;
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((w) => text.includes(w));
}

export interface SectionGroup {
  section: string;
  questions: Question[];
}

/** Questions grouped by section, in the notebook's section order, empty groups dropped. */
export function groupBySection(questions: readonly Question[]): SectionGroup[] {
  return SECTIONS.map((section) => ({
    section,
    questions: questions.filter((q) => q.section === section).sort((a, b) => a.number - b.number),
  })).filter((g) => g.questions.length > 0);
}

// The notebook's cells, compiled from notebooks/*.md at build time (see content-plugin.ts).
import questions from 'virtual:viva-notebook';
import type { Question } from './question';

export const cells: readonly Question[] = questions;

export function cellById(id: string): Question | undefined {
  return cells.find((q) => q.id === id);
}

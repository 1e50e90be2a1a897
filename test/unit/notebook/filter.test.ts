import { describe, expect, it } from 'vitest';
import { compileNotebookDir } from '../../../src/notebook/content-plugin';
import {
  groupBySection,
  htmlToText,
  matches,
  NO_FILTER,
  type CellFilter,
} from '../../../src/notebook/filter';

const questions = compileNotebookDir('notebooks');
const ids = (f: Partial<CellFilter>) =>
  questions.filter((q) => matches(q, { ...NO_FILTER, ...f })).map((q) => q.number);

describe('filtering the notebook', () => {
  it('shows everything with no filter', () => {
    expect(ids({})).toHaveLength(16);
  });

  it('filters by section, rarity and difficulty, and combines them', () => {
    expect(ids({ section: 'Deep learning theory' })).toEqual([1, 2, 3, 4, 5]);
    expect(ids({ section: 'Research methodology' })).toEqual([6, 7, 8, 9]);
    expect(ids({ rarity: 'Added' })).toEqual([9]);
    expect(ids({ difficulty: 'Easy' })).toEqual([13]);
    expect(ids({ section: 'Deep learning theory', difficulty: 'Medium' })).toEqual([4]);
  });

  it('searches titles and explanations, case-insensitively, every word required', () => {
    expect(ids({ text: 'BELLMAN' })).toContain(14);
    expect(ids({ text: 'softmax temperature' })).toEqual(expect.arrayContaining([3, 10]));
    expect(ids({ text: 'zzzz-not-a-word' })).toEqual([]);
    expect(ids({ text: '  ' })).toHaveLength(16);
  });

  it('groups by section in notebook order', () => {
    const groups = groupBySection(questions);
    expect(groups.map((g) => [g.section, g.questions.length])).toEqual([
      ['Deep learning theory', 5],
      ['Research methodology', 4],
      ['Advanced topics', 4],
      ['Reinforcement learning', 1],
      ['Graph neural networks', 1],
      ['Model interpretability', 1],
    ]);
  });

  it('turns HTML into searchable text', () => {
    expect(htmlToText('<p>a &amp; <em>b</em></p>\n<p>c&lt;d</p>')).toBe(' a & b c<d ');
  });
});

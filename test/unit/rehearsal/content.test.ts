// The rehearsal content ships apart from the cells (issue 14): the first-paint module carries no key points,
// phrasings or follow-ups, and the lazily loaded one gives back exactly what the compiler produced.
import { describe, expect, it } from 'vitest';
import cells from 'virtual:viva-notebook';
import { compileNotebookDir } from '../../../src/notebook/content-plugin';
import { loadRehearsalContent, rehearsalQuestion, rehearsalQuestions } from '../../../src/rehearsal/content';

describe('rehearsal content', () => {
  const compiled = compileNotebookDir('notebooks');

  it('keeps key points and follow-ups out of the cells and gives them back on demand', async () => {
    expect(cells.map((q) => q.id)).toEqual(compiled.map((q) => q.id));
    expect(cells.some((q) => 'followUps' in q || 'keyPoints' in q)).toBe(false);
    const all = await rehearsalQuestions(cells);
    expect(all).toEqual(compiled);
    expect(await rehearsalQuestion(cells[2]!)).toEqual(compiled[2]);
    expect(await loadRehearsalContent()).toBe(await loadRehearsalContent());
    const unknown = await rehearsalQuestion({ ...cells[0]!, id: 'not-compiled' });
    expect([unknown.keyPoints, unknown.followUps]).toEqual([[], []]);
  });
});

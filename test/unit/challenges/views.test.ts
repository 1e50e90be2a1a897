// Each open-problems panel is tied to the answer it illustrates: every piece of its quote (split at " … ")
// is in question 13's answer as the notebook states it (markdown emphasis removed). A rewrite of the answer
// that drops a quoted phrase fails here, so the panel's heading and quote are updated with it.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { PANEL_TEXT } from '../../../src/demos/challenges/views';

const answer = readFileSync('notebooks/13-challenges.md', 'utf8').replace(/\*\*/g, '').replace(/\s+/g, ' ');

test.each(Object.entries(PANEL_TEXT))('the %s panel quotes the answer', (_, { quote }) => {
  for (const piece of quote.split(' … ')) expect(answer).toContain(piece);
});

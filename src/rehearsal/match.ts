// Key-point matching for a typed answer (issue 14). A key point is covered when the answer contains any of
// its phrasings after both are normalized the same way: lower case, punctuation and hyphens to spaces,
// whitespace collapsed, and each word reduced by a few suffix rules (plural -s/-es/-ies, -ing, -ed, final
// -e) so that "saturates", "saturated" and "saturating" meet. A phrase matches whole words only.
//
// Example: matchKeyPoints('We run the chain rule backwards', [{ id: 'kp1', text: '…', phrases:
// ['chain rule backward'] }]) → ['kp1'].
import type { KeyPoint } from './contract.ts';

/** Reduces one lower-case word by the suffix rules above; short words are left alone. */
export function stemWord(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(?:s|x|z|ch|sh)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|is|as|ous)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * Lower case; every run of characters that is not a letter or a digit (hyphens, dashes, punctuation,
 * math symbols, whitespace) becomes one space; each word is stemmed. Returns the words joined by single
 * spaces ('' when there are none).
 */
export function normalizeText(text: string): string {
  const words = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return words.map(stemWord).join(' ');
}

/** The ids of the points whose phrasings occur in `typed` (whole words, after normalization), in order. */
export function matchKeyPoints(typed: string, points: KeyPoint[]): string[] {
  const text = ` ${normalizeText(typed)} `;
  if (text.trim() === '') return [];
  const covered: string[] = [];
  for (const point of points) {
    const hit = point.phrases.some((phrase) => {
      const p = normalizeText(phrase);
      return p !== '' && text.includes(` ${p} `);
    });
    if (hit) covered.push(point.id);
  }
  return covered;
}

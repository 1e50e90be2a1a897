// Key points with their phrasings and follow-up questions as compiled data (issue 14): parsing, the build's
// validation of the front matter's `phrases:` list, and the shipped pages' phrasings.
import { describe, expect, it } from 'vitest';
import { compileQuestion, ContentError, MIN_ANSWER_WORDS } from '../../../src/notebook/compile-question';
import { compileNotebookDir } from '../../../src/notebook/content-plugin';
import { plainText, texToText } from '../../../src/notebook/key-points';
import { normalizeText } from '../../../src/rehearsal/match';

const answer = Array.from({ length: MIN_ANSWER_WORDS }, (_, i) => `w${i}`).join(' ');
const outline =
  '- **Assumptions:** a\n- **Method:** b\n- **Expected result:** c\n- **Failure mode:** d\n- **Next experiment:** e';

function page(phrases: string, keyPoints: string, followUps = '- **Why?** Because $x^2$ grows.'): string {
  return [
    '---',
    'id: toy',
    'number: 7',
    'title: A toy?',
    'section: Advanced topics',
    'rarity: Common',
    'difficulty: Easy',
    'demo: none',
    phrases,
    '---',
    `## Answer\n\n${answer}\n`,
    `## Key points\n\n${keyPoints}\n`,
    '## Formulas\n\n$$\nx\n$$\n',
    '## Pitfalls\n\n- p\n',
    `## Follow-up questions\n\n${followUps}\n`,
    `## Spoken outline\n\n${outline}\n`,
  ].join('\n');
}

const twoPoints =
  '- The **chain rule** runs backwards, see [backprop](#backprop).\n- Cost is $O(n^2)$ in `n`.';

function errorOf(fn: () => unknown): ContentError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return e as ContentError;
  }
  throw new Error('expected a ContentError');
}

describe('key points and follow-ups', () => {
  it('compiles key points as plain text with their phrasings, and follow-ups as question and answer', () => {
    const q = compileQuestion(
      '07-toy.md',
      page('phrases:\n  - [chain rule, reverse mode]\n  - [quadratic, "o(n^2)"]', twoPoints),
    );
    expect(q.keyPoints).toEqual([
      {
        id: 'kp1',
        text: 'The chain rule runs backwards, see backprop.',
        phrases: ['chain rule', 'reverse mode'],
      },
      { id: 'kp2', text: 'Cost is O(n^2) in n.', phrases: ['quadratic', 'o(n^2)'] },
    ]);
    expect(q.followUps).toHaveLength(1);
    expect(q.followUps[0]!.question).toBe('Why?');
    expect(q.followUps[0]!.answerHtml).toMatch(/^<p>Because <span class="katex">/);
  });

  it('turns inline TeX into readable text', () => {
    expect(texToText('2/(n_{\\mathrm{in}}+n_{\\mathrm{out}})')).toBe('2/(n_in+n_out)');
    expect(texToText('\\operatorname{softmax}(QK^\\top/\\sqrt{d_k})V')).toBe('softmax(QKᵀ/√d_k)V');
    expect(texToText('\\frac{1}{4}')).toBe('1/4');
    expect(texToText('\\partial L/\\partial L = 1')).toBe('∂L/∂L = 1');
    expect(texToText('\\sqrt{\\bar\\alpha_T} = 0.068')).toBe('√α_T = 0.068');
    expect(texToText('\\tilde{D}^{-1/2}\\tilde{A}\\tilde{D}^{-1/2}')).toBe('D^(-1/2)AD^(-1/2)');
    expect(texToText('2.5 \\times 10^{-4}')).toBe('2.5 × 10^-4');
    expect(plainText('$\\varepsilon$-greedy with *care* and __bold__')).toBe('ε-greedy with care and bold');
  });

  const cases: [string, string, RegExp][] = [
    ['no phrases field', '', /phrases: missing: give one list of phrasings per key point \(2\)/],
    ['one entry too few', 'phrases:\n  - [chain rule]', /phrases: has 1 entries but Key points has 2/],
    [
      'an empty entry',
      'phrases:\n  - [chain rule]\n  - []',
      /phrases\[1\] \(key point 2: "Cost is O\(n\^2\) in n\."\): must be a non-empty list/,
    ],
    [
      'upper case',
      'phrases:\n  - [Chain rule]\n  - [quadratic]',
      /phrases\[0\] \(key point 1: .*\): "Chain rule" must be lower case/,
    ],
    [
      'a duplicate within a point',
      'phrases:\n  - [chain rule, chain rules]\n  - [quadratic]',
      /"chain rules" duplicates a phrasing of this point/,
    ],
    [
      'a duplicate across points',
      'phrases:\n  - [chain rule]\n  - [chain-rule]',
      /phrases\[1\].*"chain-rule" duplicates a phrasing of key point 1/,
    ],
    ['a phrasing with no words', 'phrases:\n  - [chain rule]\n  - ["--"]', /"--" has no letters or digits/],
    [
      'a phrasing that is not text',
      'phrases:\n  - [chain rule]\n  - [42]',
      /phrasing 1 must be non-empty text, got 42/,
    ],
  ];
  for (const [what, phrases, message] of cases) {
    it(`fails the build on ${what}, naming the file and the point`, () => {
      const e = errorOf(() => compileQuestion('07-toy.md', page(phrases, twoPoints)));
      expect(e.file).toBe('07-toy.md');
      expect(e.message).toMatch(/^07-toy\.md: phrases/);
      expect(e.message).toMatch(message);
    });
  }

  it('fails on a follow-up without a bold question', () => {
    const e = errorOf(() =>
      compileQuestion('07-toy.md', page('phrases:\n  - [a1]\n  - [b1]', twoPoints, '- Why? Because.')),
    );
    expect(e.message).toMatch(/Follow-up questions: item 1 must be "\*\*The question\?\*\* Its answer\."/);
  });
});

describe('the shipped pages', () => {
  const questions = compileNotebookDir('notebooks');

  it('give every key point 3 to 8 distinct lower-case phrasings and plain text', () => {
    for (const q of questions) {
      expect(q.keyPoints.length, q.id).toBeGreaterThanOrEqual(5);
      for (const kp of q.keyPoints) {
        expect(kp.phrases.length, `${q.id} ${kp.id}`).toBeGreaterThanOrEqual(3);
        expect(kp.phrases.length, `${q.id} ${kp.id}`).toBeLessThanOrEqual(8);
        expect(kp.text, `${q.id} ${kp.id}`).not.toMatch(/[$\\`]|\*\*|\]\(/);
      }
      const all = q.keyPoints.flatMap((kp) => kp.phrases.map(normalizeText));
      expect(new Set(all).size, q.id).toBe(all.length);
    }
  });

  it('give every page follow-ups whose questions end with a question mark and whose answers are HTML', () => {
    for (const q of questions) {
      expect(q.followUps.length, q.id).toBeGreaterThanOrEqual(3);
      for (const f of q.followUps) {
        expect(f.question, q.id).toMatch(/\?$/);
        expect(f.answerHtml, q.id).toMatch(/^<p>/);
      }
    }
  });
});

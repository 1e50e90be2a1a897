import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { compileQuestion, ContentError, MIN_ANSWER_WORDS } from '../../../src/notebook/compile-question';
import { compileNotebookDir, notebookContent } from '../../../src/notebook/content-plugin';
import { QUESTION_CATALOG } from '../../fixtures/question-catalog';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

/** A valid file; `patch` edits its front matter or body to make it invalid in one way. */
function source(front: Record<string, string> = {}, body: Partial<Record<string, string>> = {}): string {
  const meta = {
    id: 'toy',
    number: '7',
    title: 'A toy question?',
    section: 'Advanced topics',
    rarity: 'Common',
    difficulty: 'Easy',
    demo: 'none',
    ...front,
  };
  const sections = {
    Answer: `${words(MIN_ANSWER_WORDS)} and $a^2 + b^2 = c^2$.`,
    'Key points': '- one\n- two',
    Formulas: '$$\n\\frac{1}{2}\n$$\n\nwhere nothing.',
    Pitfalls: '- a pitfall',
    'Follow-up questions': '- **Why?** Because.',
    'Spoken outline':
      '- **Assumptions:** a\n- **Method:** b\n- **Expected result:** c\n- **Failure mode:** d\n- **Next experiment:** e',
    ...body,
  };
  // One list of phrasings per key point unless the case gives its own `phrases`.
  const points = sections['Key points'].split('\n').filter((l) => l.startsWith('- ')).length;
  const phrases = Array.from({ length: points }, (_, i) => `\n  - [point ${i + 1}, item ${i + 1}]`).join('');
  const fm = Object.entries({ phrases, ...meta })
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  const text = Object.entries(sections)
    .filter(([, v]) => v !== '')
    .map(([h, v]) => `## ${h}\n\n${v}\n`)
    .join('\n');
  return `---\n${fm}\n---\n\n${text}`;
}

function errorOf(fn: () => unknown): ContentError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ContentError);
    return e as ContentError;
  }
  throw new Error('expected a ContentError');
}

describe('compileQuestion', () => {
  it('compiles a valid file: metadata, sections as HTML, math rendered by KaTeX', () => {
    const q = compileQuestion('07-toy.md', source());
    expect(q).toMatchObject({ id: 'toy', number: 7, section: 'Advanced topics', demo: null });
    expect(q.answerWords).toBeGreaterThanOrEqual(MIN_ANSWER_WORDS);
    expect(q.html.answer).toContain('class="katex"');
    expect(q.html.answer).not.toContain('$');
    expect(q.html.formulas).toContain('class="math-display"');
    expect(q.html.formulas).toContain('katex-display');
    expect(q.html.formulas).toContain('<div class="math-display" tabindex="0" role="group"');
    expect(q.html.keyPoints).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n');
  });

  it('escapes raw HTML in the Markdown (no script reaches the page)', () => {
    const q = compileQuestion(
      '07-toy.md',
      source({}, { Pitfalls: '- <script>alert(1)</script> <img src=x onerror=alert(1)>' }),
    );
    expect(q.html.pitfalls).not.toMatch(/<script|<img/);
    expect(q.html.pitfalls).toContain('&lt;script&gt;');
  });

  it('keeps Markdown emphasis characters inside math intact', () => {
    const q = compileQuestion('07-toy.md', source({}, { 'Key points': '- $a_1 * b_2 * c_3$ and $x_i$' }));
    expect(q.html.keyPoints).not.toContain('<em>');
    expect(q.html.keyPoints.match(/class="katex"/g)).toHaveLength(2);
  });

  const frontMatterCases: [string, Record<string, string>, string, RegExp][] = [
    ['a missing field', { difficulty: '' }, 'difficulty', /missing/],
    [
      'an unknown section',
      { section: 'Cooking' },
      'section',
      /"Cooking" is not one of: Deep learning theory/,
    ],
    ['an unknown rarity', { rarity: 'Rare' }, 'rarity', /not one of/],
    ['an unknown difficulty', { difficulty: 'Brutal' }, 'difficulty', /not one of: Easy, Medium, Hard/],
    ['an id that differs from the file name', { id: 'other' }, 'id', /differs from the file name's id "toy"/],
    [
      'a number that differs from the file name',
      { number: '8' },
      'number',
      /8 differs from the file name's number 7/,
    ],
    ['a number that is not an integer', { number: 'seven' }, 'number', /must be an integer/],
    ['an id that is not kebab-case', { id: 'Toy_Q' }, 'id', /kebab-case/],
    ['an unknown field', { author: 'me' }, 'author', /unknown field/],
    ['a bad demo id', { demo: 'My Demo' }, 'demo', /kebab-case demo id or none/],
  ];
  for (const [what, patch, field, message] of frontMatterCases) {
    it(`fails on ${what}, naming the file and the field`, () => {
      const e = errorOf(() => compileQuestion('07-toy.md', source(patch)));
      expect(e.file).toBe('07-toy.md');
      expect(e.field).toBe(field);
      expect(e.message).toMatch(new RegExp(`^07-toy\\.md: ${field}: `));
      expect(e.message).toMatch(message);
    });
  }

  it('fails on front matter that is not YAML, or missing', () => {
    expect(
      errorOf(() => compileQuestion('07-toy.md', '---\nid: [unclosed\n---\n## Answer\n')).message,
    ).toMatch(/07-toy\.md: front matter: is not valid YAML/);
    expect(errorOf(() => compileQuestion('07-toy.md', '## Answer\ntext')).message).toMatch(
      /front matter: missing/,
    );
  });

  it('fails on a bad file name', () => {
    expect(errorOf(() => compileQuestion('toy.md', source())).message).toMatch(/file name must be NN-id\.md/);
  });

  it('fails on a missing, unknown or out-of-order section, naming it', () => {
    expect(errorOf(() => compileQuestion('07-toy.md', source({}, { Pitfalls: '' }))).message).toMatch(
      /07-toy\.md: Pitfalls: section missing or empty/,
    );
    const extra = source().replace('## Pitfalls', '## Trivia\n\nx\n\n## Pitfalls');
    expect(errorOf(() => compileQuestion('07-toy.md', extra)).message).toMatch(/Trivia: unknown section/);
    const swapped = source()
      .replace('## Key points', '## TMP')
      .replace('## Formulas', '## Key points')
      .replace('## TMP', '## Formulas');
    expect(errorOf(() => compileQuestion('07-toy.md', swapped)).message).toMatch(/out of order/);
  });

  it(`fails on an answer under ${MIN_ANSWER_WORDS} words, with the count`, () => {
    const e = errorOf(() => compileQuestion('07-toy.md', source({}, { Answer: words(40) })));
    expect(e.message).toBe(`07-toy.md: Answer: has 40 words; at least ${MIN_ANSWER_WORDS} are required`);
  });

  it('fails on a spoken outline without the five labels in order', () => {
    const e = errorOf(() =>
      compileQuestion('07-toy.md', source({}, { 'Spoken outline': '- **Method:** only' })),
    );
    expect(e.field).toBe('Spoken outline');
    expect(e.message).toMatch(/\*\*Assumptions:\*\*, \*\*Method:\*\*/);
  });

  it('fails on math KaTeX cannot parse, quoting it', () => {
    const e = errorOf(() => compileQuestion('07-toy.md', source({}, { Formulas: '$$\n\\frac{1}{\n$$' })));
    expect(e.field).toBe('Formulas');
    expect(e.message).toMatch(/bad math "\\frac\{1\}\{"/);
  });
});

describe('the shipped notebook', () => {
  const questions = compileNotebookDir('notebooks');
  const catalogIds = QUESTION_CATALOG.map(([number, id]) => [number, id]);

  it('has the 16 questions of the catalog, in order, with matching ids', () => {
    expect(catalogIds).toHaveLength(16);
    expect(questions.map((q) => [q.number, q.id])).toEqual(catalogIds);
  });

  it('gives every answer at least 150 words and renders math in every formulas section', () => {
    for (const q of questions) {
      expect(q.answerWords, q.id).toBeGreaterThanOrEqual(150);
      expect(q.html.formulas, q.id).toContain('katex');
      for (const html of Object.values(q.html)) expect(html, q.id).not.toMatch(/VIVAMATH|\$\$/);
    }
  });
});

describe('the Vite plugin', () => {
  it('fails the build with the file and field named when a file is bad', async () => {
    const root = mkdtempSync(join(tmpdir(), 'viva-content-'));
    const dir = join(root, 'notebooks');
    await import('node:fs').then((fs) => fs.mkdirSync(dir));
    writeFileSync(join(dir, '07-toy.md'), source({ rarity: 'Sometimes' }));
    writeFileSync(join(root, 'entry.js'), "import q from 'virtual:viva-notebook'; console.log(q);");
    await expect(
      build({
        configFile: false,
        logLevel: 'silent',
        root,
        plugins: [notebookContent({ dir })],
        build: { write: false, lib: { entry: join(root, 'entry.js'), formats: ['es'] } },
      }),
    ).rejects.toThrow(/07-toy\.md: rarity: "Sometimes" is not one of/);
  });

  it('fails when two files share an id or a number', () => {
    const dir = mkdtempSync(join(tmpdir(), 'viva-dup-'));
    writeFileSync(join(dir, '07-toy.md'), source());
    writeFileSync(join(dir, '07-other.md'), source({ id: 'other' }));
    expect(() => compileNotebookDir(dir)).toThrow(/number: number 7 is also used by 07-other\.md/);
  });
});

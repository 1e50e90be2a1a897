// Build-time compiler for one notebook file: front matter → validated metadata, Markdown → sanitized HTML,
// KaTeX → HTML. Runs in Node (inside the Vite plugin and the unit tests), never in the browser.
//
// Example: compileQuestion('03-attention.md', source) → { id: 'attention', number: 3, html: { answer: '<p>…' }, … }
import katex from 'katex';
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { parse as parseYaml } from 'yaml';
import {
  BODY_SECTIONS,
  DIFFICULTIES,
  OUTLINE_LABELS,
  RARITIES,
  SECTIONS,
  type BodyKey,
  type Question,
  type QuestionMeta,
} from './question.ts';

export const MIN_ANSWER_WORDS = 150;

/** A content error names the file and, where there is one, the field or section at fault. */
export class ContentError extends Error {
  constructor(
    readonly file: string,
    readonly field: string | null,
    detail: string,
  ) {
    super(`${file}: ${field ? `${field}: ` : ''}${detail}`);
    this.name = 'ContentError';
  }
}

const FILE_NAME = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$/;
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const FIELDS = ['id', 'number', 'title', 'section', 'rarity', 'difficulty', 'demo'] as const;

const md = new MarkdownIt({ html: false, linkify: false, typographer: true });

export function compileQuestion(fileName: string, source: string): Question {
  const nameMatch = FILE_NAME.exec(fileName);
  if (!nameMatch) {
    throw new ContentError(
      fileName,
      null,
      'file name must be NN-id.md (two digits, a dash, a kebab-case id)',
    );
  }
  const { front, body } = splitFrontMatter(fileName, source);
  const meta = validateMeta(fileName, front, Number(nameMatch[1]), nameMatch[2]!);
  const raw = splitSections(fileName, body);
  const answerWords = countWords(raw.answer);
  if (answerWords < MIN_ANSWER_WORDS) {
    throw new ContentError(
      fileName,
      'Answer',
      `has ${answerWords} words; at least ${MIN_ANSWER_WORDS} are required`,
    );
  }
  checkOutline(fileName, raw.outline);
  const html = {} as Record<BodyKey, string>;
  for (const { key, heading } of BODY_SECTIONS) html[key] = renderMarkdown(fileName, heading, raw[key]);
  return { ...meta, html, answerWords };
}

function splitFrontMatter(file: string, source: string): { front: unknown; body: string } {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) throw new ContentError(file, 'front matter', 'missing: the file must start with a --- block');
  let front: unknown;
  try {
    front = parseYaml(m[1]!);
  } catch (e) {
    throw new ContentError(
      file,
      'front matter',
      `is not valid YAML (${(e as Error).message.split('\n')[0]})`,
    );
  }
  return { front, body: m[2]! };
}

function validateMeta(file: string, front: unknown, fileNumber: number, fileId: string): QuestionMeta {
  if (typeof front !== 'object' || front === null || Array.isArray(front)) {
    throw new ContentError(file, 'front matter', 'must be a mapping of fields');
  }
  const f = front as Record<string, unknown>;
  for (const key of Object.keys(f)) {
    if (!(FIELDS as readonly string[]).includes(key)) {
      throw new ContentError(file, key, `unknown field (allowed: ${FIELDS.join(', ')})`);
    }
  }
  for (const key of FIELDS) {
    if (f[key] === undefined || f[key] === null || f[key] === '')
      throw new ContentError(file, key, 'missing');
  }
  const str = (key: string): string => {
    if (typeof f[key] !== 'string')
      throw new ContentError(file, key, `must be text, got ${JSON.stringify(f[key])}`);
    return (f[key] as string).trim();
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T => {
    const v = str(key);
    if (!(allowed as readonly string[]).includes(v)) {
      throw new ContentError(file, key, `"${v}" is not one of: ${allowed.join(', ')}`);
    }
    return v as T;
  };
  const id = str('id');
  if (!KEBAB.test(id)) throw new ContentError(file, 'id', `"${id}" must be kebab-case`);
  if (id !== fileId)
    throw new ContentError(file, 'id', `"${id}" differs from the file name's id "${fileId}"`);
  const number = f.number;
  if (typeof number !== 'number' || !Number.isInteger(number) || number < 1 || number > 99) {
    throw new ContentError(file, 'number', `must be an integer from 1 to 99, got ${JSON.stringify(number)}`);
  }
  if (number !== fileNumber) {
    throw new ContentError(file, 'number', `${number} differs from the file name's number ${fileNumber}`);
  }
  const demo = str('demo');
  if (demo !== 'none' && !KEBAB.test(demo)) {
    throw new ContentError(file, 'demo', `"${demo}" must be a kebab-case demo id or none`);
  }
  return {
    id,
    number,
    title: str('title'),
    section: oneOf('section', SECTIONS),
    rarity: oneOf('rarity', RARITIES),
    difficulty: oneOf('difficulty', DIFFICULTIES),
    demo: demo === 'none' ? null : demo,
  };
}

function splitSections(file: string, body: string): Record<BodyKey, string> {
  const parts = body.split(/^## +(.+?)\s*$/m);
  const found = new Map<string, string>();
  const order: string[] = [];
  if (parts[0]!.trim() !== '') {
    throw new ContentError(file, 'body', 'text before the first "## Answer" heading');
  }
  for (let i = 1; i < parts.length; i += 2) {
    const heading = parts[i]!;
    if (found.has(heading)) throw new ContentError(file, heading, 'section appears twice');
    found.set(heading, parts[i + 1] ?? '');
    order.push(heading);
  }
  const expected = BODY_SECTIONS.map((s) => s.heading as string);
  for (const heading of order) {
    if (!expected.includes(heading)) {
      throw new ContentError(file, heading, `unknown section (expected: ${expected.join(', ')})`);
    }
  }
  const out = {} as Record<BodyKey, string>;
  for (const [i, { key, heading }] of BODY_SECTIONS.entries()) {
    const text = found.get(heading);
    if (text === undefined || text.trim() === '')
      throw new ContentError(file, heading, 'section missing or empty');
    if (order[i] !== heading)
      throw new ContentError(file, heading, `section out of order (expected order: ${expected.join(', ')})`);
    out[key] = text.trim();
  }
  return out;
}

function checkOutline(file: string, outline: string): void {
  const bullets = outline.split('\n').filter((l) => /^[-*] /.test(l));
  const labels = bullets.map((b) => /^[-*] \*\*([^*:]+):\*\*/.exec(b)?.[1] ?? '');
  const ok = labels.length === OUTLINE_LABELS.length && OUTLINE_LABELS.every((l, i) => labels[i] === l);
  if (!ok) {
    throw new ContentError(
      file,
      'Spoken outline',
      `must be five bullets labelled ${OUTLINE_LABELS.map((l) => `**${l}:**`).join(', ')} in that order`,
    );
  }
}

const MATH = /\$\$([\s\S]+?)\$\$|(?<![\\$])\$(?!\s)((?:\\\$|[^$\n])+?)(?<!\s)\$(?!\$)/g;

/** Markdown with $…$ / $$…$$ math → sanitized HTML with KaTeX-rendered math. */
export function renderMarkdown(file: string, section: string, source: string): string {
  const rendered: string[] = [];
  const protectedSource = source.replace(
    MATH,
    (_m, display: string | undefined, inline: string | undefined) => {
      const tex = (display ?? inline)!;
      try {
        rendered.push(
          katex.renderToString(tex.trim(), {
            displayMode: display !== undefined,
            throwOnError: true,
            output: 'html',
            strict: 'ignore',
          }),
        );
      } catch (e) {
        throw new ContentError(
          file,
          section,
          `bad math "${tex.trim().slice(0, 60)}": ${(e as Error).message}`,
        );
      }
      const token = `VIVAMATH${rendered.length - 1}X`;
      return display !== undefined ? `\n\n${token}\n\n` : token;
    },
  );
  const html = sanitizeHtml(md.render(protectedSource), {
    allowedTags: sanitizeHtml.defaults.allowedTags.filter((t) => t !== 'img'),
    allowedAttributes: { a: ['href', 'title'], code: ['class'] },
    allowedSchemes: ['https', 'mailto'],
  });
  return html
    .replace(
      /<p>VIVAMATH(\d+)X<\/p>/g,
      (_m, i: string) => `<div class="math-display" tabindex="0">${rendered[Number(i)]}</div>`,
    )
    .replace(/VIVAMATH(\d+)X/g, (_m, i: string) => rendered[Number(i)]!);
}

function countWords(markdown: string): number {
  const text = markdown.replace(MATH, ' ').replace(/[*_`#>[\]()]/g, ' ');
  return text.split(/\s+/).filter((w) => /[A-Za-z0-9]/.test(w)).length;
}

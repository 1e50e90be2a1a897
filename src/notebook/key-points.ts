// Build-time parsing of a page's key points (with the phrasings that count as covering each, from the
// front matter's `phrases:` list) and of its follow-up questions, for the rehearsal mode (issue 14).
// Runs in Node inside the content compiler; a wrong `phrases:` list fails the build naming file and point.
//
// Example: parseKeyPoints('01-backprop.md', '- The chain rule…\n- …', [['chain rule', …], …])
//   → [{ id: 'kp1', text: 'The chain rule…', phrases: ['chain rule', …] }, …]
import type { FollowUp, KeyPoint } from '../rehearsal/contract.ts';
import { normalizeText } from '../rehearsal/match.ts';
import { ContentError } from './content-error.ts';

/** Each bullet of a Markdown list, continuation lines joined; text before the first bullet is ignored. */
export function listItems(markdown: string): string[] {
  const items: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^[-*] /.test(line)) items.push(line.slice(2).trim());
    else if (line.trim() !== '' && items.length > 0) items[items.length - 1] += ' ' + line.trim();
  }
  return items;
}

const TEX_SYMBOLS: Record<string, string> = {
  partial: '∂',
  top: 'ᵀ',
  infty: '∞',
  ge: '≥',
  geq: '≥',
  le: '≤',
  leq: '≤',
  times: '×',
  pm: '±',
  approx: '≈',
  mid: '|',
  sim: '~',
  star: '*',
  cdot: '·',
  ldots: '…',
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  epsilon: 'ε',
  varepsilon: 'ε',
  theta: 'θ',
  tau: 'τ',
  pi: 'π',
  sigma: 'σ',
  phi: 'φ',
  lambda: 'λ',
  mu: 'μ',
};

/** A readable plain-text form of inline TeX: named functions unwrapped, fractions as a/b, Greek letters. */
export function texToText(tex: string): string {
  return tex
    .replace(/\^\\top\b/g, 'ᵀ')
    .replace(/\\(?:bar|hat|tilde)(?![A-Za-z{])/g, '')
    .replace(/\^\{([^{}]*[^\w{}-][^{}]*)\}/g, '^($1)')
    .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '$1/$2')
    .replace(/\\sqrt\{([^{}]*)\}/g, '√$1')
    .replace(/\\(?:operatorname|mathrm|text|mathcal|mathbb|mathbf|bar|hat|tilde)\{([^{}]*)\}/g, '$1')
    .replace(/\\[,;! ]/g, ' ')
    .replace(/\\([A-Za-z]+)/g, (_m, name: string) => TEX_SYMBOLS[name] ?? name)
    .replace(/[{}]/g, '')
    .replace(/∂ /g, '∂')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Markdown inline text → plain text: math simplified, links to their text, emphasis and code marks gone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\$([^$]+)\$/g, (_m, tex: string) => texToText(tex))
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\W)[*_]([^*_]+)[*_](?=\W|$)/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The key points of a page with their phrasings. `phrases` is the front matter's list, one entry per key
 * point in page order, each a non-empty list of distinct lower-case phrasings; a phrasing may not repeat
 * (after normalization) anywhere in the page's list, since it would tick two points at once.
 */
export function parseKeyPoints(file: string, keyPointsMarkdown: string, phrases: unknown): KeyPoint[] {
  const items = listItems(keyPointsMarkdown);
  if (items.length === 0) throw new ContentError(file, 'Key points', 'must be a bulleted list');
  if (phrases === undefined || phrases === null) {
    throw new ContentError(
      file,
      'phrases',
      `missing: give one list of phrasings per key point (${items.length})`,
    );
  }
  if (!Array.isArray(phrases))
    throw new ContentError(file, 'phrases', 'must be a list of lists of phrasings');
  if (phrases.length !== items.length) {
    throw new ContentError(
      file,
      'phrases',
      `has ${phrases.length} entries but Key points has ${items.length}; give one entry per key point, in order`,
    );
  }
  const seen = new Map<string, number>();
  return items.map((item, i) => {
    const where = `phrases[${i}] (key point ${i + 1}: "${plainText(item).slice(0, 50)}")`;
    const entry: unknown = phrases[i];
    if (!Array.isArray(entry) || entry.length === 0) {
      throw new ContentError(file, where, 'must be a non-empty list of phrasings');
    }
    const list = entry.map((p: unknown, j) => {
      if (typeof p !== 'string' || p.trim() === '') {
        throw new ContentError(
          file,
          where,
          `phrasing ${j + 1} must be non-empty text, got ${JSON.stringify(p)}`,
        );
      }
      if (p !== p.toLowerCase()) throw new ContentError(file, where, `"${p}" must be lower case`);
      const norm = normalizeText(p);
      if (norm === '') throw new ContentError(file, where, `"${p}" has no letters or digits`);
      const other = seen.get(norm);
      if (other !== undefined) {
        const also = other === i ? 'this point' : `key point ${other + 1}`;
        throw new ContentError(file, where, `"${p}" duplicates a phrasing of ${also}`);
      }
      seen.set(norm, i);
      return p.trim();
    });
    return { id: `kp${i + 1}`, text: plainText(item), phrases: list };
  });
}

/**
 * The follow-up questions: each bullet is `**Question?** Answer…`; the bold part is the question and the
 * rest, rendered by `render`, its answer.
 */
export function parseFollowUps(
  file: string,
  markdown: string,
  render: (answerMarkdown: string) => string,
): FollowUp[] {
  return listItems(markdown).map((item, i) => {
    const m = /^\*\*(.+?)\*\*\s*(.*)$/.exec(item);
    if (!m || m[2]!.trim() === '') {
      throw new ContentError(
        file,
        'Follow-up questions',
        `item ${i + 1} must be "**The question?** Its answer."`,
      );
    }
    return { question: plainText(m[1]!), answerHtml: render(m[2]!) };
  });
}

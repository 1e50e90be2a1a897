// Personal notes to HTML: Markdown through markdown-it with raw HTML off, then DOMPurify, so a note can
// never inject script or markup into the page. Notes are the user's own text; the shipped content is
// never touched.
import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';

const md = new MarkdownIt({ html: false, linkify: true, breaks: true });

export function renderNote(markdown: string): string {
  return DOMPurify.sanitize(md.render(markdown), { USE_PROFILES: { html: true } });
}

// Personal notes render as Markdown and can never inject markup: raw HTML is shown as text (markdown-it with
// html off), script URLs are dropped (markdown-it's link check, then DOMPurify). Hand-written cases.
import { describe, expect, it } from 'vitest';
import { renderNote } from '../../src/ui/rehearsal/notes-render';

function dom(markdown: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = renderNote(markdown);
  return div;
}

describe('renderNote', () => {
  it('renders emphasis, lists, code and links', () => {
    const d = dom('**Lead** with _the_ metric\n\n- one\n- two\n\n`x = 1` and [docs](https://example.org/a)');
    expect(d.querySelector('strong')!.textContent).toBe('Lead');
    expect(d.querySelector('em')!.textContent).toBe('the');
    expect(d.querySelectorAll('li')).toHaveLength(2);
    expect(d.querySelector('code')!.textContent).toBe('x = 1');
    expect(d.querySelector('a')!.getAttribute('href')).toBe('https://example.org/a');
  });

  it('shows raw HTML as text and drops script URLs', () => {
    const d = dom('<img src=x onerror=alert(1)> <script>alert(2)</script> [go](javascript:alert(3))');
    expect(d.querySelectorAll('img, script')).toHaveLength(0);
    expect(d.textContent).toContain('<img src=x onerror=alert(1)>');
    for (const a of d.querySelectorAll('a'))
      expect(a.getAttribute('href') ?? '').not.toMatch(/^javascript:/i);
    expect(d.querySelectorAll('[onerror]')).toHaveLength(0);
  });
});

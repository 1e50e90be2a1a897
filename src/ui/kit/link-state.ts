// A demo's link: `/#<question-id>?<key>=<value>&…`. Reading it and writing it with replaceState, so moving a
// slider does not fill the browser history.

export interface DemoLink {
  id: string;
  query: string;
}

/** Splits a location hash ('#attention?temperature=2') into the question id and the settings' query. */
export function parseDemoHash(hash: string): DemoLink | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!h) return null;
  const q = h.indexOf('?');
  const id = decodeURIComponent(q < 0 ? h : h.slice(0, q));
  return id ? { id, query: q < 0 ? '' : h.slice(q + 1) } : null;
}

export function demoHash(id: string, query: string): string {
  return `#${encodeURIComponent(id)}${query ? `?${query}` : ''}`;
}

/** The full link to a demo with these settings (the page's address without its hash, then the hash). */
export function demoUrl(href: string, id: string, query: string): string {
  return `${href.split('#')[0]}${demoHash(id, query)}`;
}

/** Copies a demo's link to the clipboard; the note to show ("Link copied.", or the link to copy by hand). */
export async function copyDemoLink(id: string, query: string): Promise<string> {
  const url = demoUrl(location.href, id, query);
  try {
    await navigator.clipboard.writeText(url);
    return 'Link copied.';
  } catch {
    return `Copy this link: ${url}`;
  }
}

/** Writes the demo's settings into the address bar without a history entry (and without a hashchange). */
export function writeDemoLink(id: string, query: string): void {
  const url = demoUrl(location.href, id, query);
  if (url !== location.href) history.replaceState(history.state, '', url);
}

/**
 * Writes a demo's link a moment after the last change (replaceState takes milliseconds, which a redraw that
 * follows a slider should not wait for); `now()` writes at once (Copy link).
 */
export class LinkWriter {
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(
    private readonly id: string,
    private readonly query: () => string,
    private readonly delayMs = 300,
  ) {}

  schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.now(), this.delayMs);
  }

  now(): void {
    clearTimeout(this.timer);
    writeDemoLink(this.id, this.query());
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}

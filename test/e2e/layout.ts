// Layout measurements for the e2e tests (issue 17): boxes read from the page, whether two overlap, and how
// every <select> of a cell fits its box. Plain data back from the browser; the assertions stay in the specs.
import type { Locator } from '@playwright/test';

export interface Box {
  l: number;
  t: number;
  r: number;
  b: number;
}

/** The two boxes share an area larger than `slack` px on both axes. */
export function overlaps(a: Box, b: Box, slack = 0): boolean {
  return Math.min(a.r, b.r) - Math.max(a.l, b.l) > slack && Math.min(a.b, b.b) - Math.max(a.t, b.t) > slack;
}

/** The boxes of the elements matching each selector inside `root` (light DOM, or its shadow root). */
export function boxes<K extends string>(
  root: Locator,
  selectors: Record<K, string>,
): Promise<Record<K, Box[]>> {
  return root.evaluate(
    (el, sel) => {
      const scope = el.shadowRoot ?? el;
      const out: Record<string, Box[]> = {};
      for (const [name, s] of Object.entries(sel)) {
        out[name] = [...scope.querySelectorAll(s)].map((e) => {
          const b = e.getBoundingClientRect();
          return { l: b.left, t: b.top, r: b.right, b: b.bottom };
        });
      }
      return out;
    },
    selectors as Record<string, string>,
  ) as Promise<Record<K, Box[]>>;
}

/** Every select under `root` (through shadow roots): its scroll and client width, its right edge and its host's. */
export function selectFits(root: Locator) {
  return root.evaluate((cell) => {
    const out: { label: string; sw: number; cw: number; right: number; hostRight: number }[] = [];
    const walk = (r: Element | ShadowRoot) => {
      r.querySelectorAll('select').forEach((s) => {
        const host = (s.getRootNode() as ShadowRoot).host ?? s.parentElement!;
        out.push({
          label: s.labels?.[0]?.textContent ?? s.id,
          sw: s.scrollWidth,
          cw: s.clientWidth,
          right: s.getBoundingClientRect().right,
          hostRight: host.getBoundingClientRect().right,
        });
      });
      r.querySelectorAll('*').forEach((e) => e.shadowRoot && walk(e.shadowRoot));
    };
    walk(cell);
    return out;
  });
}

// The demos the page offers, by demo id. main.ts fills it from src/demos/registry.ts, so the cell is handed
// its demo and src/ui never imports src/demos. A question whose demo is not here shows its explanation only.

export type DemoLoader = () => Promise<unknown>;

export interface DemoEntry {
  /** Loads the demo's module, which registers its custom element `viva-demo-<id>`. */
  load: DemoLoader;
  /** One sentence shown before the demo is opened. */
  summary: string;
  /** What the Run button does, in one sentence shown next to it ("Run trains …"). */
  runs: string;
}

const catalog = new Map<string, DemoEntry>();

export function registerDemo(id: string, entry: DemoEntry): void {
  catalog.set(id, entry);
}

export function demoEntry(id: string | null): DemoEntry | undefined {
  return id ? catalog.get(id) : undefined;
}

export function demoTag(id: string): string {
  return `viva-demo-${id}`;
}

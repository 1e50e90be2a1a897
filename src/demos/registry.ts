// Demo id → lazy loader. Loading the module registers its custom element `viva-demo-<id>`. A question whose
// demo is not here shows its explanation only.
//
// A demo's code (and the heavy libraries it pulls in: mathjs, Plotly, tfjs) loads only when the user asks
// for it (Open, Run or Shift+Enter), so the first paint stays within its budget; until then the cell shows
// the demo's summary.

export type DemoLoader = () => Promise<unknown>;

export interface DemoEntry {
  load: DemoLoader;
  /** One sentence shown before the demo is opened. */
  summary: string;
}

const demos = new Map<string, DemoEntry>([
  [
    'backprop',
    {
      load: () => import('./backprop/backprop-demo'),
      summary:
        'Type an expression, step its forward and backward passes node by node, check every gradient three ways, then train an MLP built on the same autograd core.',
    },
  ],
]);

export function demoEntry(id: string | null): DemoEntry | undefined {
  return id ? demos.get(id) : undefined;
}

export function demoLoader(id: string | null): DemoLoader | undefined {
  return demoEntry(id)?.load;
}

/** For tests and for adding demos at run time. */
export function registerDemo(id: string, load: DemoLoader, summary = ''): void {
  demos.set(id, { load, summary });
}

export function demoTag(id: string): string {
  return `viva-demo-${id}`;
}

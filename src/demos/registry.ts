// Demo id → lazy loader. Loading the module registers its custom element `viva-demo-<id>`. A question whose
// demo is not here shows its explanation only.

export type DemoLoader = () => Promise<unknown>;

const loaders = new Map<string, DemoLoader>([['backprop', () => import('./backprop/backprop-demo')]]);

export function demoLoader(id: string | null): DemoLoader | undefined {
  return id ? loaders.get(id) : undefined;
}

/** For tests and for adding demos at run time. */
export function registerDemo(id: string, loader: DemoLoader): void {
  loaders.set(id, loader);
}

export function demoTag(id: string): string {
  return `viva-demo-${id}`;
}

// Keeps a computed value (a plot's trace list) while its inputs are the same objects, so re-rendering a demo
// hands a chart the identical array and it does not redraw a plot whose data did not change.
//
// Example: const traces = this.memo.get([report, activation], () => buildTraces(report, activation));
export class Memo<T> {
  private deps: readonly unknown[] | null = null;
  private value: T | undefined;

  get(deps: readonly unknown[], compute: () => T): T {
    const same =
      this.deps !== null && deps.length === this.deps.length && deps.every((d, i) => d === this.deps![i]);
    if (!same) {
      this.value = compute();
      this.deps = deps;
    }
    return this.value as T;
  }
}

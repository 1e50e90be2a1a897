// The chain-rule walkthrough's state, with no DOM: the expression and its variables' values, its graph and
// the step reached in the forward/backward walkthrough, and the three-way gradient check. The symbolic
// derivatives are taken once per expression (prepareGradientCheck) and only evaluated when the values move,
// so a slider drag costs a graph build and a few evaluations. A bad expression or point leaves the last good
// graph in place, marked stale (`stale`), and says why.
//
// Example: const s = new ExpressionSession(); s.set('x*y + x', { x: 2, y: 3 }); s.toEnd(); s.frame().grads
import { buildGraph } from '../../autograd';
import {
  prepareGradientCheck,
  type GradientCheck,
  type PreparedGradientCheck,
} from '../../autograd/gradient-check';
import { saturatedNodes, type SaturatedNode } from './saturation';
import { createWalkthrough, frameAt, type Frame, type Walkthrough } from './walkthrough';

export class ExpressionSession {
  expr = '';
  at: Record<string, number> = {};
  /** The step reached, 0..walkthrough.total. */
  index = 0;
  /** Why the last set() was refused ('' when it was taken). */
  error = '';
  walkthrough: Walkthrough | null = null;
  check: GradientCheck | null = null;
  /** The tanh and σ nodes of the graph that pass almost no gradient back. */
  saturated: SaturatedNode[] = [];
  /** How many expressions were differentiated symbolically (one per new expression, none per new point). */
  derivations = 0;
  private prepared: PreparedGradientCheck | null = null;
  private cached: { w: Walkthrough; index: number; frame: Frame } | null = null;

  /**
   * Builds the graph of `expr` at `at`. A new expression starts the walkthrough over; new values at the same
   * expression keep the step reached. Returns false (and keeps the last good graph) on an error.
   */
  set(expr: string, at: Record<string, number>): boolean {
    try {
      const graph = buildGraph(expr, at);
      if (this.prepared?.expr !== expr) {
        this.prepared = prepareGradientCheck(expr);
        this.derivations++;
      }
      const check = this.prepared.check(at);
      const sameExpr = expr === this.expr && this.walkthrough !== null;
      this.walkthrough = createWalkthrough(graph);
      this.saturated = saturatedNodes(graph);
      this.check = check;
      this.expr = expr;
      this.at = { ...at };
      this.error = '';
      this.index = sameExpr ? Math.min(this.index, this.walkthrough.total) : 0;
      return true;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
      return false;
    }
  }

  /** True while the graph and the check are for an earlier input than the one last given (see `error`). */
  get stale(): boolean {
    return this.error !== '' && this.walkthrough !== null;
  }

  get total(): number {
    return this.walkthrough?.total ?? 0;
  }

  get atEnd(): boolean {
    return this.walkthrough !== null && this.index >= this.walkthrough.total;
  }

  /** Moves `delta` steps, within 0..total. */
  step(delta: number): void {
    if (!this.walkthrough) return;
    this.index = Math.max(0, Math.min(this.walkthrough.total, this.index + delta));
  }

  toEnd(): void {
    this.index = this.total;
  }

  restart(): void {
    this.index = 0;
  }

  /** The frame at the step reached (the same object until the step or the graph changes). */
  frame(): Frame | null {
    const w = this.walkthrough;
    if (!w) return null;
    if (this.cached?.w !== w || this.cached.index !== this.index)
      this.cached = { w, index: this.index, frame: frameAt(w, this.index) };
    return this.cached.frame;
  }
}

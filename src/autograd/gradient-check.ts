// Three independent answers to "what is ∂f/∂v here?": the autograd core, central finite differences, and
// mathjs' symbolic derivative. The backprop cell shows them side by side; a wrong gradient would show as a
// large disagreement. mathjs knows neither sigmoid nor relu, so both are rewritten into functions it does
// know (sigmoid(u) = 1/(1+e^{−u}), relu(u) = (u+|u|)/2) before evaluating and differentiating.
//
// The symbolic derivatives are taken once per expression (prepareGradientCheck) and evaluated at each point
// (check), never simplified: mathjs' simplify took seconds to minutes on x+x+…+x. Each derivative is bounded
// before it is taken (the rewritten expression's size) and after (the derivative's size, before compiling),
// and all of them share a time budget; past any bound the symbolic column gives up with a message.
//
// Example: checkGradients('x*y + x', { x: 2, y: 3 }).largest  // ~1e-10
//          const p = prepareGradientCheck(expr); p.check({ x: 1 }); p.check({ x: 2 });  // derived once
import { derivative, parse, type EvalFunction, type MathNode } from 'mathjs';
import { SUPPORTED_FUNCTIONS } from './expression';
import { gradients } from './graph';

export interface GradientCheckRow {
  variable: string;
  /** From the autograd core's backward pass. */
  core: number;
  /** (f(v + h) − f(v − h)) / 2h, evaluated by mathjs. */
  finiteDifference: number;
  /** mathjs' symbolic derivative, evaluated at the point (NaN where it gave up; see symbolicGaveUp). */
  symbolic: number;
  /** The largest pairwise absolute difference among the finite answers. */
  disagreement: number;
  /** True where an answer is not a finite number (e.g. mathjs' |u|' = |u|/u at u = 0, a kink). */
  undefinedSomewhere: boolean;
}

export interface GradientCheck {
  value: number;
  rows: GradientCheckRow[];
  /** The largest disagreement over all variables. */
  largest: number;
  /** Why the symbolic column is missing for some variables ('' when every derivative was taken). */
  symbolicGaveUp: string;
}

export interface SymbolicLimits {
  /** Largest expression, in mathjs nodes after the sigmoid/relu rewrite, to differentiate (default 2000). */
  maxInputNodes?: number;
  /** Largest derivative, in nodes, to compile (default 40 000). */
  maxDerivativeNodes?: number;
  /** Time for all of an expression's derivatives, checked between variables, ms (default 250). */
  budgetMs?: number;
  /** The clock (tests pass their own). */
  now?: () => number;
}

/** The variables an expression uses, in order of first appearance (function names and pi, e excluded). */
export function variablesOf(expr: string): string[] {
  const tree = parse(expr);
  const names: string[] = [];
  tree.traverse((node, path, parent) => {
    if (node.type !== 'SymbolNode') return;
    if (parent?.type === 'FunctionNode' && path === 'fn') return;
    const name = (node as unknown as { name: string }).name;
    if (name === 'pi' || name === 'e' || (SUPPORTED_FUNCTIONS as readonly string[]).includes(name)) return;
    if (!names.includes(name)) names.push(name);
  });
  return names;
}

/** The node count of `tree` once sigmoid and relu are rewritten (relu doubles its argument), without rewriting. */
function rewrittenSize(node: MathNode): number {
  let children = 0;
  node.forEach((child) => (children += rewrittenSize(child)));
  if (node.type !== 'FunctionNode') return 1 + children;
  const name = (node as unknown as { fn: { name: string } }).fn.name;
  if (name === 'sigmoid') return children + 8;
  if (name === 'relu') return 2 * children + 5;
  return 1 + children;
}

/** The expression with sigmoid and relu written in functions mathjs can differentiate. */
function forMathjs(tree: MathNode): MathNode {
  // transform() does not descend into a replacement, so repeat until no sigmoid or relu is left.
  for (let pass = 0; pass < 100; pass++) {
    let replaced = false;
    tree = tree.transform((node) => {
      if (node.type !== 'FunctionNode') return node;
      const f = node as unknown as { fn: { name: string }; args: MathNode[] };
      const arg = f.args[0]?.toString();
      if (f.fn.name === 'sigmoid') return ((replaced = true), parse(`1 / (1 + exp(-(${arg})))`));
      if (f.fn.name === 'relu') return ((replaced = true), parse(`((${arg}) + abs(${arg})) / 2`));
      return node;
    });
    if (!replaced) return tree;
  }
  throw new Error('sigmoid/relu nested too deeply to check');
}

function countNodes(tree: MathNode): number {
  let n = 0;
  tree.traverse(() => n++);
  return n;
}

/** An expression's check, ready to evaluate at any point: parsed, rewritten and differentiated once. */
export class PreparedGradientCheck {
  /** The variables the expression uses, in order of first appearance. */
  readonly variables: string[];
  /** Why symbolic derivatives are missing ('' when every variable has one). */
  readonly symbolicGaveUp: string;
  /** How many symbolic derivatives mathjs took (one per variable, all at preparation). */
  readonly derivations: number;
  /** How long the derivatives took, ms. */
  readonly deriveMs: number;
  private readonly f: EvalFunction;
  private readonly derivatives = new Map<string, EvalFunction>();

  constructor(
    readonly expr: string,
    limits: SymbolicLimits = {},
  ) {
    const maxInput = limits.maxInputNodes ?? 2000;
    const maxOutput = limits.maxDerivativeNodes ?? 40_000;
    const budget = limits.budgetMs ?? 250;
    const now = limits.now ?? (() => performance.now());
    const source = parse(expr);
    this.variables = variablesOf(expr);
    const size = rewrittenSize(source);
    const start = now();
    let gaveUp = '';
    let derivations = 0;
    if (size > maxInput) {
      gaveUp = `The symbolic derivative gave up: with sigmoid and relu written out the expression has ${size} nodes (limit ${maxInput}).`;
      this.f = source.compile(); // evaluation needs no rewrite: sigmoid and relu are given to it below
    } else {
      const tree = forMathjs(source);
      this.f = tree.compile();
      for (const v of this.variables) {
        const elapsed = now() - start;
        if (elapsed > budget) {
          gaveUp = `The symbolic derivative gave up after ${Math.round(elapsed)} ms (limit ${budget} ms), before ${v}.`;
          break;
        }
        const d = derivative(tree, v, { simplify: false });
        derivations++;
        const nodes = countNodes(d);
        if (nodes > maxOutput) {
          gaveUp = `The symbolic derivative gave up: ∂f/∂${v} has ${nodes} nodes (limit ${maxOutput}).`;
          break;
        }
        this.derivatives.set(v, d.compile());
      }
    }
    this.symbolicGaveUp = gaveUp;
    this.derivations = derivations;
    this.deriveMs = now() - start;
  }

  /** The three answers at `at` (every name in `at` gets a row; 0 for a name the expression does not use). */
  check(at: Record<string, number>, h = 1e-5): GradientCheck {
    const core = gradients(this.expr, at); // validates the expression and the point first
    const scope = (v: string, x: number) => ({ ...SCOPE, ...at, [v]: x });
    const rows = Object.keys(at).map((variable): GradientCheckRow => {
      const x = at[variable]!;
      const finiteDifference =
        (Number(this.f.evaluate(scope(variable, x + h))) - Number(this.f.evaluate(scope(variable, x - h)))) /
        (2 * h);
      const d = this.derivatives.get(variable);
      const used = this.variables.includes(variable);
      const symbolic = d ? Number(d.evaluate(scope(variable, x))) : used ? NaN : 0;
      const c = core.grads[variable]!;
      const finite = [c, finiteDifference, symbolic].filter(Number.isFinite);
      const disagreement = finite.length ? Math.max(...finite) - Math.min(...finite) : 0;
      return {
        variable,
        core: c,
        finiteDifference,
        symbolic,
        disagreement,
        undefinedSomewhere: finite.length < 3,
      };
    });
    return {
      value: core.value,
      rows,
      largest: Math.max(0, ...rows.map((r) => r.disagreement)),
      symbolicGaveUp: this.symbolicGaveUp,
    };
  }
}

/** pi, e, and sigmoid / relu for evaluating an expression that was not rewritten. */
const SCOPE = {
  pi: Math.PI,
  e: Math.E,
  sigmoid: (u: number) => 1 / (1 + Math.exp(-u)),
  relu: (u: number) => Math.max(0, u),
};

/** Parses, rewrites and differentiates `expr` once; evaluate the result at each point with check(). */
export function prepareGradientCheck(expr: string, limits?: SymbolicLimits): PreparedGradientCheck {
  return new PreparedGradientCheck(expr, limits);
}

export function checkGradients(expr: string, at: Record<string, number>, h = 1e-5): GradientCheck {
  gradients(expr, at); // the core's errors (unknown function, unbound variable) come first
  return prepareGradientCheck(expr).check(at, h);
}

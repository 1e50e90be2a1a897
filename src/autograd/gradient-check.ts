// Three independent answers to "what is ∂f/∂v here?": the autograd core, central finite differences, and
// mathjs' symbolic derivative. The backprop cell shows them side by side; a wrong gradient would show as a
// large disagreement. mathjs knows neither sigmoid nor relu, so both are rewritten into functions it does
// know (sigmoid(u) = 1/(1+e^{−u}), relu(u) = (u+|u|)/2) before evaluating and differentiating.
//
// Example: checkGradients('x*y + x', { x: 2, y: 3 }).largest  // ~1e-10
import { derivative, parse, type MathNode } from 'mathjs';
import { SUPPORTED_FUNCTIONS } from './expression';
import { gradients } from './graph';

export interface GradientCheckRow {
  variable: string;
  /** From the autograd core's backward pass. */
  core: number;
  /** (f(v + h) − f(v − h)) / 2h, evaluated by mathjs. */
  finiteDifference: number;
  /** mathjs' symbolic derivative, evaluated at the point. */
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

/** The expression with sigmoid and relu written in functions mathjs can differentiate. */
function forMathjs(expr: string): MathNode {
  // transform() does not descend into a replacement, so repeat until no sigmoid or relu is left.
  let tree = parse(expr);
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

export function checkGradients(expr: string, at: Record<string, number>, h = 1e-5): GradientCheck {
  const core = gradients(expr, at); // validates the expression and the point first
  const tree = forMathjs(expr);
  const f = tree.compile();
  const scope = (v: string, x: number) => ({ pi: Math.PI, e: Math.E, ...at, [v]: x });
  const rows = Object.keys(at).map((variable): GradientCheckRow => {
    const x = at[variable]!;
    const finiteDifference =
      (Number(f.evaluate(scope(variable, x + h))) - Number(f.evaluate(scope(variable, x - h)))) / (2 * h);
    const symbolic = Number(derivative(tree, variable).evaluate(scope(variable, x)));
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
  return { value: core.value, rows, largest: Math.max(0, ...rows.map((r) => r.disagreement)) };
}

// Turns a formula typed by the user ("tanh(w1*x1 + w2*x2 + b)") into a Value graph, via mathjs' parser.
// Each variable becomes one leaf however often it is used, so the graph shows the sum over paths. Parts
// that involve no variable become one constant node (Value.apply folds ops on constants). Errors name the
// problem in the user's terms.
//
// Example: const { output, variables } = expressionToValue('x*y + x', { x: 2, y: 3 }); output.backward();

import { parse, type MathNode } from 'mathjs';
import { Value } from './value';

/** The functions an expression may call, besides + − × ÷ ^ and parentheses. */
export const SUPPORTED_FUNCTIONS = [
  'exp',
  'log',
  'sqrt',
  'tanh',
  'sigmoid',
  'relu',
  'sin',
  'cos',
  'abs',
] as const;
export type SupportedFunction = (typeof SUPPORTED_FUNCTIONS)[number];

/** Named constants, used when the name is not bound in `at`. */
const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

const UNARY: Record<SupportedFunction, (x: Value) => Value> = {
  exp: (x) => x.exp(),
  log: (x) => x.log(),
  sqrt: (x) => x.sqrt(),
  tanh: (x) => x.tanh(),
  sigmoid: (x) => x.sigmoid(),
  relu: (x) => x.relu(),
  sin: (x) => x.sin(),
  cos: (x) => x.cos(),
  abs: (x) => x.abs(),
};

const BINARY: Record<string, (a: Value, b: Value) => Value> = {
  add: (a, b) => a.add(b),
  subtract: (a, b) => a.sub(b),
  multiply: (a, b) => a.mul(b),
  divide: (a, b) => a.div(b),
};

const SYNTAX_HELP =
  'numbers, variables, + - * / ^, unary minus, parentheses and the functions ' +
  SUPPORTED_FUNCTIONS.join(', ');

export interface ParsedExpression {
  output: Value;
  /** The leaf of each variable the expression uses. */
  variables: Map<string, Value>;
}

/** Parses `expr` and builds its Value graph at the point `at` (forward pass done, no gradients yet). */
export function expressionToValue(expr: string, at: Record<string, number>): ParsedExpression {
  if (typeof expr !== 'string' || expr.trim() === '') throw new Error('The expression is empty');
  for (const [name, v] of Object.entries(at)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`Variable "${name}" must be a finite number, got ${String(v)}`);
    }
  }
  let tree: MathNode;
  try {
    tree = parse(expr);
  } catch (error) {
    throw new Error(`Cannot parse "${expr}": ${error instanceof Error ? error.message : String(error)}`);
  }
  const variables = new Map<string, Value>();
  const output = build(tree, at, variables);
  return { output, variables };
}

function build(node: MathNode, at: Record<string, number>, variables: Map<string, Value>): Value {
  const value = buildUnchecked(node, at, variables);
  if (!Number.isFinite(value.data)) {
    throw new Error(`"${node.toString()}" is ${value.data} at this point, so it has no derivative there`);
  }
  return value;
}

function buildUnchecked(node: MathNode, at: Record<string, number>, variables: Map<string, Value>): Value {
  const recurse = (child: MathNode) => build(child, at, variables);
  switch (node.type) {
    case 'ParenthesisNode':
      return recurse((node as MathNode & { content: MathNode }).content);
    case 'ConstantNode': {
      const c = (node as MathNode & { value: unknown }).value;
      if (typeof c !== 'number')
        throw new Error(`Unsupported constant ${node.toString()}: use ${SYNTAX_HELP}`);
      return Value.constant(c);
    }
    case 'SymbolNode': {
      const name = (node as MathNode & { name: string }).name;
      return variable(name, at, variables);
    }
    case 'OperatorNode': {
      const { fn, args } = node as MathNode & { fn: string; args: MathNode[] };
      if (fn === 'unaryMinus') return recurse(args[0]).neg();
      if (fn === 'unaryPlus') return recurse(args[0]);
      if (fn === 'pow') return power(args[0], args[1], at, recurse);
      const binary = BINARY[fn];
      if (!binary || args.length !== 2) {
        const op = (node as MathNode & { op: string }).op;
        throw new Error(`Unsupported operator "${op}" in "${node.toString()}": use ${SYNTAX_HELP}`);
      }
      return binary(recurse(args[0]), recurse(args[1]));
    }
    case 'FunctionNode': {
      const { fn, args } = node as MathNode & { fn: MathNode; args: MathNode[] };
      const name = fn.type === 'SymbolNode' ? (fn as MathNode & { name: string }).name : fn.toString();
      if (!(SUPPORTED_FUNCTIONS as readonly string[]).includes(name)) {
        throw new Error(`Unknown function "${name}". Supported functions: ${SUPPORTED_FUNCTIONS.join(', ')}`);
      }
      if (args.length !== 1)
        throw new Error(`${name} takes one argument, got ${args.length} in "${node.toString()}"`);
      return UNARY[name as SupportedFunction](recurse(args[0]));
    }
    default:
      throw new Error(`Unsupported syntax "${node.toString()}" (${node.type}): use ${SYNTAX_HELP}`);
  }
}

/** The one leaf for `name` (created on first use), or a named constant. */
function variable(name: string, at: Record<string, number>, variables: Map<string, Value>): Value {
  const existing = variables.get(name);
  if (existing) return existing;
  if (Object.hasOwn(at, name)) {
    const leaf = new Value(at[name], name);
    variables.set(name, leaf);
    return leaf;
  }
  if (Object.hasOwn(CONSTANTS, name)) return Value.constant(CONSTANTS[name]);
  throw new Error(`Variable "${name}" has no value: give it one in \`at\`, e.g. { ${name}: 1 }`);
}

/** base ^ exponent, where the exponent must not depend on a variable (pow's rule needs a constant k). */
function power(
  base: MathNode,
  exponent: MathNode,
  at: Record<string, number>,
  recurse: (child: MathNode) => Value,
): Value {
  const b = recurse(base);
  const k = recurse(exponent);
  if (k.op !== 'const') {
    const names = exponent
      .filter((n) => n.type === 'SymbolNode' && Object.hasOwn(at, (n as MathNode & { name: string }).name))
      .map((n) => (n as MathNode & { name: string }).name);
    throw new Error(
      `In "${base.toString()} ^ ${exponent.toString()}" the exponent depends on the variable ` +
        `${[...new Set(names)].join(', ')}; an exponent must be a constant (a number or an expression of ` +
        'numbers). For a variable exponent write exp(y * log(x)) instead of x ^ y',
    );
  }
  return b.pow(k.data);
}

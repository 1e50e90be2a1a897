// The scalar autograd core: Values with their ops, expression graphs for drawing and stepping through
// backprop, and a small MLP with a tape fast path for training. Imports nothing but mathjs.
//
// Example: gradients('x*y + x', { x: 2, y: 3 })  // { value: 8, grads: { x: 4, y: 2 } }

export { Value, topologicalOrder, type ValueOp } from './value';
export { OP_RULES, OP_CODE, PRIMITIVE_OPS, type OpRule, type PrimitiveOp } from './ops';
export { Tape } from './tape';
export {
  SUPPORTED_FUNCTIONS,
  expressionToValue,
  type SupportedFunction,
  type ParsedExpression,
} from './expression';
export {
  buildGraph,
  gradients,
  backwardSteps,
  type GraphNode,
  type ExpressionGraph,
  type BackwardEdge,
  type BackwardStep,
} from './graph';
export {
  checkGradients,
  prepareGradientCheck,
  variablesOf,
  type GradientCheck,
  type GradientCheckRow,
  type PreparedGradientCheck,
} from './gradient-check';
export { Neuron, Layer, type Nonlinearity } from './neuron';
export { MLP, type Activation, type Engine, type MLPOptions, type StepOptions, type StepResult } from './mlp';
export {
  classificationLoss,
  pointLoss,
  l2Penalty,
  type LossKind,
  type LossOptions,
  type Points,
} from './loss';

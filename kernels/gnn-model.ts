// A node classifier of stacked GCN, GAT or GraphSAGE layers (ReLU between them) on one fixed graph, its
// semi-supervised loss (softmax cross-entropy averaged over the labelled nodes only, plus ½λ‖θ‖²) and the
// gradient of that loss by the layers' backward passes. Parameters live in one flat Float64Array.
// GAT hidden layers concatenate `heads` heads of `hidden` features; its output layer averages the heads.
//
// Example:
//   const model = createGnn(graph, { kind: 'gcn', inDim: 34, hidden: 16, classes: 2, layers: 2, heads: 1, seed: 1 });
//   const { loss, grads } = gnnLossAndGrad(model, x, labels, [0, 33], 5e-4);
import { createRng } from '../src/runtime/rng';
import { gatLayer } from './gnn-gat';
import type { Graph } from './gnn-graph';
import { gcnLayer, sageLayer, type GnnLayer, type LayerKind, type LayerPass } from './gnn-layers';
import { zeros, type Mat } from './gnn-mat';
import { checkInt } from './nn/validate';

export interface GnnConfig {
  kind: LayerKind;
  inDim: number;
  hidden: number;
  classes: number;
  /** Message-passing layers, output layer included (1–8). */
  layers: number;
  /** GAT heads (ignored by GCN and SAGE). */
  heads: number;
  seed: number;
}

export interface GnnModel {
  config: GnnConfig;
  layers: GnnLayer[];
  offsets: number[];
  params: Float64Array;
}

export interface GnnForward {
  passes: LayerPass[];
  /** The output layer's scores, nodes × classes. */
  logits: Mat;
}

function makeLayer(graph: Graph, c: GnnConfig, inDim: number, last: boolean): GnnLayer {
  const out = last ? c.classes : c.hidden;
  if (c.kind === 'gcn') return gcnLayer(graph, inDim, out);
  if (c.kind === 'sage') return sageLayer(graph, inDim, out);
  if (c.kind === 'gat') return gatLayer(graph, inDim, out, c.heads, last ? 'mean' : 'concat');
  throw new Error(`layer kind must be 'gcn', 'gat' or 'sage', got '${String(c.kind)}'`);
}

/** A model with Glorot-initialised weights drawn from `seed` and zero biases. */
export function createGnn(graph: Graph, config: GnnConfig): GnnModel {
  checkInt('layers', config.layers, 1, 8);
  checkInt('hidden', config.hidden, 1, 256);
  checkInt('classes', config.classes, 2, 64);
  const layers: GnnLayer[] = [];
  let width = config.inDim;
  for (let l = 0; l < config.layers; l++) {
    const layer = makeLayer(graph, config, width, l === config.layers - 1);
    layers.push(layer);
    width = layer.outDim;
  }
  const offsets: number[] = [];
  let size = 0;
  for (const layer of layers) {
    offsets.push(size);
    size += layer.size;
  }
  const params = new Float64Array(size);
  const rng = createRng(config.seed);
  layers.forEach((layer, l) => layer.init(params.subarray(offsets[l]!, offsets[l]! + layer.size), rng));
  return { config, layers, offsets, params };
}

const slice = (m: GnnModel, a: Float64Array, l: number) =>
  a.subarray(m.offsets[l]!, m.offsets[l]! + m.layers[l]!.size);

/** The forward pass; the input of layer l > 0 is ReLU of layer l − 1's output. */
export function gnnForward(model: GnnModel, x: Mat, params = model.params): GnnForward {
  const passes: LayerPass[] = [];
  let h = x;
  model.layers.forEach((layer, l) => {
    if (l > 0) h = { rows: h.rows, cols: h.cols, data: h.data.map((v) => (v > 0 ? v : 0)) };
    const pass = layer.forward(slice(model, params, l), h);
    passes.push(pass);
    h = pass.out;
  });
  return { passes, logits: h };
}

/** Softmax cross-entropy of each listed node's logits against its label, averaged; and dL/dlogits. */
export function crossEntropy(logits: Mat, labels: readonly number[], nodes: readonly number[]) {
  if (nodes.length === 0) throw new Error('at least one labelled node is needed');
  const c = logits.cols;
  const grad = zeros(logits.rows, c);
  let loss = 0;
  for (const i of nodes) {
    const y = labels[i]!;
    if (!Number.isInteger(y) || y < 0 || y >= c)
      throw new Error(`label of node ${i} must be 0–${c - 1}, got ${y}`);
    const row = logits.data.subarray(i * c, (i + 1) * c);
    const max = Math.max(...row);
    let sum = 0;
    for (const v of row) sum += Math.exp(v - max);
    loss += Math.log(sum) + max - row[y]!;
    for (let k = 0; k < c; k++)
      grad.data[i * c + k] = (Math.exp(row[k]! - max) / sum - (k === y ? 1 : 0)) / nodes.length;
  }
  return { loss: loss / nodes.length, grad };
}

/** The loss (cross-entropy on `labelled` plus ½·weightDecay·‖θ‖²) and its gradient in θ. */
export function gnnLossAndGrad(
  model: GnnModel,
  x: Mat,
  labels: readonly number[],
  labelled: readonly number[],
  weightDecay = 0,
  params = model.params,
): { loss: number; grads: Float64Array; forward: GnnForward } {
  const forward = gnnForward(model, x, params);
  const { loss, grad } = crossEntropy(forward.logits, labels, labelled);
  const grads = new Float64Array(params.length);
  let sq = 0;
  for (let k = 0; k < params.length; k++) {
    sq += params[k]! * params[k]!;
    grads[k] = weightDecay * params[k]!;
  }
  let d = grad;
  for (let l = model.layers.length - 1; l >= 0; l--) {
    const dx = model.layers[l]!.backward(
      slice(model, params, l),
      forward.passes[l]!,
      d,
      slice(model, grads, l),
    );
    if (l > 0) {
      const prev = forward.passes[l - 1]!.out.data;
      for (let k = 0; k < dx.data.length; k++) if (!(prev[k]! > 0)) dx.data[k] = 0;
    }
    d = dx;
  }
  return { loss: loss + 0.5 * weightDecay * sq, grads, forward };
}

/** The arg-max class of each node. */
export function predictions(logits: Mat): number[] {
  return Array.from({ length: logits.rows }, (_, i) => {
    let best = 0;
    for (let k = 1; k < logits.cols; k++)
      if (logits.data[i * logits.cols + k]! > logits.data[i * logits.cols + best]!) best = k;
    return best;
  });
}

/** The share of `nodes` whose predicted class is their label. */
export function accuracy(
  pred: readonly number[],
  labels: readonly number[],
  nodes: readonly number[],
): number {
  if (nodes.length === 0) return NaN;
  return nodes.filter((i) => pred[i] === labels[i]).length / nodes.length;
}

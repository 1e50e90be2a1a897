// Semi-supervised node classification: a GNN (gnn-model.ts) trained with Adam on the cross-entropy of the
// few labelled nodes only, scored on every other node. Node features are one-hot (the identity), as in Kipf &
// Welling's karate-club demo, so everything the model knows about a node comes through the graph.
//
// Example:
//   const { nodes, edges, faction } = karateClub();
//   const t = new GnnTrainer(graphFromEdges(nodes, edges), faction, [0, 33], { kind: 'gcn', seed: 1 });
//   for (let e = 0; e < 200; e++) t.step();
//   t.evaluate().accuracy;   // on the 32 unlabelled members
import { createRng } from '../src/runtime/rng';
import { edgeAttention } from './gnn-gat';
import type { Graph } from './gnn-graph';
import type { LayerKind } from './gnn-layers';
import { identity, type Mat } from './gnn-mat';
import { accuracy, createGnn, gnnForward, gnnLossAndGrad, predictions, type GnnModel } from './gnn-model';
import { Adam } from './nn/optim';
import { checkInt, checkRange } from './nn/validate';

export interface TrainerOptions {
  kind: LayerKind;
  seed: number;
  /** Layers, output included (default 2). */
  layers?: number;
  /** Hidden width (per head for GAT; default 16). */
  hidden?: number;
  /** GAT heads (default 2). */
  heads?: number;
  /** Adam's learning rate (default 0.01). */
  lr?: number;
  /** L2 penalty λ on every parameter (default 5e-4). */
  weightDecay?: number;
}

export interface Evaluation {
  logits: Mat;
  predicted: number[];
  /** Accuracy on the unlabelled nodes. */
  accuracy: number;
  /** GAT: the last layer's attention per edge (graphEdges order); null for GCN and SAGE. */
  attention: number[] | null;
}

/**
 * `perClass` labelled nodes of each class: the nodes of `first` in that class, then others drawn with `seed`.
 * Throws if a class has fewer than `perClass` nodes.
 */
export function pickLabelled(
  labels: readonly number[],
  perClass: number,
  seed: number,
  first: readonly number[] = [],
): number[] {
  checkInt('labelled per class', perClass, 1, labels.length);
  const rng = createRng(seed);
  const classes = [...new Set(labels)].sort((a, b) => a - b);
  const out: number[] = [];
  for (const c of classes) {
    const members = labels.flatMap((y, i) => (y === c ? [i] : []));
    if (members.length < perClass)
      throw new Error(`class ${c} has ${members.length} nodes, fewer than ${perClass} to label`);
    const lead = first.filter((i) => labels[i] === c);
    const rest = rng.shuffle(members.filter((i) => !lead.includes(i)));
    out.push(...[...lead, ...rest].slice(0, perClass));
  }
  return out.sort((a, b) => a - b);
}

export class GnnTrainer {
  readonly model: GnnModel;
  readonly x: Mat;
  readonly unlabelled: number[];
  private readonly adam: Adam;
  private readonly weightDecay: number;
  epoch = 0;
  loss = NaN;

  constructor(
    readonly graph: Graph,
    readonly labels: readonly number[],
    readonly labelled: readonly number[],
    options: TrainerOptions,
  ) {
    if (labels.length !== graph.n)
      throw new Error(`labels must have one entry per node: ${graph.n} nodes but ${labels.length} labels`);
    labelled.forEach((i) => checkInt('labelled node', i, 0, graph.n - 1));
    const lr = options.lr ?? 0.01;
    checkRange('lr', lr, 0, 1, '(]');
    this.weightDecay = options.weightDecay ?? 5e-4;
    checkRange('weight decay', this.weightDecay, 0, 1);
    this.x = identity(graph.n);
    this.model = createGnn(graph, {
      kind: options.kind,
      inDim: graph.n,
      hidden: options.hidden ?? 16,
      classes: Math.max(1, ...labels) + 1,
      layers: options.layers ?? 2,
      heads: options.heads ?? 2,
      seed: options.seed,
    });
    this.adam = new Adam(this.model.params.length, { lr });
    const set = new Set(labelled);
    this.unlabelled = labels.flatMap((_, i) => (set.has(i) ? [] : [i]));
  }

  /** One full-batch Adam step; returns the loss before it. Throws if the loss is not finite. */
  step(): number {
    const { loss, grads } = gnnLossAndGrad(this.model, this.x, this.labels, this.labelled, this.weightDecay);
    if (!Number.isFinite(loss)) throw new Error(`the loss became ${loss} at epoch ${this.epoch}; lower lr`);
    this.adam.step(this.model.params, grads);
    this.epoch++;
    this.loss = loss;
    return loss;
  }

  evaluate(): Evaluation {
    const { logits, passes } = gnnForward(this.model, this.x);
    const predicted = predictions(logits);
    const last = passes[passes.length - 1]!;
    return {
      logits,
      predicted,
      accuracy: accuracy(predicted, this.labels, this.unlabelled),
      attention: last.attention ? edgeAttention(this.graph, last) : null,
    };
  }
}

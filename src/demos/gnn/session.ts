// The GNN cell's session, with no DOM: the karate club as the user has edited it, the labelled members,
// the live training run (loss, accuracy on the unlabelled members, the 2-D output scores each epoch and GAT's
// attention per edge), and the depth sweep of the over-smoothing panel. Training is time-sliced on the main
// thread (an epoch on 34 nodes takes well under a millisecond); tested in Node.
import {
  energyByDepth,
  GnnTrainer,
  graphEdges,
  graphFromEdges,
  karateClub,
  pickLabelled,
  type Evaluation,
  type Graph,
  type LayerKind,
} from '../../../kernels/gnn';
import { TimeSlicer, type YieldFn } from '../../runtime/loop';
import type { Metrics } from '../../ui/kit/run-card';
import type { GnnSettings } from './settings';

export type TrainSettings = Pick<
  GnnSettings,
  'model' | 'labelled' | 'layers' | 'hidden' | 'heads' | 'lr' | 'epochs' | 'seed'
>;

/** The club's two leaders, labelled first. */
export const LEADERS = [0, 33];
export const MAX_DEPTH = 8;

export interface DepthPoint {
  depth: number;
  energy: number;
  accuracy: number;
}

const key = (i: number, j: number) => (i < j ? `${i}-${j}` : `${j}-${i}`);

export class GnnSession {
  readonly club = karateClub();
  /** The current friendships ("i-j", i < j). */
  private edges = new Set(this.club.edges.map(([i, j]) => key(i, j)));
  graph: Graph = graphFromEdges(this.club.nodes, this.club.edges);
  /** Incremented on every edit, so views can memoize on it. */
  version = 0;
  labelled: number[] = [...LEADERS];
  losses: number[] = [];
  accuracies: number[] = [];
  latest: Evaluation | null = null;
  /** The graph the latest evaluation was made on (its attention is per edge of it). */
  trainedGraph: Graph | null = null;
  epoch = 0;
  depth: DepthPoint[] = [];
  private ran: TrainSettings | null = null;

  /** Adds the friendship i–j if it is missing, removes it if present; returns whether it now exists. */
  toggleEdge(i: number, j: number): boolean {
    const n = this.club.nodes;
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || i >= n || j >= n)
      throw new Error(`members must be numbered 0–${n - 1}, got ${i} and ${j}`);
    if (i === j) throw new Error(`pick two different members (both were ${i})`);
    const k = key(i, j);
    const added = !this.edges.delete(k);
    if (added) this.edges.add(k);
    this.rebuildGraph();
    return added;
  }

  /** Back to Zachary's 78 friendships. */
  restoreGraph(): void {
    this.edges = new Set(this.club.edges.map(([i, j]) => key(i, j)));
    this.rebuildGraph();
  }

  get edgeCount(): number {
    return this.edges.size;
  }

  hasEdge(i: number, j: number): boolean {
    return this.edges.has(key(i, j));
  }

  private rebuildGraph(): void {
    const edges = [...this.edges].map((s) => s.split('-').map(Number) as [number, number]);
    this.graph = graphFromEdges(this.club.nodes, edges);
    this.version++;
  }

  private trainer(s: TrainSettings, layers = s.layers): GnnTrainer {
    this.labelled = pickLabelled(this.club.faction, s.labelled, s.seed, LEADERS);
    return new GnnTrainer(this.graph, this.club.faction, this.labelled, {
      kind: s.model as LayerKind,
      seed: s.seed,
      layers,
      hidden: s.hidden,
      heads: s.heads,
      lr: s.lr,
    });
  }

  /**
   * Trains from scratch for `epochs`, evaluating after every epoch; `onEpoch` is told of each. Rejects with an
   * AbortError when the signal fires (what was learned stays shown).
   */
  async train(s: TrainSettings, signal: AbortSignal, onEpoch: () => void = () => {}, yieldFn?: YieldFn) {
    this.ran = { ...s };
    const t = this.trainer(s);
    this.losses = [];
    this.accuracies = [];
    this.trainedGraph = this.graph;
    this.epoch = 0;
    this.latest = t.evaluate();
    const slicer = new TimeSlicer({ signal, ...(yieldFn ? { yieldFn } : {}) });
    for (let e = 0; e < s.epochs; e++) {
      this.losses.push(t.step());
      this.latest = t.evaluate();
      this.accuracies.push(this.latest.accuracy);
      this.epoch = e + 1;
      onEpoch();
      await slicer.tick();
    }
    return this.latest;
  }

  /**
   * Over-smoothing: for depth 1 … MAX_DEPTH, an untrained GCN's normalised Dirichlet energy and the chosen
   * model's accuracy after training at that depth. Points arrive one depth at a time.
   */
  async sweepDepth(s: TrainSettings, signal: AbortSignal, onDepth: () => void = () => {}, yieldFn?: YieldFn) {
    const energies = energyByDepth(this.graph, { maxDepth: MAX_DEPTH, width: s.hidden, seed: s.seed });
    this.depth = [];
    const slicer = new TimeSlicer({ signal, ...(yieldFn ? { yieldFn } : {}) });
    for (let d = 1; d <= MAX_DEPTH; d++) {
      const t = this.trainer(s, d);
      for (let e = 0; e < s.epochs; e++) {
        t.step();
        await slicer.tick();
      }
      this.depth.push({ depth: d, energy: energies[d - 1]!, accuracy: t.evaluate().accuracy });
      onDepth();
    }
    return this.depth;
  }

  /** The friendships of the trained graph, with GAT's attention on each (null without GAT or a run). */
  attentionByEdge(): Map<string, number> | null {
    const att = this.latest?.attention;
    if (!att || !this.trainedGraph) return null;
    return new Map(graphEdges(this.trainedGraph).map(([i, j], k) => [key(i, j), att[k]!]));
  }

  metrics(): Metrics {
    if (!this.ran || !this.latest) return {};
    return {
      model: this.ran.model,
      epochs: this.epoch,
      edges: this.edgeCount,
      labelledNodes: this.labelled.length,
      loss: this.losses.at(-1) ?? NaN,
      accuracy: this.latest.accuracy,
    };
  }

  clear(): void {
    this.losses = [];
    this.accuracies = [];
    this.latest = null;
    this.trainedGraph = null;
    this.epoch = 0;
    this.depth = [];
    this.ran = null;
  }
}

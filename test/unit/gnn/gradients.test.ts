// GCN, GAT (concatenated and averaged heads) and GraphSAGE layers, and a whole 3-layer model's loss, against
// central finite differences in float64: every parameter's and input's gradient to a relative error of 1e-5
// (|analytic − numeric| / max(|analytic|, |numeric|, 1e-4)).
import { describe, expect, it } from 'vitest';
import {
  gatLayer,
  gcnLayer,
  gnnLossAndGrad,
  createGnn,
  graphFromEdges,
  sageLayer,
  toMat,
  type GnnLayer,
  type Mat,
} from '../../../kernels/gnn';
import { createRng } from '../../../src/runtime/rng';

// A triangle with a tail, and node 5 isolated (its SAGE mean is zero; its GAT softmax is over itself alone).
const graph = graphFromEdges(6, [
  [0, 1],
  [0, 2],
  [1, 2],
  [2, 3],
  [3, 4],
]);
const H = 1e-6;
const TOL = 1e-5;

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-4);
}

function randomMat(rows: number, cols: number, seed: number): Mat {
  const rng = createRng(seed);
  return toMat(Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.normal())));
}

/** L = Σ out ⊙ R for a fixed random R: dL/dout = R. */
function checkLayer(layer: GnnLayer, inDim: number) {
  const p = new Float64Array(layer.size);
  layer.init(p, createRng(3));
  for (let k = 0; k < p.length; k++) p[k]! += 0.1 * Math.sin(k + 1); // non-zero biases too
  const x = randomMat(graph.n, inDim, 4);
  const r = randomMat(graph.n, layer.outDim, 5);
  const loss = (pp: Float64Array, xx: Mat) =>
    layer.forward(pp, xx).out.data.reduce((s, v, k) => s + v * r.data[k]!, 0);
  const g = new Float64Array(layer.size);
  const dx = layer.backward(p, layer.forward(p, x), r, g);
  let worst = 0;
  for (let k = 0; k < p.length; k++) {
    const [up, down] = [p.slice(), p.slice()];
    up[k]! += H;
    down[k]! -= H;
    worst = Math.max(worst, relErr(g[k]!, (loss(up, x) - loss(down, x)) / (2 * H)));
  }
  for (let k = 0; k < x.data.length; k++) {
    const [up, down] = [
      { ...x, data: x.data.slice() },
      { ...x, data: x.data.slice() },
    ];
    up.data[k]! += H;
    down.data[k]! -= H;
    worst = Math.max(worst, relErr(dx.data[k]!, (loss(p, up) - loss(p, down)) / (2 * H)));
  }
  return worst;
}

describe('layer gradients against finite differences', () => {
  it('GCN', () => expect(checkLayer(gcnLayer(graph, 3, 4), 3)).toBeLessThan(TOL));
  it('GraphSAGE (mean aggregator, self concatenated)', () =>
    expect(checkLayer(sageLayer(graph, 3, 4), 3)).toBeLessThan(TOL));
  it('GAT, 3 heads concatenated', () =>
    expect(checkLayer(gatLayer(graph, 3, 2, 3, 'concat'), 3)).toBeLessThan(TOL));
  it('GAT, 2 heads averaged', () =>
    expect(checkLayer(gatLayer(graph, 3, 4, 2, 'mean'), 3)).toBeLessThan(TOL));

  it('rejects features of the wrong shape with the sizes', () => {
    const layer = gcnLayer(graph, 3, 4);
    expect(() => layer.forward(new Float64Array(layer.size), randomMat(5, 3, 1))).toThrow(
      'features must be 6×3 (nodes × input width), got 5×3',
    );
  });
});

describe('a whole model: semi-supervised loss with weight decay', () => {
  for (const kind of ['gcn', 'gat', 'sage'] as const)
    it(`${kind}: 3 layers, ReLU between, cross-entropy on 3 labelled nodes`, () => {
      const model = createGnn(graph, { kind, inDim: 3, hidden: 4, classes: 3, layers: 3, heads: 2, seed: 7 });
      const x = randomMat(graph.n, 3, 8);
      const labels = [0, 1, 2, 0, 1, 2];
      const labelled = [0, 3, 4];
      const p = model.params;
      for (let k = 0; k < p.length; k++) p[k]! += 0.05 * Math.cos(k); // biases off zero, ReLUs off their kink
      const { grads } = gnnLossAndGrad(model, x, labels, labelled, 0.01);
      let worst = 0;
      for (let k = 0; k < p.length; k++) {
        const [up, down] = [p.slice(), p.slice()];
        up[k]! += H;
        down[k]! -= H;
        const num =
          (gnnLossAndGrad(model, x, labels, labelled, 0.01, up).loss -
            gnnLossAndGrad(model, x, labels, labelled, 0.01, down).loss) /
          (2 * H);
        worst = Math.max(worst, relErr(grads[k]!, num));
      }
      expect(worst).toBeLessThan(TOL);
    });
});

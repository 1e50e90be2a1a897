// The MLP's loss gradients from both engines against tf.grads of the same function (CPU backend, float32),
// the two engines against each other, and training on seeded moons.
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { MLP, type Activation, type LossKind } from '../../../src/autograd';
import { makeDataset } from '../../../kernels/datasets2d';

const moons = makeDataset('moons', { n: 100, noise: 0.1, seed: 1 });

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** The same loss as MLP's, written with tfjs ops on per-layer weight matrices W[i][j] = neuron j's w_i. */
function tfGradients(mlp: MLP, xs: number[][], ys: number[], loss: LossKind, l2: number): Float64Array {
  const params = mlp.getParameters();
  const widths = [mlp.nin, ...mlp.sizes];
  const out = new Float64Array(params.length);
  tf.tidy(() => {
    const tensors: tf.Tensor[] = [];
    let at = 0;
    for (let l = 0; l < mlp.sizes.length; l++) {
      const [nin, nout] = [widths[l], widths[l + 1]];
      const w = new Float32Array(nin * nout);
      const b = new Float32Array(nout);
      for (let j = 0; j < nout; j++) {
        for (let i = 0; i < nin; i++) w[i * nout + j] = params[at++];
        b[j] = params[at++];
      }
      tensors.push(tf.tensor2d(w, [nin, nout]), tf.tensor1d(b));
    }
    const x = tf.tensor2d(xs);
    const y = tf.tensor1d(ys);
    const objective = (...weights: tf.Tensor[]): tf.Scalar => {
      let h: tf.Tensor = x;
      for (let l = 0; l < mlp.sizes.length; l++) {
        const z = tf.add(tf.matMul(h as tf.Tensor2D, weights[2 * l] as tf.Tensor2D), weights[2 * l + 1]);
        const last = l === mlp.sizes.length - 1;
        h = last ? z : mlp.activation === 'tanh' ? tf.tanh(z) : tf.relu(z);
      }
      const margin = tf.mul(y, tf.reshape(h, [-1]));
      const data = loss === 'hinge' ? tf.relu(tf.sub(1, margin)) : tf.softplus(tf.neg(margin));
      const penalty = tf.addN(weights.map((t) => tf.sum(tf.square(t))));
      return tf.add(tf.mean(data), tf.mul(l2, penalty)) as tf.Scalar;
    };
    const grads = tf.grads((...weights: tf.Tensor[]) => objective(...weights))(tensors);
    at = 0;
    for (let l = 0; l < mlp.sizes.length; l++) {
      const [nin, nout] = [widths[l], widths[l + 1]];
      const dw = grads[2 * l].dataSync();
      const db = grads[2 * l + 1].dataSync();
      for (let j = 0; j < nout; j++) {
        for (let i = 0; i < nin; i++) out[at++] = dw[i * nout + j];
        out[at++] = db[j];
      }
    }
  });
  return out;
}

describe('MLP loss gradients match tf.grads on the CPU backend (float32: |Δ| ≤ 1e-4·|tf| + 1e-6)', () => {
  let tensorsBefore = 0;
  beforeAll(() => {
    tensorsBefore = tf.memory().numTensors;
  });

  const cases: [Activation, LossKind, number][] = [
    ['tanh', 'hinge', 1e-4],
    ['tanh', 'logistic', 0],
    ['relu', 'hinge', 0],
    ['relu', 'logistic', 1e-3],
  ];
  test.each(cases)('%s net, %s loss, l2 = %d, both engines', (activation, loss, l2) => {
    const mlp = new MLP(2, [16, 16, 1], { activation, seed: 5 });
    // Two training steps first, so the weights are not just the initial ones and some margins exceed 1.
    for (let k = 0; k < 2; k++) mlp.step(moons.xs, moons.ys, { lr: 0.5, loss, l2 });
    const reference = tfGradients(mlp, moons.xs, moons.ys, loss, l2);
    for (const engine of ['tape', 'graph'] as const) {
      const { grads } = mlp.lossAndGradients(moons.xs, moons.ys, { loss, l2, engine });
      expect(grads.length).toBe(337);
      for (let i = 0; i < grads.length; i++) {
        expect(Math.abs(grads[i] - reference[i])).toBeLessThanOrEqual(1e-4 * Math.abs(reference[i]) + 1e-6);
      }
    }
  });

  test('the reference computation leaves no tensors behind', () => {
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});

describe('the tape and the object graph agree', () => {
  test.each(['hinge', 'logistic'] as const)('%s: loss, accuracy and all 337 grads agree to 1e-12', (loss) => {
    const mlp = new MLP(2, [16, 16, 1], { activation: 'tanh', seed: 9 });
    const flat = Float64Array.from(moons.xs.flat());
    const viaTape = mlp.lossAndGradients(flat, moons.ys, { loss, l2: 1e-4, engine: 'tape' });
    const viaGraph = mlp.lossAndGradients(moons.xs, moons.ys, { loss, l2: 1e-4, engine: 'graph' });
    expect(Math.abs(viaTape.loss - viaGraph.loss)).toBeLessThanOrEqual(1e-12);
    expect(viaTape.accuracy).toBe(viaGraph.accuracy);
    for (let i = 0; i < 337; i++)
      expect(Math.abs(viaTape.grads[i] - viaGraph.grads[i])).toBeLessThanOrEqual(1e-12);
  });

  test('one recording serves any batch size and loss settings: 100, 37, 1 points, hinge then logistic', () => {
    const mlp = new MLP(2, [6, 6, 1], { activation: 'tanh', seed: 4 });
    const settings = [
      { n: 100, loss: 'hinge', l2: 0 },
      { n: 37, loss: 'hinge', l2: 1e-3 },
      { n: 1, loss: 'logistic', l2: 1e-3 },
      { n: 100, loss: 'logistic', l2: 0 },
    ] as const;
    for (const { n, loss, l2 } of settings) {
      const [xs, ys] = [moons.xs.slice(0, n), moons.ys.slice(0, n)];
      const viaTape = mlp.lossAndGradients(xs, ys, { loss, l2, engine: 'tape' });
      const viaGraph = mlp.lossAndGradients(xs, ys, { loss, l2, engine: 'graph' });
      expect(Math.abs(viaTape.loss - viaGraph.loss)).toBeLessThanOrEqual(1e-12);
      for (let i = 0; i < viaTape.grads.length; i++) {
        expect(Math.abs(viaTape.grads[i] - viaGraph.grads[i])).toBeLessThanOrEqual(1e-12);
      }
    }
  });

  test('ten SGD steps on each engine end at the same weights (1e-12)', () => {
    const a = new MLP(2, [8, 1], { activation: 'relu', seed: 3 });
    const b = new MLP(2, [8, 1], { activation: 'relu', seed: 3 });
    for (let k = 0; k < 10; k++) {
      a.step(moons.xs, moons.ys, { lr: 0.3, engine: 'tape' });
      b.step(moons.xs, moons.ys, { lr: 0.3, engine: 'graph' });
    }
    const [wa, wb] = [a.getParameters(), b.getParameters()];
    for (let i = 0; i < wa.length; i++) expect(Math.abs(wa[i] - wb[i])).toBeLessThanOrEqual(1e-12);
  });
});

describe('training', () => {
  test.each([
    ['tanh', 'hinge'],
    ['relu', 'logistic'],
  ] as const)(
    '%s net with %s loss reaches ≥ 95% accuracy on seeded moons (n 100, noise 0.1) in 250 steps',
    (activation, loss) => {
      const mlp = new MLP(2, [16, 16, 1], { activation, seed: 1 });
      let last = { loss: Infinity, accuracy: 0 };
      for (let k = 0; k < 250; k++) last = mlp.step(moons.xs, moons.ys, { lr: 1, loss, l2: 1e-4 });
      expect(last.accuracy).toBeGreaterThanOrEqual(0.95);
      // Accuracy after the last update, from predict: the decision boundary the demo draws.
      const predicted = moons.xs.map(([x, y]) => (mlp.predict(x, y) > 0 ? 1 : -1));
      expect(predicted.filter((p, i) => p === moons.ys[i]).length).toBeGreaterThanOrEqual(95);
    },
  );

  test('predict and predictPoints agree with the score of the Value graph', () => {
    const mlp = new MLP(2, [4, 4, 1], { seed: 2 });
    const points = [
      [0.3, -0.7],
      [1.5, 0.25],
    ];
    const grid = mlp.predictPoints(points);
    points.forEach(([x, y], i) => {
      const reference = mlp.call([x, y])[0].data;
      expect(mlp.predict(x, y)).toBe(reference);
      expect(grid[i]).toBe(reference);
    });
  });

  test('the same seed gives the same initial weights; a custom random source is used when given', () => {
    expect(new MLP(2, [3, 1], { seed: 4 }).getParameters()).toEqual(
      new MLP(2, [3, 1], { seed: 4 }).getParameters(),
    );
    const half = new MLP(2, [3, 1], { random: () => 0.75 }).parameters();
    expect(half.filter((p) => p.label.includes('.w')).every((p) => p.data > 0)).toBe(true);
    expect(half.filter((p) => p.label.endsWith('.b')).every((p) => p.data === 0)).toBe(true);
  });
});

describe('MLP bad input', () => {
  const mlp = new MLP(2, [4, 1]);
  test('labels must be ±1, points finite and of the right width, lr finite', () => {
    expect(() => mlp.step([[0, 1]], [0], { lr: 0.1 })).toThrow('ys[0] must be 1 or -1, got 0');
    expect(() => mlp.step([[0, NaN]], [1], { lr: 0.1 })).toThrow('coordinate 1 of point 0 must be finite');
    expect(() => mlp.step([[0, 1, 2]], [1], { lr: 0.1 })).toThrow('xs[0] must have 2 coordinates');
    expect(() => mlp.step([[0, 1]], [1, -1], { lr: 0.1 })).toThrow('one label per point (1), got 2');
    expect(() => mlp.step([[0, 1]], [1], { lr: NaN })).toThrow('lr must be a finite number');
    expect(() => mlp.step([[0, 1]], [1], { lr: 0.1, l2: -1 })).toThrow('l2 must be a finite number ≥ 0');
  });

  test('constructor arguments are checked', () => {
    expect(() => new MLP(0, [1])).toThrow('nin must be an integer ≥ 1');
    expect(() => new MLP(2, [])).toThrow('sizes must be a non-empty list');
    expect(() => new MLP(2, [1], { activation: 'gelu' as Activation })).toThrow(
      "activation must be 'tanh' or 'relu'",
    );
  });

  test('a diverging step throws and leaves the weights unchanged', () => {
    const big = new MLP(2, [4, 1], { seed: 1 });
    big.setParameters(new Float64Array(big.parameters().length).fill(1e300));
    const before = big.getParameters();
    expect(() => big.step([[1e5, 1e5]], [-1], { lr: 0.1, loss: 'logistic' })).toThrow(/training diverged/);
    expect(big.getParameters()).toEqual(before);
  });
});

// Times one full-batch training step (forward + backward + SGD) of MLP(2, [16, 16, 1]) — 337 parameters —
// on 100 moons points, hinge loss with L2 1e-4, on three engines: the autograd core's tape (the fast path),
// its object graph (the reference), and tfjs-core on the CPU backend doing the same step.
// The tape and tfjs are measured in alternating rounds, so a busy machine slows both alike; the object
// graph, which is 50–100× slower, runs last.
//
// Run: npx tsx scripts/bench-mlp.ts   (prints a table and one line `BENCH_JSON {"tapeMs":…,…}`)

import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { MLP } from '../src/autograd/index';
import { makeDataset } from '../kernels/datasets2d';

// tfjs-core's gradient registrations exist only as ES modules with directory imports, which Node's ESM
// loader refuses; tsx's CommonJS loader resolves them. They register into tfjs' global registry.
createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');

const SIZES = [16, 16, 1];
const LR = 0.05;
const L2 = 1e-4;
const ROUNDS = 8;

const { xs, ys } = makeDataset('moons', { n: 100, noise: 0.1, seed: 1 });

function median(samples: number[]): number {
  const sorted = samples.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeSteps(count: number, step: () => void, into: number[]): void {
  for (let k = 0; k < count; k++) {
    const start = performance.now();
    step();
    into.push(performance.now() - start);
  }
}

/** tfjs variables holding the MLP's weights as matrices W[i][j] = neuron j's w_i, and biases. */
function tfVariablesFrom(mlp: MLP): tf.Variable[] {
  const params = mlp.getParameters();
  const widths = [mlp.nin, ...mlp.sizes];
  const variables: tf.Variable[] = [];
  let at = 0;
  for (let l = 0; l < mlp.sizes.length; l++) {
    const [nin, nout] = [widths[l], widths[l + 1]];
    const w = new Float32Array(nin * nout);
    const b = new Float32Array(nout);
    for (let j = 0; j < nout; j++) {
      for (let i = 0; i < nin; i++) w[i * nout + j] = params[at++];
      b[j] = params[at++];
    }
    // tidy disposes the initial tensors; the variables survive it.
    variables.push(...tf.tidy(() => [tf.variable(tf.tensor2d(w, [nin, nout])), tf.variable(tf.tensor1d(b))]));
  }
  return variables;
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  const tapeNet = new MLP(2, SIZES, { activation: 'tanh', seed: 1 });
  const graphNet = new MLP(2, SIZES, { activation: 'tanh', seed: 1 });
  const weights = tfVariablesFrom(tapeNet);
  const x = tf.tensor2d(xs);
  const y = tf.tensor1d(ys);
  const tfLoss = (): tf.Scalar => {
    let h: tf.Tensor = x;
    for (let l = 0; l < SIZES.length; l++) {
      const z = tf.add(tf.matMul(h as tf.Tensor2D, weights[2 * l] as tf.Tensor2D), weights[2 * l + 1]);
      h = l === SIZES.length - 1 ? z : tf.tanh(z);
    }
    const hinge = tf.mean(tf.relu(tf.sub(1, tf.mul(y, tf.reshape(h, [-1])))));
    return tf.add(hinge, tf.mul(L2, tf.addN(weights.map((w) => tf.sum(tf.square(w)))))) as tf.Scalar;
  };
  const tfStep = (): void => {
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(tfLoss);
      for (const w of weights) w.assign(tf.sub(w, tf.mul(LR, grads[w.name])));
      return value;
    });
    loss.dataSync(); // wait for the result, as a training loop reading the loss would
    loss.dispose();
  };

  // Sanity check before timing: both engines see the same weights, so their first losses agree (float32).
  const first = tapeNet.lossAndGradients(xs, ys, { loss: 'hinge', l2: L2 }).loss;
  const tfFirst = tf.tidy(() => tfLoss().dataSync()[0]);
  const agree = Math.abs(first - tfFirst) <= 1e-5 * Math.abs(first);

  const tapeStep = () => void tapeNet.step(xs, ys, { lr: LR, loss: 'hinge', l2: L2 });
  const graphStep = () => void graphNet.step(xs, ys, { lr: LR, loss: 'hinge', l2: L2, engine: 'graph' });
  timeSteps(200, tapeStep, []);
  timeSteps(50, tfStep, []);
  timeSteps(5, graphStep, []);
  const tape: number[] = [];
  const tfjs: number[] = [];
  const graph: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    timeSteps(150, tapeStep, tape);
    timeSteps(40, tfStep, tfjs);
  }
  // Last, so the garbage of the object graph (~130 000 Values a step) does not trigger GC in the others.
  timeSteps(30, graphStep, graph);
  const tensorsLeft = tf.memory().numTensors;
  tf.dispose([x, y, ...weights]);

  const result = { tapeMs: median(tape), graphMs: median(graph), tfjsCpuMs: median(tfjs) };
  const row = (name: string, samples: number[]) =>
    `${name.padEnd(26)}${median(samples).toFixed(3).padStart(10)}${Math.min(...samples)
      .toFixed(3)
      .padStart(10)}${String(samples.length).padStart(8)}`;
  console.log(`MLP(2, [16, 16, 1]), 337 parameters, 100 moons points, hinge + L2, one full-batch SGD step`);
  console.log(
    `first loss: core ${first.toFixed(6)}, tfjs ${tfFirst.toFixed(6)} (${agree ? 'agree' : 'DISAGREE'})`,
  );
  console.log(
    `${'engine'.padEnd(26)}${'median ms'.padStart(10)}${'min ms'.padStart(10)}${'steps'.padStart(8)}`,
  );
  console.log(row('autograd tape', tape));
  console.log(row('autograd object graph', graph));
  console.log(row('tfjs-core, cpu backend', tfjs));
  console.log(
    `tape is ${(result.tfjsCpuMs / result.tapeMs).toFixed(1)}× faster than tfjs-cpu (tensors held: ${tensorsLeft})`,
  );
  console.log(`BENCH_JSON ${JSON.stringify(result)}`);
}

await main();

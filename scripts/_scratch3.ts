import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { makeDataset } from '../kernels/datasets2d';
await tf.setBackend('cpu');
const { xs, ys } = makeDataset('moons', { n: 100, noise: 0.1, seed: 1 });
const X = tf.tensor2d(xs), Y = tf.tensor1d(ys);
const vars = [tf.variable(tf.randomUniform([2,16],-0.7,0.7)), tf.variable(tf.zeros([16])), tf.variable(tf.randomUniform([16,16],-0.25,0.25)), tf.variable(tf.zeros([16])), tf.variable(tf.randomUniform([16,1],-0.25,0.25)), tf.variable(tf.zeros([1]))];
const lossFn = () => {
  const h1 = tf.tanh(tf.add(tf.matMul(X, vars[0]), vars[1]));
  const h2 = tf.tanh(tf.add(tf.matMul(h1, vars[2]), vars[3]));
  const s = tf.reshape(tf.add(tf.matMul(h2, vars[4]), vars[5]), [-1]);
  const data = tf.mean(tf.relu(tf.sub(1, tf.mul(Y, s))));
  const reg = tf.addN(vars.map((v) => tf.sum(tf.square(v))));
  return tf.add(data, tf.mul(1e-4, reg)) as tf.Scalar;
};
const times: number[] = [];
for (let k = 0; k < 300; k++) {
  const t = performance.now();
  tf.tidy(() => {
    const { value, grads } = tf.variableGrads(lossFn);
    vars.forEach((v) => v.assign(tf.sub(v, tf.mul(0.05, grads[v.name]!))));
    value.dataSync();
  });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log('tfjs median', times[150]);

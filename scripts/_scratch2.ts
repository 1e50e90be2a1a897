import { MLP } from '../src/autograd/mlp';
import { makeDataset } from '../kernels/datasets2d';
const { xs, ys } = makeDataset('moons', { n: 100, noise: 0.1, seed: 1 });
const mlp = new MLP(2, [16, 16, 1], { seed: 3 });
mlp.step(xs, ys, { lr: 0.05 });
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const tape = (mlp as any).lossTape.tape;
console.log('size', tape.size, 'firstOp', tape.firstOp);
for (let rep = 0; rep < 3; rep++) {
  let t = performance.now();
  for (let k = 0; k < 500; k++) tape.forward();
  const f = (performance.now() - t) / 500;
  t = performance.now();
  for (let k = 0; k < 500; k++) tape.backward();
  const b = (performance.now() - t) / 500;
  t = performance.now();
  for (let k = 0; k < 500; k++) mlp.step(xs, ys, { lr: 0.0 });
  const s = (performance.now() - t) / 500;
  console.log({ f, b, s });
}

import { MLP } from '../src/autograd/mlp';
import { makeDataset } from '../kernels/datasets2d';
const { xs, ys } = makeDataset('moons', { n: 100, noise: 0.1, seed: 1 });
const mlp = new MLP(2, [16, 16, 1], { seed: 3 });
for (const engine of ['tape', 'graph'] as const) {
  const times: number[] = [];
  for (let k = 0; k < 300; k++) {
    const t = performance.now();
    const r = mlp.step(xs, ys, { lr: 0.05, engine, l2: 1e-4 });
    times.push(performance.now() - t);
    if (k % 100 === 0) console.log(engine, k, r);
  }
  times.sort((a, b) => a - b);
  console.log(engine, 'median', times[150]);
}

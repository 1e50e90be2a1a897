// kernels/nn losses: Huber and MSE against their closed forms, and each gradient against central differences.
import { describe, expect, test } from 'vitest';
import { huber, huberGrad, mse } from '../../../kernels/nn/index';

describe('Huber', () => {
  test.each([
    [0.5, 1, 0.125],
    [-1, 1, 0.5],
    [-3, 1, 2.5],
    [3, 2, 4],
    [0, 0.5, 0],
  ])('huber(%d, δ = %d) = %d: ½x² inside |x| ≤ δ, δ(|x| − ½δ) outside', (x, delta, want) => {
    expect(Math.abs(huber(x, delta) - want)).toBeLessThan(1e-15);
  });
  test('huberGrad is x clipped to [−δ, δ]', () => {
    expect([-3, -0.4, 0, 0.7, 5].map((x) => huberGrad(x, 1))).toEqual([-1, -0.4, 0, 0.7, 1]);
  });
  test.each([-2.3, -0.6, 0.2, 0.9, 4])(
    'huberGrad(%d, 1) matches central differences of huber (h = 1e-6, tol 1e-8)',
    (x) => {
      const h = 1e-6;
      const fd = (huber(x + h, 1) - huber(x - h, 1)) / (2 * h);
      expect(Math.abs(huberGrad(x, 1) - fd)).toBeLessThan(1e-8);
    },
  );
});

describe('MSE', () => {
  test('pred [1, 2, 3] vs target [0, 2, 5]: residuals 1, 0, −2, loss 5/3, gradient [2/3, 0, −4/3]', () => {
    const grad = new Float64Array(3);
    expect(Math.abs(mse([1, 2, 3], [0, 2, 5], 3, grad) - 5 / 3)).toBeLessThan(1e-15);
    [2 / 3, 0, -4 / 3].forEach((v, k) => expect(Math.abs(grad[k]! - v)).toBeLessThan(1e-15));
  });
  test('only the first n entries count; without a buffer no gradient is written', () => {
    expect(mse([1, 1, 100], [0, 0, 0], 2)).toBe(1);
  });
  test('its gradient matches central differences (h = 1e-6, tol 1e-8)', () => {
    const pred = Float64Array.from([0.3, -1.2, 2.5, 0.8]);
    const target = [1, -1, 2, 0];
    const grad = new Float64Array(4);
    mse(pred, target, 4, grad);
    const h = 1e-6;
    for (let k = 0; k < 4; k++) {
      const keep = pred[k]!;
      pred[k] = keep + h;
      const up = mse(pred, target, 4);
      pred[k] = keep - h;
      const down = mse(pred, target, 4);
      pred[k] = keep;
      expect(Math.abs(grad[k]! - (up - down) / (2 * h))).toBeLessThan(1e-8);
    }
  });
});

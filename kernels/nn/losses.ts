// Regression losses with their gradients: Huber (the DQN's TD loss) and mean squared error (the diffusion
// denoiser's ε-prediction loss). Plain numbers; the batch form writes its gradient into a caller's buffer.
//
// Example:
//   huber(3, 1)                            // 2.5: linear beyond δ
//   const loss = mse(pred, target, n, dPred); // mean of (pred − target)², dPred = 2(pred − target)/n

/** Huber loss: ½x² for |x| ≤ δ, δ·(|x| − ½δ) beyond; quadratic near 0, linear for large errors. */
export function huber(x: number, delta: number): number {
  const a = Math.abs(x);
  return a <= delta ? 0.5 * x * x : delta * (a - 0.5 * delta);
}

/** dhuber/dx: x clipped to [−δ, δ]. */
export function huberGrad(x: number, delta: number): number {
  return x > delta ? delta : x < -delta ? -delta : x;
}

/**
 * Mean squared error over the first n entries, (1/n)·Σ (pred − target)², returned; when `grad` is given its
 * first n entries become ∂loss/∂pred = 2·(pred − target)/n. No allocation; no validation (hot path).
 */
export function mse(
  pred: ArrayLike<number>,
  target: ArrayLike<number>,
  n: number,
  grad: Float64Array | null = null,
): number {
  let sum = 0;
  const scale = 2 / n;
  for (let k = 0; k < n; k++) {
    const r = pred[k]! - target[k]!;
    sum += r * r;
    if (grad) grad[k] = scale * r;
  }
  return sum / n;
}

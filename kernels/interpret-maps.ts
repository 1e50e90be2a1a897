// Attribution maps for question 16 (interpretability): attention rollout (Abnar & Zuidema 2020) and Grad-CAM
// (Selvaraju et al. 2017) from plain arrays, plus nearest-neighbour upsampling to lay a coarse map over an
// image. The caller runs the model (tfjs or typed arrays) and hands over the numbers. No DOM, no tfjs.
//
// Example: attentionRollout([[[[1, 0], [0.5, 0.5]]]]) // one layer, one head: 0.5·A + 0.5·I
//   → [[1, 0], [0.25, 0.75]]

/**
 * Attention rollout: per layer, average the heads' attention (attn[layer][head][query][key], rows sum to 1),
 * add the residual path as 0.5·A + 0.5·I, and multiply the layers up: R = Ã_L ··· Ã_1. Row q of R is how much
 * of each input token flows into position q at the top.
 */
export function attentionRollout(attn: number[][][][]): number[][] {
  if (attn.length < 1 || attn[0]!.length < 1) throw new Error('attn must hold at least one layer and head');
  const T = attn[0]![0]!.length;
  let R: number[][] = Array.from({ length: T }, (_, i) =>
    Array.from({ length: T }, (_, j) => (i === j ? 1 : 0)),
  );
  attn.forEach((heads, l) => {
    const H = heads.length;
    if (H < 1) throw new Error(`attn[${l}] has no heads`);
    const mixed = Array.from({ length: T }, (_, q) =>
      Array.from({ length: T }, (_, k) => {
        let s = 0;
        for (const h of heads) {
          const row = h[q];
          if (!row || row.length !== T || h.length !== T)
            throw new Error(`attn[${l}] must hold ${T} × ${T} matrices`);
          s += row[k]!;
        }
        return 0.5 * (s / H) + (q === k ? 0.5 : 0);
      }),
    );
    // Keep each row a distribution (it is already when the heads' rows sum to 1).
    for (const row of mixed) {
      const z = row.reduce((a, b) => a + b, 0);
      for (let k = 0; k < T; k++) row[k]! /= z;
    }
    R = mixed.map((row) =>
      Array.from({ length: T }, (_, j) => row.reduce((s, v, k) => s + v * R[k]![j]!, 0)),
    );
  });
  return R;
}

/**
 * Grad-CAM: with A the last convolution's activations and G = ∂score/∂A (both [h, w, channels], row-major,
 * channel-last), each channel's weight is αₖ = mean over positions of G[·, ·, k], and the map is
 * ReLU(Σₖ αₖ A[·, ·, k]) as h rows of w.
 */
export function gradCam(
  activations: ArrayLike<number>,
  gradients: ArrayLike<number>,
  h: number,
  w: number,
  channels: number,
): number[][] {
  const size = h * w * channels;
  if (!(h >= 1 && w >= 1 && channels >= 1) || activations.length !== size || gradients.length !== size)
    throw new Error(
      `activations and gradients must both hold h·w·channels = ${size} values, got ${activations.length} and ${gradients.length}`,
    );
  const alpha = new Array<number>(channels).fill(0);
  for (let p = 0; p < h * w; p++)
    for (let k = 0; k < channels; k++) alpha[k]! += gradients[p * channels + k]!;
  for (let k = 0; k < channels; k++) alpha[k]! /= h * w;
  return Array.from({ length: h }, (_, y) =>
    Array.from({ length: w }, (_, x) => {
      let s = 0;
      const p = (y * w + x) * channels;
      for (let k = 0; k < channels; k++) s += alpha[k]! * activations[p + k]!;
      return Math.max(0, s);
    }),
  );
}

/** Nearest-neighbour upsampling of a map to size × size (each cell repeated). */
export function upsampleNearest(map: number[][], size: number): number[][] {
  const h = map.length;
  const w = map[0]?.length ?? 0;
  if (h < 1 || w < 1) throw new Error('map must not be empty');
  return Array.from({ length: size }, (_, y) =>
    Array.from({ length: size }, (_, x) => map[Math.floor((y * h) / size)]![Math.floor((x * w) / size)]!),
  );
}

// Attention rollout and Grad-CAM (kernels/interpret-maps.ts) on hand-worked cases.
import { describe, expect, it } from 'vitest';
import { attentionRollout, gradCam, upsampleNearest } from '../../../kernels/interpret-maps';

describe('attentionRollout', () => {
  it('multiplies 0.5·Ā + 0.5·I over two layers (heads averaged), worked by hand', () => {
    // Layer 1: heads [[1,0],[1,0]] and [[1,0],[0,1]] average to [[1,0],[.5,.5]] → Ã₁ = [[1,0],[.25,.75]].
    // Layer 2: [[0,1],[0,1]] → Ã₂ = [[.5,.5],[0,1]].  R = Ã₂Ã₁ = [[.625,.375],[.25,.75]].
    const R = attentionRollout([
      [
        [
          [1, 0],
          [1, 0],
        ],
        [
          [1, 0],
          [0, 1],
        ],
      ],
      [
        [
          [0, 1],
          [0, 1],
        ],
      ],
    ]);
    const want = [
      [0.625, 0.375],
      [0.25, 0.75],
    ];
    R.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(want[i]![j]!, 12)));
  });

  it('refuses a ragged layer', () => {
    expect(() => attentionRollout([[[[1, 0]]]])).toThrow(/1 × 1|must hold/);
  });
});

describe('gradCam', () => {
  it('weights channels by their mean gradient and clips at 0, worked by hand', () => {
    // Two positions, two channels: A = (1, 2 | 3, 4); G = (1, 0 | 1, −1) → α = (1, −0.5).
    // Position 0: 1 − 1 = 0; position 1: 3 − 2 = 1.
    expect(gradCam([1, 2, 3, 4], [1, 0, 1, -1], 1, 2, 2)).toEqual([[0, 1]]);
    // α = (1, −1): both positions negative → all zero.
    expect(gradCam([1, 2, 3, 4], [1, 0, 1, -2], 1, 2, 2)).toEqual([[0, 0]]);
    expect(() => gradCam([1, 2], [1, 2], 1, 2, 2)).toThrow(/h·w·channels = 4/);
  });

  it('upsamples by repeating cells', () => {
    expect(upsampleNearest([[1, 2]], 2)).toEqual([
      [1, 2],
      [1, 2],
    ]);
  });
});

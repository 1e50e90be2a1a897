// The two-modality toy (kernels/contrastive-pairs.ts): captions are the bags of words they claim to be, the
// display matrix holds cosines, seeded runs repeat, and training with either loss takes zero-shot accuracy
// from about chance to near 100% and lights the diagonal.
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PAIRS,
  DEFAULT_PAIR_STEPS,
  DISTRACTORS,
  PairTrainer,
} from '../../../kernels/contrastive-pairs';

describe('PairTrainer', () => {
  it('captions: the class word and the distractor, nothing else', () => {
    const p = new PairTrainer(DEFAULT_PAIRS);
    const v = 4 + DISTRACTORS;
    const c = p.captions([2, 0], [1, -1]);
    expect(Array.from(c.subarray(0, v))).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 0]);
    expect(Array.from(c.subarray(v))).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
  it('the display matrix is 2·classes square, of cosines', () => {
    const p = new PairTrainer(DEFAULT_PAIRS);
    const s = p.similarity();
    expect(s.length).toBe(8);
    expect(s.every((r) => r.length === 8 && r.every((v) => Math.abs(v) <= 1 + 1e-12))).toBe(true);
  });
  for (const loss of ['clip', 'siglip'] as const)
    it(`${loss}: zero-shot accuracy from near chance to > 90% in the default run; repeats exactly`, () => {
      const run = () => {
        const p = new PairTrainer({ ...DEFAULT_PAIRS, loss });
        const before = p.zeroShot();
        const losses = Array.from({ length: DEFAULT_PAIR_STEPS }, () => p.step());
        return { p, before, losses };
      };
      const a = run();
      expect(a.before).toBeLessThan(0.5);
      expect(a.p.zeroShot()).toBeGreaterThan(0.9);
      const s = a.p.similarity();
      const diag = s.reduce((acc, r, i) => acc + r[i]!, 0) / s.length;
      const off =
        s.reduce((acc, r, i) => acc + r.reduce((q, v, j) => q + (i === j ? 0 : v), 0), 0) /
        (s.length * (s.length - 1));
      expect(diag).toBeGreaterThan(off + 0.2);
      expect(run().losses).toEqual(a.losses);
    });
  it('names a bad setting', () => {
    expect(() => new PairTrainer({ ...DEFAULT_PAIRS, temperature: 0 })).toThrow(
      'temperature must be in (0, 10], got 0',
    );
    expect(() => new PairTrainer({ ...DEFAULT_PAIRS, batch: 1 })).toThrow(
      'batch must be an integer from 2 to 512, got 1',
    );
  });
});

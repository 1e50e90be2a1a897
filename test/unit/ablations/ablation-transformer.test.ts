// The tiny transformer's ablations: each option's forward pass against a float64 reference with that
// ablation (1e-4 relative); the default options leave the model exactly as it was (bit for bit); without
// positional encoding the model cannot tell an input from its permutations (so reversal cannot be learned);
// a masked head's weights get no gradient; the family through the runner equals each arm alone (tiny runs);
// no tensor left behind.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { TinyTransformer, type TransformerConfig } from '../../../kernels/transformer/model';
import { SEPARATOR } from '../../../kernels/transformer/task';
import { transformerArmOptions, transformerFamily } from '../../../kernels/ablation-transformer';
import { runAblation, runArm } from '../../../kernels/ablation';
import { worstRelative } from '../attention-reference';
import { ablatedForward, type Ablations, type Weights } from './ablated-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: TransformerConfig = {
  vocabSize: 11,
  maxLength: 8,
  dModel: 16,
  heads: 2,
  layers: 2,
  ffMultiplier: 2,
  seed: 5,
};
const instant = () => Promise.resolve();

function logitsOf(model: TinyTransformer, tokens: number[]): number[][] {
  return tf.tidy(
    () => model.forward(tf.tensor2d([tokens], [1, tokens.length], 'int32')).logits.arraySync()[0]!,
  );
}

function weightsOf(model: TinyTransformer): Weights {
  return Object.fromEntries(
    model
      .variables()
      .map((v) => [v.name.split('/').slice(1).join('/'), v.arraySync() as number[] | number[][]]),
  );
}

describe('the transformer ablations', () => {
  const tokens = [3, 1, 4, 1, SEPARATOR, 1, 4, 1];
  const cases: [string, Partial<Ablations>][] = [
    ['full', {}],
    ['no positional encoding', { positional: false }],
    ['head 1 masked', { maskedHeads: [1] }],
    ['no residual connections', { residual: false }],
    ['all three', { positional: false, maskedHeads: [0], residual: false }],
  ];
  for (const [name, a] of cases) {
    it(`${name}: the same logits as the float64 reference (1e-4)`, () => {
      const model = new TinyTransformer({ ...config, ...a });
      const ablations: Ablations = { positional: true, residual: true, maskedHeads: [], ...a };
      const ref = ablatedForward(weightsOf(model), tokens, config, ablations);
      const logits = logitsOf(model, tokens);
      expect(worstRelative(logits, ref)).toBeLessThan(1e-4);
      model.dispose();
    });
  }

  it('changes nothing by default, and each ablation changes the logits', () => {
    const plain = new TinyTransformer(config);
    const explicit = new TinyTransformer({ ...config, positional: true, residual: true, maskedHeads: [] });
    const base = logitsOf(plain, tokens);
    expect(logitsOf(explicit, tokens)).toEqual(base); // bit for bit
    for (const [, a] of cases.slice(1)) {
      const m = new TinyTransformer({ ...config, ...a });
      expect(m.parameterCount()).toBe(plain.parameterCount());
      expect(worstRelative(logitsOf(m, tokens), base)).toBeGreaterThan(1e-2);
      m.dispose();
    }
    [plain, explicit].forEach((m) => m.dispose());
    expect(() => new TinyTransformer({ ...config, maskedHeads: [2] })).toThrow(
      'maskedHeads must list heads from 0 to 1, got 2',
    );
  });

  it('one layer without positions: permuting the question changes no answer position (so no reversal)', () => {
    const question = [3, 1, 4, 7];
    const permuted = [7, 4, 3, 1];
    const rest = [SEPARATOR, 2, 2, 2];
    const answers = (m: TinyTransformer, q: number[]) => logitsOf(m, [...q, ...rest]).slice(4);
    const bag = new TinyTransformer({ ...config, layers: 1, positional: false });
    // The same numbers up to the order of float32 sums inside attention: the first answer digit must be 7
    // for one question and 1 for the other, and one prediction cannot be right for both.
    expect(worstRelative(answers(bag, question), answers(bag, permuted))).toBeLessThan(1e-5);
    const withPositions = new TinyTransformer({ ...config, layers: 1 });
    expect(worstRelative(answers(withPositions, question), answers(withPositions, permuted))).toBeGreaterThan(
      1e-2,
    );
    // Two causal layers without positions do tell the orders apart: a first-layer state depends on how many
    // tokens precede it (the reason 'no-pos' is not a guaranteed zero in the cell).
    const deep = new TinyTransformer({ ...config, positional: false });
    expect(worstRelative(answers(deep, question), answers(deep, permuted))).toBeGreaterThan(1e-3);
    [bag, withPositions, deep].forEach((m) => m.dispose());
  });

  it("gives a masked head's query, key and value weights no gradient, and the others some", () => {
    const model = new TinyTransformer({ ...config, maskedHeads: [1] });
    const input = tf.tensor2d([tokens], [1, 8], 'int32');
    const { grads } = tf.variableGrads(() => tf.sum(tf.square(model.forward(input).logits)) as tf.Scalar);
    const wv = grads[
      model.variables().find((v) => v.name.endsWith('layer0/wv'))!.name
    ]!.arraySync() as number[][];
    const dh = config.dModel / config.heads;
    const masked = wv.flatMap((row) => row.slice(dh)).map(Math.abs);
    const kept = wv.flatMap((row) => row.slice(0, dh)).map(Math.abs);
    expect(Math.max(...masked)).toBe(0);
    expect(Math.max(...kept)).toBeGreaterThan(1e-4);
    tf.dispose([input, ...Object.values(grads)]);
    model.dispose();
  });
});

describe('the transformer family through the runner', () => {
  it('maps each change to its option', () => {
    const o = transformerArmOptions(['no-pos', 'no-head', 'no-residual'], 2, 0.01);
    expect([o.positional, o.residual, o.maskedHeads, o.seed, o.learningRate]).toEqual([
      false,
      false,
      [1],
      2,
      0.01,
    ]);
    expect(transformerArmOptions([], 2, 0.01)).not.toHaveProperty('positional');
  });

  it('gives each arm the results it gets alone (tiny runs), and leaves no tensor behind', async () => {
    const before = tf.memory().numTensors;
    const small = { length: 2, dModel: 8, heads: 2, layers: 1, batchSize: 8, evalSize: 16 };
    const family = transformerFamily(small, 16);
    const spec = {
      arms: [
        { name: 'full', changes: [] },
        { name: 'no pos', changes: ['no-pos'] },
      ],
      seeds: [1, 2],
      lrs: [0.003, 0.01],
      steps: 2,
    };
    const all = await runAblation(family, spec, { yieldFn: instant });
    const alone = await runArm(family, spec.arms[1]!, 2, spec, { yieldFn: instant });
    expect(all.arms[1]!.runs[1]).toEqual(alone);
    for (const arm of all.arms)
      for (const r of arm.runs) {
        expect(r.trials).toHaveLength(2);
        expect(r.test).toBeGreaterThanOrEqual(0);
        expect(r.test).toBeLessThanOrEqual(1);
      }
    expect(tf.memory().numTensors).toBe(before);
  });
});

// The tiny transformer (kernels/transformer) as an ablation family: the digit-reversal task, d_model 32, two
// heads, two layers, Adam on batches of 64. A seed draws the weights, the training batches, the validation
// questions (the trainer's evaluation set) and a separate test set. The changes: the positional encoding
// removed, the last head masked in every layer, the residual connections removed. The metric is the share of
// answer digits right on the test set (chance: 0.1). Uses tfjs-core on whatever backend is active.
// Without positions a causal model still tells positions apart from the second layer on (a token's first-layer
// state depends on how many tokens precede it), so 'no-pos' hobbles reversal, it does not make it impossible.
//
// Example: await TRANSFORMER_FAMILY.train({ changes: ['no-pos'], seed: 1, lr: 0.005, steps: 200, tick })
import type { AblationFamily, TrainRequest } from './ablation';
import { TransformerTrainer, type TransformerOptions } from './transformer/trainer';
import { makeBatch } from './transformer/task';
import { createRng } from '../src/runtime/rng';

export const TRANSFORMER_CHANGES = [
  { id: 'no-pos', label: 'positional encoding removed' },
  { id: 'no-head', label: 'one of the two heads masked' },
  { id: 'no-residual', label: 'residual connections removed' },
] as const;

/** The model every arm starts from (the transformer cell's sizes, three digits to keep runs short). */
export const ABLATION_TRANSFORMER = {
  task: 'reverse',
  length: 3,
  dModel: 32,
  heads: 2,
  layers: 2,
  batchSize: 64,
  evalSize: 128,
} as const;
export const TRANSFORMER_TEST_SIZE = 256;

/** The model an arm changes (sizes and set sizes; the task is always reversal). */
export type AblationTransformerModel = Omit<TransformerOptions, 'seed' | 'task'> & {
  heads: number;
  length: number;
};

/** The trainer options an arm describes at a seed and learning rate. */
export function transformerArmOptions(
  changes: readonly string[],
  seed: number,
  lr: number,
  model: AblationTransformerModel = ABLATION_TRANSFORMER,
): TransformerOptions {
  for (const c of changes)
    if (!TRANSFORMER_CHANGES.some((k) => k.id === c)) throw new Error(`unknown transformer change "${c}"`);
  const options: TransformerOptions = { ...model, task: 'reverse', seed, learningRate: lr };
  if (changes.includes('no-pos')) options.positional = false;
  if (changes.includes('no-residual')) options.residual = false;
  if (changes.includes('no-head')) options.maskedHeads = [model.heads - 1];
  return options;
}

/** The family on `model` (the cell's: ABLATION_TRANSFORMER; tests pass a smaller one). */
export function transformerFamily(
  model: AblationTransformerModel = ABLATION_TRANSFORMER,
  testSize = TRANSFORMER_TEST_SIZE,
): AblationFamily {
  return {
    id: 'transformer',
    label: `Tiny transformer (reverse ${model.length} digits)`,
    metric: 'test digit accuracy',
    changes: TRANSFORMER_CHANGES,
    defaultLr: 0.005,
    lrRange: [1e-4, 0.1],
    maxSteps: 3000,
    async train({ changes, seed, lr, steps, tick }: TrainRequest) {
      const trainer = new TransformerTrainer(transformerArmOptions(changes, seed, lr, model));
      try {
        // A test set from its own stream of the seed, apart from the trainer's batches and validation set.
        const test = makeBatch('reverse', model.length, testSize, createRng(seed * 7919 + 3));
        let validation = NaN;
        for await (const s of trainer.train({ steps, evalEvery: steps })) {
          if (s.evaluation) validation = s.evaluation.tokenAccuracy;
          if (s.step < steps) await tick();
        }
        await tick();
        return { validation, test: (await trainer.evaluateOn(test)).tokenAccuracy };
      } finally {
        trainer.dispose();
      }
    },
  };
}

export const TRANSFORMER_FAMILY = transformerFamily();

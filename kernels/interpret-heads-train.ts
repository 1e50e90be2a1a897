// The tiny transformer of question 5 trained briefly for question 16's patching panel: a TinyTransformer
// (kernels/transformer/model.ts) on the reverse task with Adam on the answer positions' cross-entropy (as
// kernels/transformer/trainer.ts does; that trainer keeps its model private), and its weights read out as
// plain float64 arrays for kernels/interpret-heads.ts. Tensors live and die inside (tf.tidy, dispose).
import * as tf from '@tensorflow/tfjs-core';
import { createRng, type Rng } from '../src/runtime/rng';
import type { BlockWeights, TransformerWeights } from './interpret-heads';
import { TinyTransformer } from './transformer/model';
import { VOCAB_SIZE, makeBatch, type Batch } from './transformer/task';

export interface HeadsTrainerOptions {
  length: number;
  dModel: number;
  heads: number;
  layers: number;
  lr: number;
  batchSize: number;
  seed: number;
}

export const HEADS_DEFAULTS: Omit<HeadsTrainerOptions, 'seed'> = {
  length: 4,
  dModel: 32,
  heads: 2,
  layers: 2,
  lr: 0.003,
  batchSize: 64,
};

const BLOCK_NAMES: Record<string, keyof BlockWeights> = {
  'ln1/gain': 'ln1Gain',
  'ln1/bias': 'ln1Bias',
  wq: 'wq',
  bq: 'bq',
  wk: 'wk',
  bk: 'bk',
  wv: 'wv',
  bv: 'bv',
  wo: 'wo',
  bo: 'bo',
  'ln2/gain': 'ln2Gain',
  'ln2/bias': 'ln2Bias',
  w1: 'w1',
  b1: 'b1',
  w2: 'w2',
  b2: 'b2',
};

/** The model's weights as float64 arrays, found by their variable names. */
export async function readWeights(model: TinyTransformer): Promise<TransformerWeights> {
  const found = new Map<string, unknown>();
  for (const v of model.variables()) {
    const name = v.name.slice(v.name.indexOf('/') + 1);
    found.set(name, await v.array());
  }
  const get = <T>(name: string): T => {
    if (!found.has(name)) throw new Error(`the transformer has no variable "${name}"`);
    return found.get(name) as T;
  };
  const blocks = Array.from({ length: model.config.layers }, (_, l) => {
    const b = {} as Record<keyof BlockWeights, unknown>;
    for (const [suffix, key] of Object.entries(BLOCK_NAMES)) b[key] = get(`layer${l}/${suffix}`);
    return b as BlockWeights;
  });
  return {
    heads: model.config.heads,
    embedding: get('embedding'),
    blocks,
    lnfGain: get('lnf/gain'),
    lnfBias: get('lnf/bias'),
    wOut: get('w_out'),
    bOut: get('b_out'),
  };
}

export class HeadsTrainer {
  readonly model: TinyTransformer;
  readonly options: HeadsTrainerOptions;
  steps = 0;
  private readonly optimizer: tf.Optimizer;
  private readonly rng: Rng;

  constructor(options: HeadsTrainerOptions) {
    this.options = { ...options };
    const { length, dModel, heads, layers, seed } = options;
    this.model = new TinyTransformer({
      vocabSize: VOCAB_SIZE,
      maxLength: 2 * length,
      dModel,
      heads,
      layers,
      ffMultiplier: 2,
      seed,
    });
    this.optimizer = tf.train.adam(options.lr, 0.9, 0.98, 1e-8);
    this.rng = createRng(seed * 7919 + 3);
  }

  private lossOf(batch: Batch): tf.Scalar {
    const { batchSize: B, length: L } = batch;
    const tokens = tf.tensor2d(batch.inputs, [B, 2 * L], 'int32');
    const { logits } = this.model.forward(tokens);
    const answer = tf.reshape(tf.slice(logits, [0, L, 0], [B, L, VOCAB_SIZE]), [B * L, VOCAB_SIZE]);
    const targets = tf.oneHot(tf.tensor1d(batch.targets, 'int32'), VOCAB_SIZE);
    return tf.neg(tf.mean(tf.sum(tf.mul(targets, tf.logSoftmax(answer)), -1))) as tf.Scalar;
  }

  /** One Adam step on a fresh batch; the loss before it. */
  async step(): Promise<number> {
    const batch = makeBatch('reverse', this.options.length, this.options.batchSize, this.rng);
    const loss = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => this.lossOf(batch), this.model.variables());
      this.optimizer.applyGradients(grads);
      return value;
    });
    this.steps++;
    const [v] = await loss.data();
    loss.dispose();
    if (!Number.isFinite(v)) throw new Error(`the loss became ${v} at step ${this.steps}`);
    return v!;
  }

  dispose(): void {
    this.model.dispose();
    this.optimizer.dispose();
  }
}

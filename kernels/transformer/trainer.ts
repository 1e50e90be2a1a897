// Trains the tiny transformer on a toy digit task, live: an async generator of snapshots (loss every step;
// sequence accuracy and every layer's and head's attention map on a probe input every `evalEvery` steps),
// time-sliced and abortable. Plain data in and out; the tensors (weights, Adam's moments) live in the
// trainer until dispose().
//
// Example:
//   const trainer = new TransformerTrainer({ task: 'reverse', length: 5, seed: 1 });
//   for await (const s of trainer.train({ steps: 600, signal })) plot(s.step, s.loss, s.evaluation);
//   (await trainer.predict([3, 1, 4, 1, 5])).output; trainer.dispose();
import * as tf from '@tensorflow/tfjs-core';
import { throwIfAborted } from '../../src/runtime/abort';
import { TimeSlicer } from '../../src/runtime/loop';
import { createRng, type Rng } from '../../src/runtime/rng';
import { TinyTransformer, type TransformerConfig } from './model';
import {
  TRANSFORMER_DEFAULTS,
  type Evaluation,
  type Prediction,
  type TrainOptions,
  type TransformerOptions,
  type TransformerSnapshot,
} from './trainer-types';
import { sinusoidalPositionalEncoding } from './positional-encoding';
import {
  VOCAB_SIZE,
  answerFor,
  checkLength,
  checkTask,
  encodeInput,
  makeBatch,
  type Batch,
  type TaskKind,
} from './task';

export * from './trainer-types';

export class TransformerTrainer {
  readonly task: TaskKind;
  readonly length: number;
  readonly config: TransformerConfig;
  readonly learningRate: number;
  readonly batchSize: number;
  private readonly model: TinyTransformer;
  private readonly optimizer: tf.Optimizer;
  private readonly rng: Rng;
  private readonly evalSet: Batch;
  private probe: number[];
  private steps = 0;
  private disposed = false;
  private busy = false;

  constructor(options: TransformerOptions) {
    this.task = checkTask(options.task);
    this.length = checkLength(options.length);
    const o = { ...TRANSFORMER_DEFAULTS, ...options };
    if (!(o.learningRate > 0 && o.learningRate <= 0.1))
      throw new Error(`learningRate must be in (0, 0.1], got ${o.learningRate}`);
    if (!Number.isInteger(o.batchSize) || o.batchSize < 1 || o.batchSize > 1024)
      throw new Error(`batchSize must be an integer from 1 to 1024, got ${o.batchSize}`);
    if (!Number.isInteger(o.evalSize) || o.evalSize < 1 || o.evalSize > 4096)
      throw new Error(`evalSize must be an integer from 1 to 4096, got ${o.evalSize}`);
    this.learningRate = o.learningRate;
    this.batchSize = o.batchSize;
    this.config = {
      vocabSize: VOCAB_SIZE,
      maxLength: 2 * this.length,
      dModel: o.dModel,
      heads: o.heads,
      layers: o.layers,
      ffMultiplier: o.ffMultiplier,
      seed: o.seed,
    };
    // The ablations join the config only when asked for, so the default config is what it always was.
    if (options.positional !== undefined) this.config.positional = options.positional;
    if (options.residual !== undefined) this.config.residual = options.residual;
    if (options.maskedHeads !== undefined) this.config.maskedHeads = options.maskedHeads.slice();
    this.model = new TinyTransformer(this.config); // validates the sizes
    this.optimizer = tf.train.adam(o.learningRate, 0.9, 0.98, 1e-8);
    // Separate streams for the training batches and the fixed evaluation set, both from the seed.
    this.rng = createRng(o.seed * 7919 + 1);
    this.evalSet = makeBatch(this.task, this.length, o.evalSize, createRng(o.seed * 7919 + 2));
    this.probe = Array.from(this.evalSet.inputs.subarray(0, this.length));
  }

  get stepCount(): number {
    return this.steps;
  }

  parameterCount(): number {
    return this.model.parameterCount();
  }

  positionalEncoding(): number[][] {
    return sinusoidalPositionalEncoding(this.config.maxLength, this.config.dModel);
  }

  /** The question whose attention maps the snapshots carry. */
  get probeInput(): number[] {
    return this.probe.slice();
  }

  setProbe(digits: readonly number[]): void {
    answerFor(this.task, digits); // validates the digits
    if (digits.length !== this.length)
      throw new Error(`the probe must have ${this.length} digits, got ${digits.length}`);
    this.probe = digits.slice();
  }

  /** Trains up to `steps` more steps; see TransformerSnapshot. Stops with an AbortError when aborted. */
  async *train(options: TrainOptions): AsyncGenerator<TransformerSnapshot> {
    const { steps, signal } = options;
    const evalEvery = options.evalEvery ?? 25;
    if (!Number.isInteger(steps) || steps < 1 || steps > 1_000_000)
      throw new Error(`steps must be an integer from 1 to 1000000, got ${steps}`);
    if (!Number.isInteger(evalEvery) || evalEvery < 1)
      throw new Error(`evalEvery must be a positive integer, got ${evalEvery}`);
    const stopAt = options.stopAtAccuracy ?? Infinity;
    this.claim();
    const started = performance.now();
    try {
      const slicer = new TimeSlicer({ signal, budgetMs: options.budgetMs ?? 10, yieldFn: options.yieldFn });
      for (let k = 1; k <= steps; k++) {
        const loss = await this.trainStep();
        if (!Number.isFinite(loss)) {
          throw new Error(
            `Training diverged at step ${this.steps}: the loss became ${loss}. ` +
              `Lower the learning rate (now ${this.learningRate}) and press Reset.`,
          );
        }
        throwIfAborted(signal);
        const due = k === steps || this.steps % evalEvery === 0;
        const evaluation = due ? await this.evaluateNow() : null;
        const probe = due ? await this.decode(this.probe) : null;
        yield { step: this.steps, loss, evaluation, probe, elapsedMs: performance.now() - started };
        if (evaluation && evaluation.sequenceAccuracy >= stopAt) return;
        await slicer.tick();
      }
    } finally {
      this.busy = false;
    }
  }

  /** Sequence and digit accuracy on the fixed evaluation set (also while training: it changes nothing). */
  async evaluate(): Promise<Evaluation> {
    this.checkAlive();
    return this.evaluateNow();
  }

  /**
   * The model's answer to one question, decoded greedily digit by digit, with its attention maps. Allowed
   * while training (between two steps' synchronous parts; it reads the weights and changes nothing).
   */
  async predict(digits: readonly number[]): Promise<Prediction> {
    answerFor(this.task, digits);
    if (digits.length !== this.length)
      throw new Error(`the input must have ${this.length} digits, got ${digits.length}`);
    this.checkAlive();
    return this.decode(digits);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.model.dispose();
    this.optimizer.dispose();
  }

  private checkAlive(): void {
    if (this.disposed) throw new Error('this trainer has been disposed; make a new one');
  }

  private claim(): void {
    this.checkAlive();
    if (this.busy) throw new Error('the trainer is already training; stop that run first');
    this.busy = true;
  }

  private async trainStep(): Promise<number> {
    const batch = makeBatch(this.task, this.length, this.batchSize, this.rng);
    const lossTensor = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(() => this.lossOf(batch), this.model.variables());
      this.optimizer.applyGradients(grads);
      return value;
    });
    this.steps++;
    const [loss] = await lossTensor.data();
    lossTensor.dispose();
    return loss!;
  }

  /** Mean cross-entropy of the answer digits under teacher forcing. */
  private lossOf(batch: Batch): tf.Scalar {
    const { batchSize: B, length: L } = batch;
    const tokens = tf.tensor2d(batch.inputs, [B, 2 * L], 'int32');
    const { logits } = this.model.forward(tokens);
    const answerLogits = tf.slice(logits, [0, L, 0], [B, L, VOCAB_SIZE]);
    const targets = tf.oneHot(tf.tensor1d(batch.targets, 'int32'), VOCAB_SIZE);
    const logProbs = tf.logSoftmax(tf.reshape(answerLogits, [B * L, VOCAB_SIZE]));
    return tf.neg(tf.mean(tf.sum(tf.mul(targets, logProbs), -1))) as tf.Scalar;
  }

  /**
   * Accuracy under teacher forcing. For exact-match sequence accuracy this equals greedy decoding: if every
   * digit is right given the right prefix, greedy decoding produces that same prefix at every step, and the
   * first wrong digit is wrong under both.
   */
  private evaluateNow(): Promise<Evaluation> {
    return this.evaluateOn(this.evalSet);
  }

  /** The same accuracies on another set of questions (e.g. a held-out test set made with makeBatch). */
  async evaluateOn(set: Batch): Promise<Evaluation> {
    this.checkAlive();
    if (set.length !== this.length)
      throw new Error(`the set must have questions of ${this.length} digits, got ${set.length}`);
    const { batchSize: N, length: L } = set;
    const predicted = tf.tidy(() => {
      const tokens = tf.tensor2d(set.inputs, [N, 2 * L], 'int32');
      const { logits } = this.model.forward(tokens);
      return tf.argMax(tf.slice(logits, [0, L, 0], [N, L, VOCAB_SIZE]), -1);
    });
    const guesses = await predicted.data();
    predicted.dispose();
    let rightSequences = 0;
    let rightDigits = 0;
    for (let n = 0; n < N; n++) {
      let all = true;
      for (let t = 0; t < L; t++) {
        const ok = guesses[n * L + t] === set.targets[n * L + t];
        rightDigits += ok ? 1 : 0;
        all &&= ok;
      }
      rightSequences += all ? 1 : 0;
    }
    return { sequenceAccuracy: rightSequences / N, tokenAccuracy: rightDigits / (N * L) };
  }

  private async decode(digits: readonly number[]): Promise<Prediction> {
    const L = this.length;
    const output: number[] = [];
    let attention: number[][][][] = [];
    for (let t = 0; t < L; t++) {
      const input = encodeInput(digits, output);
      const [next, maps] = tf.tidy(() => {
        const { logits, attention: layers } = this.model.forward(tf.tensor2d([input], [1, 2 * L], 'int32'));
        const guess = tf.argMax(tf.slice(logits, [0, L + t, 0], [1, 1, VOCAB_SIZE]), -1);
        return [guess, tf.stack(layers.map((a) => tf.squeeze(a, [0])))];
      });
      const [guess] = await next.data();
      output.push(guess!);
      if (t === L - 1) attention = (await maps.array()) as number[][][][];
      tf.dispose([next, maps]);
    }
    const expected = answerFor(this.task, digits);
    return {
      input: digits.slice(),
      output,
      expected,
      correct: output.every((d, i) => d === expected[i]),
      attention,
    };
  }
}

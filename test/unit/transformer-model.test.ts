// The tiny transformer's pieces: positional encoding against its closed form and rotation property, the
// parameter count (closed form vs the real variables vs a hand count), the forward pass against an
// independent float64 reference (1e-4 relative, float32 model), the causal mask, and the toy task data.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TinyTransformer,
  transformerParameterCount,
  type TransformerConfig,
} from '../../kernels/transformer/model';
import { sinusoidalPositionalEncoding } from '../../kernels/transformer/positional-encoding';
import { SEPARATOR, answerFor, encodeInput, makeBatch, parseDigits } from '../../kernels/transformer/task';
import { createRng } from '../../src/runtime/rng';
import { worstRelative } from './attention-reference';
import { referenceForward, type Weights } from './transformer-reference';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const config: TransformerConfig = {
  vocabSize: 11,
  maxLength: 10,
  dModel: 16,
  heads: 2,
  layers: 2,
  ffMultiplier: 2,
  seed: 4,
};

describe('sinusoidal positional encoding', () => {
  const pe = sinusoidalPositionalEncoding(50, 16);

  it('matches sin/cos of pos / 10000^(2i/d) (1e-12)', () => {
    expect(pe[0]).toEqual(Array.from({ length: 16 }, (_, i) => (i % 2 ? 1 : 0)));
    expect(pe[7]![0]).toBeCloseTo(Math.sin(7), 12);
    expect(pe[7]![1]).toBeCloseTo(Math.cos(7), 12);
    expect(pe[33]![10]).toBeCloseTo(Math.sin(33 / Math.pow(10000, 10 / 16)), 12);
    expect(pe[33]![15]).toBeCloseTo(Math.cos(33 / Math.pow(10000, 14 / 16)), 12);
  });

  it('makes PE(pos + k) a fixed rotation of PE(pos), the same for every pos (1e-9)', () => {
    const k = 5;
    for (const pos of [0, 3, 20, 44]) {
      for (let i = 0; i < 8; i++) {
        const w = 1 / Math.pow(10000, (2 * i) / 16);
        const [s, c] = [pe[pos]![2 * i]!, pe[pos]![2 * i + 1]!];
        // [sin(a + b), cos(a + b)] = rotation by b of [sin a, cos a]
        expect(pe[pos + k]![2 * i]).toBeCloseTo(s * Math.cos(k * w) + c * Math.sin(k * w), 9);
        expect(pe[pos + k]![2 * i + 1]).toBeCloseTo(c * Math.cos(k * w) - s * Math.sin(k * w), 9);
      }
    }
  });

  it('checks its sizes', () => {
    expect(() => sinusoidalPositionalEncoding(0, 16)).toThrow(
      'length must be an integer from 1 to 4096, got 0',
    );
    expect(() => sinusoidalPositionalEncoding(4, 7)).toThrow(
      'dModel must be an even integer from 2 to 4096, got 7',
    );
  });
});

describe('TinyTransformer', () => {
  const model = new TinyTransformer(config);
  afterAll(() => model.dispose());

  it('counts its parameters as the closed form says, and as counted by hand for the demo model', () => {
    expect(model.parameterCount()).toBe(transformerParameterCount(config).total);
    const demo = { ...config, dModel: 32, ffMultiplier: 2, layers: 2 };
    const other = new TinyTransformer(demo);
    // embedding 11·32 = 352; per layer: 4·32·32 + 4·32 (attention) + 32·64 + 64 + 64·32 + 32 (FFN) + 4·32 (norms)
    // = 8544; read-out: 2·32 (norm) + 32·11 + 11 = 427.
    expect(other.parameterCount()).toBe(352 + 2 * 8544 + 427);
    expect(transformerParameterCount(demo)).toEqual({
      embedding: 352,
      perLayer: 8544,
      readout: 427,
      total: 17_867,
    });
    other.dispose();
  });

  it('computes the same logits and attention as a float64 reference built from its weights (1e-4)', () => {
    const weights: Weights = Object.fromEntries(
      model
        .variables()
        .map((v) => [v.name.split('/').slice(1).join('/'), v.arraySync() as number[] | number[][]]),
    );
    const tokens = [3, 1, 4, 1, 5, SEPARATOR, 5, 1, 4, 1];
    const ref = referenceForward(weights, tokens, config);
    const { logits, attention } = tf.tidy(() => {
      const out = model.forward(tf.tensor2d([tokens], [1, 10], 'int32'));
      return { logits: out.logits.arraySync()[0]!, attention: out.attention.map((a) => a.arraySync()[0]!) };
    });
    expect(worstRelative(logits, ref.logits)).toBeLessThan(1e-4);
    attention.forEach((layer, l) =>
      layer.forEach((w, h) => expect(worstRelative(w, ref.attention[l]![h]!)).toBeLessThan(1e-5)),
    );
    expect(Math.max(...logits.flat().map(Math.abs))).toBeGreaterThan(0.1); // not trivially zero
  });

  it('is causal: changing later tokens leaves earlier positions exactly unchanged; future weights are 0', () => {
    const a = [3, 1, 4, 1, 5, SEPARATOR, 5, 1, 4, 1];
    const b = [3, 1, 4, 1, 5, SEPARATOR, 9, 9, 9, 9];
    const [la, lb, att] = tf.tidy(() => {
      const ra = model.forward(tf.tensor2d([a], [1, 10], 'int32'));
      const rb = model.forward(tf.tensor2d([b], [1, 10], 'int32'));
      return [ra.logits.arraySync()[0]!, rb.logits.arraySync()[0]!, ra.attention[1]!.arraySync()[0]!];
    });
    expect(lb.slice(0, 6)).toEqual(la.slice(0, 6));
    expect(lb[6]).not.toEqual(la[6]);
    for (const head of att)
      head.forEach((row, i) => {
        row.forEach((w, j) => (j > i ? expect(w).toBe(0) : expect(w).toBeGreaterThan(0)));
        expect(Math.abs(row.reduce((s, w) => s + w, 0) - 1)).toBeLessThan(1e-6);
      });
  });

  it('builds the same weights from the same seed, and rejects bad sizes by name', () => {
    const again = new TinyTransformer(config);
    expect(again.variables()[3]!.arraySync()).toEqual(model.variables()[3]!.arraySync());
    again.dispose();
    expect(() => new TinyTransformer({ ...config, heads: 3 })).toThrow(
      'dModel (16) must be divisible by heads (3)',
    );
    expect(() => new TinyTransformer({ ...config, layers: 0 })).toThrow(
      'layers must be an integer from 1 to 8, got 0',
    );
    expect(() => new TinyTransformer({ ...config, dModel: 15 })).toThrow('dModel must be even, got 15');
  });

  it('gives back every tensor on dispose', () => {
    const before = tf.memory().numTensors;
    const m = new TinyTransformer(config);
    tf.tidy(() => {
      m.forward(tf.tensor2d([[1, 2, 3]], [1, 3], 'int32')); // results freed by tidy
    });
    m.dispose();
    expect(tf.memory().numTensors).toBe(before);
    expect(() => m.forward(tf.tensor2d([[1]], [1, 1], 'int32'))).toThrow('disposed');
  });
});

describe('the digit tasks', () => {
  it('reverses and sorts', () => {
    expect(answerFor('reverse', [3, 1, 4, 1, 5])).toEqual([5, 1, 4, 1, 3]);
    expect(answerFor('sort', [3, 1, 4, 1, 5])).toEqual([1, 1, 3, 4, 5]);
    expect(() => answerFor('reverse', [3, 12])).toThrow('digits must be integers 0–9, got 12');
  });

  it('lays out a batch as [digits, SEP, answer without its last digit] with the answer as targets', () => {
    const batch = makeBatch('reverse', 4, 3, createRng(2));
    for (let b = 0; b < 3; b++) {
      const row = Array.from(batch.inputs.subarray(b * 8, b * 8 + 8));
      const digits = row.slice(0, 4);
      const answer = digits.slice().reverse();
      expect(row).toEqual([...digits, SEPARATOR, ...answer.slice(0, 3)]);
      expect(Array.from(batch.targets.subarray(b * 4, b * 4 + 4))).toEqual(answer);
    }
    expect(makeBatch('sort', 4, 3, createRng(2))).toEqual(makeBatch('sort', 4, 3, createRng(2)));
    expect(encodeInput([1, 2, 3], [3])).toEqual([1, 2, 3, SEPARATOR, 3, 0]);
    expect(() => makeBatch('reverse', 9, 3, createRng(1))).toThrow(
      'sequence length must be an integer from 2 to 8, got 9',
    );
    expect(() => makeBatch('copy' as never, 4, 3, createRng(1))).toThrow(
      'task must be one of reverse, sort, got "copy"',
    );
  });

  it('reads typed test inputs and says what is wrong', () => {
    expect(parseDigits('3 1,4 1 5', 5)).toEqual({ digits: [3, 1, 4, 1, 5] });
    expect(parseDigits('3141', 5)).toEqual({ error: 'The model was built for 5 digits; "3141" has 4.' });
    expect(parseDigits('31a15', 5)).toEqual({
      error: 'Only the digits 0–9 are allowed (spaces and commas are ignored); got "31a15".',
    });
    expect(parseDigits('', 3)).toEqual({ error: 'Type 3 digits, e.g. 314.' });
  });
});

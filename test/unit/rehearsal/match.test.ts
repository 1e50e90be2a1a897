// Key-point matching (issue 14): normalization cases worked by hand, then hand-written answers to shipped
// questions, checked against the points a reader ticks by hand (a covered point ticked, a missing one not,
// a paraphrase from the phrasings ticked).
import { describe, expect, it } from 'vitest';
import { compileNotebookDir } from '../../../src/notebook/content-plugin';
import { matchKeyPoints, normalizeText, stemWord } from '../../../src/rehearsal/match';
import type { KeyPoint } from '../../../src/rehearsal/contract';

describe('normalizeText', () => {
  it('lower-cases, turns hyphens and punctuation into spaces and stems plurals, -ing and -ed', () => {
    expect(normalizeText('Reverse-mode AD: the Chain-Rule, applied backwards!')).toBe(
      'revers mod ad the chain rul appli backward',
    );
    expect(['saturates', 'saturated', 'saturating', 'saturate'].map(stemWord)).toEqual(
      Array(4).fill('saturat'),
    );
    expect(['batches', 'queries', 'losses', 'bias', 'biases', 'relus', 'gpus'].map(stemWord)).toEqual([
      'batch',
      'query',
      'loss',
      'bias',
      'bias',
      'relu',
      'gpu',
    ]);
    expect(normalizeText("Sigmoid's  derivative\n—\tat most 1/4")).toBe('sigmoid derivativ at most 1 4');
    expect(normalizeText(' ... ')).toBe('');
  });
});

describe('matchKeyPoints', () => {
  const points: KeyPoint[] = [
    { id: 'kp1', text: 'Rotary embeddings.', phrases: ['rope', 'rotary'] },
    { id: 'kp2', text: 'Gated units.', phrases: ['gru', 'forget gate'] },
    { id: 'kp3', text: 'Reverse mode.', phrases: ['reverse mode', 'vector jacobian product'] },
  ];

  it('matches whole words only, after normalization on both sides', () => {
    expect(matchKeyPoints('In Europe we hold a grudge', points)).toEqual([]);
    expect(matchKeyPoints('RoPE, i.e. rotary position', points)).toEqual(['kp1']);
    expect(matchKeyPoints('Reverse-mode autodiff computes vector–Jacobian products', points)).toEqual([
      'kp3',
    ]);
    expect(matchKeyPoints('The forget-gates of a GRU.', points)).toEqual(['kp2']);
    expect(matchKeyPoints('', points)).toEqual([]);
  });
});

describe('hand-written answers to shipped questions', () => {
  const byId = new Map(compileNotebookDir('notebooks').map((q) => [q.id, q.keyPoints]));
  const points = (id: string): KeyPoint[] => byId.get(id)!;

  it('vanishing gradients: ticks what the answer says, not what it leaves out', () => {
    const typed =
      'The gradient at an early layer is a product of Jacobians, so it shrinks exponentially with depth. ' +
      "Sigmoids saturate: the sigmoid's derivative is at most a quarter. ReLUs fix the activation part, " +
      'He init (Kaiming) fixes the weight scale, and skip-connections give an identity path.';
    // kp1 product/exponential, kp2 sigmoid, kp3 relu, kp4 he/kaiming, kp6 skip connection; no normalization
    // (kp5), no LSTM (kp7), no clipping or exploding (kp8).
    expect(matchKeyPoints(typed, points('vanishing-gradients'))).toEqual(['kp1', 'kp2', 'kp3', 'kp4', 'kp6']);
  });

  it('backprop: a paraphrase from the phrasings ("computation graph", "VJP") is ticked', () => {
    const typed =
      'You build a computation graph, run the forward pass and then walk it in reverse order, multiplying ' +
      'each upstream gradient by the local one; every op is a VJP. Reverse-mode is cheap: about 2x the forward.';
    // kp1 "computation graph", kp3 "in reverse order", kp5 "vjp", kp6 "reverse mode" and "2x the forward";
    // nothing on caching (kp2), sums over consumers (kp4) or checkpointing (kp7).
    expect(matchKeyPoints(typed, points('backprop'))).toEqual(['kp1', 'kp3', 'kp5', 'kp6']);
  });

  it('attention and DQN: masks, heads and the cost; replay and the overestimation bias', () => {
    const attention =
      'Attention is a weighted sum of the values, with weights from a softmax of query–key scores, scaled ' +
      'by sqrt d_k. A causal mask adds minus infinity. Cost is quadratic in sequence length.';
    expect(matchKeyPoints(attention, points('attention'))).toEqual(['kp1', 'kp3', 'kp4', 'kp8']);
    const dqn =
      'DQN regresses Q toward the TD target with a replay buffer and a frozen target network. ' +
      'The max causes overestimation, which Double DQN reduces. It only handles discrete actions.';
    expect(matchKeyPoints(dqn, points('dqn'))).toEqual(['kp2', 'kp4', 'kp5', 'kp9']);
  });
});

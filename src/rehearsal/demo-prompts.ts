// "Explain with the demo" prompts (issue 14): for each question whose demo has a settings table, one to three
// named states, each a link query over that demo's real setting keys (src/demos/<demo>/settings.ts) and a
// request to explain what the demo then shows. The tests check every key and value against the tables.
//
// Example: demoPromptsFor('vanishing-gradients')[0].query → 'a.depth=30&a.activation=sigmoid&…'
import type { DemoPrompt } from './contract.ts';

type Values = Record<string, string | number | boolean>;

function prompt(questionId: string, name: string, text: string, values: Values): DemoPrompt {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) params.set(k, String(v));
  return { id: `${questionId}/${name}`, questionId, prompt: text, query: params.toString() };
}

export const DEMO_PROMPTS: readonly DemoPrompt[] = [
  prompt(
    'backprop',
    'shared-variable',
    'x feeds two operations in x·y + x: explain why its gradient is the sum of two paths, and check it by hand.',
    { expr: 'x*y + x', at: 'x=2,y=3' },
  ),
  prompt(
    'backprop',
    'relu-spiral',
    'A two-layer ReLU MLP trained on the spiral: explain the loss curve and the shape of the decision boundary.',
    { data: 'spiral', act: 'relu', sizes: '32, 32', lr: 0.1, steps: 2000 },
  ),
  prompt(
    'vanishing-gradients',
    'deep-sigmoid',
    'A deep sigmoid net without normalization (A) beside a ReLU net with He init (B): explain the per-layer gradient norms.',
    {
      'a.depth': 30,
      'a.activation': 'sigmoid',
      'a.init': 'xavier',
      'a.norm': 'none',
      'a.residual': false,
      'b.depth': 30,
      'b.activation': 'relu',
      'b.init': 'he',
      'b.norm': 'none',
      'b.residual': false,
    },
  ),
  prompt(
    'vanishing-gradients',
    'residual-rescue',
    'The same 40-layer sigmoid net without (A) and with (B) residual connections: explain what the identity path changes.',
    {
      'a.depth': 40,
      'a.activation': 'sigmoid',
      'a.residual': false,
      'b.depth': 40,
      'b.activation': 'sigmoid',
      'b.init': 'xavier',
      'b.residual': true,
    },
  ),
  prompt(
    'vanishing-gradients',
    'exploding-naive',
    'ReLU with naive N(0,1) initialization and global-norm clipping on: explain why the gradients explode and what clipping does to training.',
    {
      'a.activation': 'relu',
      'a.init': 'naive',
      'b.activation': 'relu',
      'b.init': 'he',
      clipOn: true,
      clip: 1,
    },
  ),
  prompt(
    'attention',
    'no-scale',
    'Attention without the ÷√d_k scale: explain why the weights are so peaked and what that does to the gradients.',
    { scale: false },
  ),
  prompt(
    'attention',
    'causal',
    'The causal mask on: explain the triangle of zeros and where the mask enters the computation.',
    { causal: true },
  ),
  prompt(
    'attention',
    'cold-softmax',
    'A temperature of 0.1 with four heads: explain what a low temperature does and why the heads differ.',
    { temperature: 0.1, heads: 4 },
  ),
  prompt(
    'normalization',
    'tiny-batch-bn',
    'Batch norm with a batch of 2: explain why its statistics are so noisy and how training suffers.',
    { norm: 'batch', bnMode: 'train', batch: 2 },
  ),
  prompt(
    'normalization',
    'tiny-batch-ln',
    'Layer norm on the same batch of 2: explain which axis it averages over and why the batch size no longer matters.',
    { norm: 'layer', batch: 2 },
  ),
  prompt(
    'normalization',
    'bn-eval',
    'Batch norm in eval mode: explain where its statistics come from and why training and inference differ.',
    { norm: 'batch', bnMode: 'eval' },
  ),
  prompt(
    'transformer',
    'sort-one-head',
    'A one-layer, one-head transformer learning to sort digits: explain what its attention map shows.',
    { task: 'sort', layers: 1, heads: 1 },
  ),
  prompt(
    'transformer',
    'reverse-deeper',
    'Reversing six digits with two layers and two heads: explain the positional pattern in the attention maps.',
    { task: 'reverse', digits: 6, layers: 2, heads: 2 },
  ),
  prompt(
    'dqn',
    'vanilla',
    'Vanilla DQN (no Double, no dueling, no prioritized replay) trained for 500 episodes: explain why its Q-values over-estimate the returns.',
    { double: false, dueling: false, per: false, episodes: 500 },
  ),
  prompt(
    'dqn',
    'full-agent',
    'Double DQN with a dueling head, prioritized replay and a hard target copy: explain what each part fixes.',
    { double: true, dueling: true, per: true, target: 'hard' },
  ),
  prompt(
    'dqn',
    'greedy-grid',
    'Tabular Q-learning with no exploration and a discount of 0.5: explain the values it writes and the path it takes.',
    { epsilon: 0, gamma: 0.5 },
  ),
  prompt(
    'vit',
    'big-patches',
    'Patches of 8 pixels: explain the number of tokens, the attention cost and what the model can no longer see.',
    { patch: 8 },
  ),
  prompt(
    'vit',
    'small-data',
    'Only 256 training images, with the small CNN beside the ViT: explain which wins and why (inductive bias).',
    { trainSize: 256, withCnn: true },
  ),
  prompt(
    'vit',
    'sinusoidal-where',
    'Sinusoidal position embeddings on the "where" task: explain why positions matter here and how they are encoded.',
    { positions: 'sinusoidal', task: 'where' },
  ),
  prompt(
    'diffusion',
    'cosine-late',
    'The cosine schedule at t = 900: explain how much of the data is left and how it compares with the linear schedule.',
    { schedule: 'cosine', t: 900 },
  ),
  prompt(
    'diffusion',
    'ddim-20',
    'DDIM with 20 sampling steps: explain why a deterministic sampler can skip steps with the same trained network.',
    { sampler: 'ddim', sampleSteps: 20 },
  ),
  prompt(
    'diffusion',
    'ddpm-20',
    'DDPM ancestral sampling cut to 20 steps: explain what goes wrong compared with DDIM at the same budget.',
    { sampler: 'ddpm', sampleSteps: 20 },
  ),
  prompt(
    'contrastive',
    'hot-temperature',
    'NT-Xent with a temperature of 1.5: explain what a high temperature does to hard negatives and to the embedding.',
    { objective: 'ntxent', temperature: 1.5 },
  ),
  prompt(
    'contrastive',
    'no-negatives',
    'The alignment loss alone, with no negatives: explain the collapse and what uniformity measures.',
    { objective: 'align' },
  ),
  prompt(
    'contrastive',
    'siglip',
    'SigLIP with bias −10 on the image–text pairs: explain the per-pair sigmoid loss and what the bias is for.',
    { pairLoss: 'siglip', bias: -10 },
  ),
];

/** The prompts for one question, in order (empty when its demo has none). */
export function demoPromptsFor(questionId: string): DemoPrompt[] {
  return DEMO_PROMPTS.filter((p) => p.questionId === questionId);
}

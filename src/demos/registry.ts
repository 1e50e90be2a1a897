// Demo id → lazy loader and summary. Loading the module registers its custom element `viva-demo-<id>`.
// main.ts hands this list to the page (src/ui/demo-catalog.ts).
//
// A demo's code (and the heavy libraries it pulls in: mathjs, Plotly, tfjs) loads only when the user asks
// for it (Open, Run or Shift+Enter), so the first paint stays within its budget; until then the cell shows
// the demo's summary.

import { registerDemo, type DemoEntry } from '../ui/demo-catalog';

export const DEMOS: readonly (readonly [string, DemoEntry])[] = [
  [
    'backprop',
    {
      load: () => import('./backprop/backprop-demo'),
      summary:
        'Type an expression, step its forward and backward passes node by node, check every gradient three ways, then train an MLP built on the same autograd core.',
    },
  ],
  [
    'attention',
    {
      load: () => import('./attention/attention-demo'),
      summary:
        'Type a sentence, drag a query and watch the attention weights move live; toggle the √d_k scale, the causal mask and the temperature, compare heads, and see why unscaled softmax saturates as d_k grows.',
    },
  ],
  [
    'transformer',
    {
      load: () => import('./transformer/transformer-demo'),
      summary:
        'Train a tiny transformer live in the browser to reverse or sort digits: loss and accuracy curves, every attention head as it learns, the positional encoding, and a box to test the model.',
    },
  ],
  [
    'dqn',
    {
      load: () => import('./dqn/dqn-demo'),
      summary:
        'Edit a grid world and watch tabular Q-learning write out each Bellman update, then train a DQN on CartPole live with Double DQN, dueling heads and prioritized replay, and see vanilla DQN over-estimate.',
    },
  ],
  [
    'vit',
    {
      load: () => import('./vit/vit-demo'),
      summary:
        'Cut an image into patch tokens, compare sinusoidal and learned position embeddings, train a tiny Vision Transformer live on generated shapes with its attention rollout, and measure it against a small CNN as the training set grows.',
    },
  ],
  [
    'diffusion',
    {
      load: () => import('./diffusion/diffusion-demo'),
      summary:
        'Slide a swiss roll from clean data to pure noise (linear vs cosine schedule), train a noise-predicting MLP live, and watch DDPM or DDIM sampling turn noise back into data, scored against held-out data.',
    },
  ],
  [
    'contrastive',
    {
      load: () => import('./contrastive/contrastive-demo'),
      summary:
        'Train an encoder live on augmented pairs of 2-D points with NT-Xent or InfoNCE and watch the classes it never saw spread into arcs on the unit circle; set the temperature and batch, plot alignment against uniformity, compare a linear probe with a supervised baseline, and watch the loss without negatives collapse while SimSiam does not.',
    },
  ],
  [
    'vanishing-gradients',
    {
      load: () => import('./vanishing/vanishing-demo'),
      summary:
        'Set depth, activation, init, residual connections and normalization for two networks and watch every layer’s gradient norm on a log axis, then train both side by side with optional gradient clipping.',
    },
  ],
  [
    'normalization',
    {
      load: () => import('./normalization/normalization-demo'),
      summary:
        'Edit a batch of activations and see which slice batch norm and layer norm average over, watch batch statistics get noisy as the batch shrinks, and train no norm, BN and LN side by side.',
    },
  ],
  [
    'interpretability',
    {
      load: () => import('./interpretability/interpretability-demo'),
      summary:
        'Explain a small MLP on tabular data whose true effects are known by construction with gradients, SmoothGrad, integrated gradients, exact SHAP, LIME and permutation importance, each scored against the truth, a small CNN on generated shapes with saliency, Grad-CAM and the weight-randomisation sanity check, and the tiny transformer patched head by head against its attention.',
    },
  ],
];

/** Hands every demo to the page (main.ts calls this before the app is drawn). */
export function registerAllDemos(): void {
  for (const [id, entry] of DEMOS) registerDemo(id, entry);
}

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
      runs: 'Run walks the forward and backward pass of your expression node by node, then trains the MLP on the chosen data set.',
      summary:
        'Type an expression, step its forward and backward passes node by node, check every gradient three ways, then train an MLP built on the same autograd core.',
    },
  ],
  [
    'attention',
    {
      load: () => import('./attention/attention-demo'),
      runs: 'Run checks the attention weights on the compute backend against a float64 reference, then measures softmax saturation as d_k grows.',
      summary:
        'Type a sentence, drag a query and watch the attention weights move live; toggle the √d_k scale, the causal mask and the temperature, compare heads, and see why unscaled softmax saturates as d_k grows.',
    },
  ],
  [
    'transformer',
    {
      load: () => import('./transformer/transformer-demo'),
      runs: 'Run trains the tiny transformer from scratch on the chosen task; the test box then uses the trained model.',
      summary:
        'Train a tiny transformer live in the browser to reverse or sort digits: loss and accuracy curves, every attention head as it learns, the positional encoding, and a box to test the model.',
    },
  ],
  [
    'dqn',
    {
      load: () => import('./dqn/dqn-demo'),
      runs: 'Run trains tabular Q-learning on the grid as drawn, then a fresh DQN agent on CartPole.',
      summary:
        'Edit a grid world and watch tabular Q-learning write out each Bellman update, then train a DQN on CartPole live with Double DQN, dueling heads and prioritized replay, and see vanilla DQN over-estimate.',
    },
  ],
  [
    'vit',
    {
      load: () => import('./vit/vit-demo'),
      runs: 'Run trains the Vision Transformer and the small CNN from scratch on the generated shapes.',
      summary:
        'Cut an image into patch tokens, compare sinusoidal and learned position embeddings, train a tiny Vision Transformer live on generated shapes with its attention rollout, and measure it against a small CNN as the training set grows.',
    },
  ],
  [
    'diffusion',
    {
      load: () => import('./diffusion/diffusion-demo'),
      runs: 'Run samples from an untrained network, trains the noise predictor from scratch, then samples again and scores both.',
      summary:
        'Slide a swiss roll from clean data to pure noise (linear vs cosine schedule), train a noise-predicting MLP live, and watch DDPM or DDIM sampling turn noise back into data, scored against held-out data.',
    },
  ],
  [
    'contrastive',
    {
      load: () => import('./contrastive/contrastive-demo'),
      runs: 'Run trains the encoder from scratch with the chosen loss, then scores it with a linear probe.',
      summary:
        'Train an encoder live on augmented pairs of 2-D points with NT-Xent or InfoNCE and watch the classes it never saw spread into arcs on the unit circle; set the temperature and batch, plot alignment against uniformity, compare a linear probe with a supervised baseline, and watch the loss without negatives collapse while SimSiam does not.',
    },
  ],
  [
    'vanishing-gradients',
    {
      load: () => import('./vanishing/vanishing-demo'),
      runs: 'Run trains networks A and B side by side from the same seed and plots their gradient norms.',
      summary:
        'Set depth, activation, init, residual connections and normalization for two networks and watch every layer’s gradient norm on a log axis, then train both side by side with optional gradient clipping.',
    },
  ],
  [
    'normalization',
    {
      load: () => import('./normalization/normalization-demo'),
      runs: 'Run trains the same MLP with no norm, batch norm and layer norm at the chosen batch size.',
      summary:
        'Edit a batch of activations and see which slice batch norm and layer norm average over, watch batch statistics get noisy as the batch shrinks, and train no norm, BN and LN side by side.',
    },
  ],
  [
    'gnn',
    {
      load: () => import('./gnn/gnn-demo'),
      runs: 'Run trains the chosen GNN from scratch on the karate club (as edited) from the labelled members.',
      summary:
        'Step one message-passing layer node by node, train a GCN, GAT or GraphSAGE live on Zachary’s karate club from two labelled members (edit the friendships and retrain), measure how node states blur as depth grows, and see two graphs 1-WL cannot tell apart get the same GNN readout.',
    },
  ],
  [
    'ablations',
    {
      load: () => import('./ablations/ablations-demo'),
      runs: 'Run trains every arm at every seed (and learning rate, with a tuning budget) in a worker, then compares each arm with the full model.',
      summary:
        'Ablate the backprop MLP or the tiny transformer (a hidden layer, the activation, L2, positional encoding, a head, residual connections) over paired seeds with an equal tuning budget, in a worker: mean ± 95% CI per arm, the per-seed differences and their correlation, and the conclusion the numbers support.',
    },
  ],
  [
    'fair-evaluation',
    {
      load: () => import('./fair-evaluation/fair-evaluation-demo'),
      runs: 'Run trains both networks at every seed in a worker and scores them example by example on one test set.',
      summary:
        'Train two small networks on one data set and compare them the way a paper should: bootstrap intervals, a paired permutation test and McNemar on the same test examples, the seeds on which the ranking flips, how the interval narrows with test-set size, and what an unequal tuning budget does to the gap.',
    },
  ],
  [
    'research-hypothesis',
    {
      load: () => import('./research-hypothesis/research-hypothesis-demo'),
      runs: 'Run checks the whole hypothesis at once and lists what is still open; the critique also updates as you type.',
      summary:
        'Write a research hypothesis field by field (the gap, one measurable claim, baselines, controls, budget, and the result that would change your mind) with a critique as you type, see how many runs per arm a t-test needs to detect the claimed effect, and export it as Markdown.',
    },
  ],
  [
    'challenges',
    {
      load: () => import('./challenges/challenges-demo'),
      runs: 'Run computes the four experiments in turn in a worker, each from fresh seeded models.',
      summary:
        'Four open problems, each a small live experiment: accuracy as the test set rotates away from the training data, FGSM against random noise of the same size, a shortcut feature that makes training accuracy lie, and test accuracy against parameter count.',
    },
  ],
  [
    'reproducibility',
    {
      load: () => import('./reproducibility/reproducibility-demo'),
      runs: 'Run trains the small model on the CPU backend in a worker and records its run card, ready to replay.',
      summary:
        'Train a small model on the CPU backend and get a run card; replay the card bit for bit with a ✓/✗ per metric, sum one array in five orders for five float32 answers, compare the same model on the GPU and the CPU, and export a reproducibility checklist.',
    },
  ],
  [
    'interpretability',
    {
      load: () => import('./interpretability/interpretability-demo'),
      runs: 'Run trains the tabular MLP from scratch and scores every method against the true effects; the image and transformer panels have their own Train buttons.',
      summary:
        'Explain a small MLP on tabular data whose true effects are known by construction with gradients, SmoothGrad, integrated gradients, exact SHAP, LIME and permutation importance, each scored against the truth, a small CNN on generated shapes with saliency, Grad-CAM and the weight-randomization sanity check, and the tiny transformer patched head by head against its attention.',
    },
  ],
];

/** Hands every demo to the page (main.ts calls this before the app is drawn). */
export function registerAllDemos(): void {
  for (const [id, entry] of DEMOS) registerDemo(id, entry);
}

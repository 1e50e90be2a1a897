// The attention cell's settings table: the sentence, the heads, the projection seed (these build new Q, K, V,
// dropping edits) and the √d_k scale, the causal mask and the temperature (these recompute the weights at
// once). The dragged query and edited entries are live state, not settings. No DOM.
import { MAX_TOKENS, tokenize } from '../../../kernels/attention-tokens';
import { defineSettings, seedSetting, type SettingValues } from '../../ui/kit/settings';
import { D_MODEL, DEFAULT_SENTENCE, HEAD_CHOICES } from './attention-state';

/** Longest sentence the box takes (MAX_TOKENS words of MAX_TOKEN_CHARS letters, and spaces). */
export const SENTENCE_MAX_CHARS = 300;

export const ATTENTION_SETTINGS = defineSettings([
  {
    key: 'sentence',
    kind: 'text',
    label: `Sentence (up to ${MAX_TOKENS} tokens)`,
    default: DEFAULT_SENTENCE,
    maxLength: SENTENCE_MAX_CHARS,
    check: (text) => {
      const t = tokenize(text);
      return 'error' in t ? t.error : null;
    },
    apply: 'rebuild',
    group: 'sentence',
  },
  {
    key: 'heads',
    kind: 'choice',
    label: `Heads (d_model = ${D_MODEL})`,
    options: HEAD_CHOICES.map((n) => ({ value: String(n), label: `${n} (d_k = ${D_MODEL / n})` })),
    default: '2',
    apply: 'rebuild',
    group: 'attention',
  },
  {
    key: 'temperature',
    kind: 'number',
    label: 'Temperature',
    min: 0.05,
    max: 5,
    step: 0.05,
    default: 1,
    help: 'Logits are divided by it: above 1 flattens each row, below 1 sharpens it.',
    apply: 'live',
    group: 'attention',
  },
  {
    ...seedSetting(3),
    label: 'Seed (projections)',
    help: 'Draws W_Q, W_K and W_V (and the saturation samples): the same seed gives the same Q, K, V.',
    group: 'attention',
  },
  {
    key: 'scale',
    kind: 'toggle',
    label: '÷ √d_k',
    help: 'Divide the logits QKᵀ by √d_k (keeps them at unit variance).',
    default: true,
    apply: 'live',
    group: 'attention',
  },
  {
    key: 'causal',
    kind: 'toggle',
    label: 'Causal mask',
    help: 'Each token attends only to itself and the tokens before it.',
    default: false,
    apply: 'live',
    group: 'attention',
  },
]);

export type AttentionValues = SettingValues<typeof ATTENTION_SETTINGS>;

/** Keys whose change builds new Q, K and V (dropping edits and the dragged query). */
export const REBUILD_KEYS: readonly string[] = ATTENTION_SETTINGS.filter((s) => s.apply === 'rebuild').map(
  (s) => s.key,
);

/** The head count as a number (the table keeps it as a choice). */
export const headCount = (v: AttentionValues): number => Number(v.heads);

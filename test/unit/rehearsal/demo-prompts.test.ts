// "Explain with the demo" prompts (issue 14): every query names only real setting keys of its question's
// demo, with values that demo's settings table takes exactly as given (the kit's own link reader, no notes),
// and each sets a state that differs from the defaults. The tables are imported here only.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATTENTION_SETTINGS } from '../../../src/demos/attention/settings';
import { BACKPROP_SETTINGS } from '../../../src/demos/backprop/settings';
import { CONTRASTIVE_SETTINGS } from '../../../src/demos/contrastive/settings';
import { DIFFUSION_SETTINGS } from '../../../src/demos/diffusion/settings';
import { DQN_TABLE } from '../../../src/demos/dqn/settings';
import { NORMALIZATION_SETTINGS } from '../../../src/demos/normalization/settings';
import { TRANSFORMER_SETTINGS } from '../../../src/demos/transformer/settings';
import { VANISHING_SETTINGS } from '../../../src/demos/vanishing/settings';
import { VIT_SETTINGS } from '../../../src/demos/vit/settings';
import { DEMO_PROMPTS, demoPromptsFor } from '../../../src/rehearsal/demo-prompts';
import { defaults, fromQuery, type SettingsTable } from '../../../src/ui/kit/settings';

/** Demo id (a page's `demo:`) → its settings table. */
const TABLES: Record<string, SettingsTable> = {
  attention: ATTENTION_SETTINGS,
  backprop: BACKPROP_SETTINGS,
  contrastive: CONTRASTIVE_SETTINGS,
  diffusion: DIFFUSION_SETTINGS,
  dqn: DQN_TABLE,
  normalization: NORMALIZATION_SETTINGS,
  transformer: TRANSFORMER_SETTINGS,
  'vanishing-gradients': VANISHING_SETTINGS,
  vit: VIT_SETTINGS,
};

const pages = [
  '01-backprop',
  '02-vanishing-gradients',
  '03-attention',
  '04-normalization',
  '05-transformer',
  '10-contrastive',
  '11-vit',
  '12-diffusion',
  '14-dqn',
];
/** Question id → its page's demo id, read from the front matter. */
const demoOf = new Map(
  pages.map((p) => {
    const text = readFileSync(`notebooks/${p}.md`, 'utf8');
    return [/^id: (.+)$/m.exec(text)![1]!, /^demo: (.+)$/m.exec(text)![1]!];
  }),
);

describe('demo prompts', () => {
  it('gives every question whose demo has a settings table one to three prompts, with unique ids', () => {
    expect([...demoOf.values()].sort()).toEqual(Object.keys(TABLES).sort());
    for (const questionId of demoOf.keys()) {
      const n = demoPromptsFor(questionId).length;
      expect(n, questionId).toBeGreaterThanOrEqual(1);
      expect(n, questionId).toBeLessThanOrEqual(3);
    }
    expect(new Set(DEMO_PROMPTS.map((p) => p.id)).size).toBe(DEMO_PROMPTS.length);
    expect(demoPromptsFor('research-hypothesis')).toEqual([]);
  });

  for (const p of DEMO_PROMPTS) {
    it(`${p.id}: every key is a setting of its demo and every value is taken as given`, () => {
      const table = TABLES[demoOf.get(p.questionId)!]!;
      const keys = new Set(table.map((s) => s.key));
      const params = [...new URLSearchParams(p.query)];
      expect(params.length).toBeGreaterThan(0);
      for (const [key] of params) expect(keys.has(key), `${p.id}: ${key}`).toBe(true);
      const { values, notes } = fromQuery(table, p.query);
      expect(notes).toEqual([]);
      const base = defaults(table) as Record<string, unknown>;
      const changed = params.filter(([key]) => (values as Record<string, unknown>)[key] !== base[key]);
      expect(changed.length, `${p.id} sets a state other than the defaults`).toBeGreaterThan(0);
      expect(p.prompt).toMatch(/explain/i);
    });
  }

  it('writes the deep-sigmoid state exactly as a link would', () => {
    const deep = demoPromptsFor('vanishing-gradients')[0]!;
    const { values } = fromQuery(VANISHING_SETTINGS, deep.query);
    expect(values).toMatchObject({
      'a.depth': 30,
      'a.activation': 'sigmoid',
      'a.norm': 'none',
      'a.residual': false,
      'b.activation': 'relu',
      'b.init': 'he',
    });
  });
});

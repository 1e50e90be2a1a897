// Pins the facts in notebooks/*.md that are easiest to regress when the answers are edited: the statistics
// of questions 6–9 (checked against kernels/stats.ts), the corrected claims of issue 16, one notation and one
// spelling across the pages, the Answer's length, and cross-links that point at real questions.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedsForPower, tCdf, tQuantile, tTestPower } from '../../../kernels/stats';
import { compileNotebookDir } from '../../../src/notebook/content-plugin';

const DIR = 'notebooks';
const files = readdirSync(DIR).filter((f) => f.endsWith('.md'));
const raw = new Map(files.map((f) => [Number(f.slice(0, 2)), readFileSync(join(DIR, f), 'utf8')]));

function page(n: number): string {
  const text = raw.get(n);
  if (text === undefined) throw new Error(`no notebook page numbered ${n}`);
  return text;
}

/** The Markdown of one `## heading` section of page n. */
function section(n: number, heading: string): string {
  const parts = page(n).split(/^## /m);
  const body = parts.find((p) => p.startsWith(`${heading}\n`));
  if (body === undefined) throw new Error(`page ${n} has no section ${heading}`);
  return body.slice(heading.length + 1);
}

/** The first capture of `re` in `text`, as a number; fails the test when absent. */
function numberIn(text: string, re: RegExp): number {
  const m = re.exec(text);
  expect(m, `pattern ${re} not found`).not.toBeNull();
  return Number(m![1]);
}

describe('questions 6–9: one statistics, checked against kernels/stats.ts', () => {
  const q6 = page(6);
  const sd = numberIn(q6, /\$\\sigma = ([\d.]+)\$ points/);
  const delta = numberIn(q6, /\$\\delta = ([\d.]+)\$, \$\\alpha/);
  const alpha = numberIn(q6, /\$\\alpha = ([\d.]+)\$ and \d+% power/);
  const power = numberIn(q6, /\$\\alpha = [\d.]+\$ and (\d+)% power/) / 100;

  it("Q6's worked example states the seed count that seedsForPower gives for its δ, σ, α and power", () => {
    expect([sd, delta, alpha, power]).toEqual([0.8, 1.5, 0.05, 0.8]);
    const stated = numberIn(q6, /\$n = (\d+)\$ seeds per arm/);
    expect(stated).toBe(seedsForPower({ delta, sd, alpha, power }));
    expect(stated).toBe(6);
    // The answer and the outline say six seeds, never the normal approximation's five.
    expect(section(6, 'Answer')).toMatch(/six seeds each/);
    expect(section(6, 'Spoken outline')).toMatch(/six seeds each/);
    expect(section(6, 'Answer')).not.toMatch(/five seeds each/);
  });

  it("Q6's stated powers for five and six seeds are the noncentral-t powers, to the percent", () => {
    const five = numberIn(q6, /five seeds per arm reach only (\d+)% power/);
    const six = numberIn(q6, /six reach (\d+)%/);
    expect(five).toBe(Math.round(100 * tTestPower({ delta, sd, alpha, n: 5 })));
    expect(six).toBe(Math.round(100 * tTestPower({ delta, sd, alpha, n: 6 })));
    expect([five, six]).toEqual([74, 83]);
    // The normal-approximation figure the page quotes: 2 (z₀.₉₇₅ + z₀.₈)² σ² / δ², by hand 4.465.
    const normal = (2 * (1.959964 + 0.841621) ** 2 * sd ** 2) / delta ** 2;
    expect(normal).toBeCloseTo(4.465, 3);
    expect(q6).toMatch(/\\approx 4\.5/);
  });

  it('Q8: a faithful rerun misses the 95% CI of a 5-seed mean with the probability the page states', () => {
    // X − x̄ ~ σ√(1 + 1/n)·T_{n−1}·(s/σ), so P(miss) = P(|T_{n−1}| > t_{0.975,n−1}/√(n+1)).
    const n = 5;
    const c = tQuantile(0.975, n - 1) / Math.sqrt(n + 1);
    const miss = 2 * (1 - tCdf(c, n - 1));
    expect(c).toBeCloseTo(1.133, 3);
    expect(miss).toBeCloseTo(0.3203, 3);
    const stated = numberIn(page(8), /about (\d+)% of the time/);
    expect(stated).toBe(Math.round(100 * miss));
    expect(page(8)).toMatch(/\\Pr\(\|T_4\| > 1\.13\) \\approx 0\.32/);
  });

  it('Q7: with no correlation the paired interval uses t quantiles for 4 and 8 degrees of freedom', () => {
    expect(page(7)).toMatch(/t_\{0\.975,\\,4\} = 2\.78\$ against \$t_\{0\.975,\\,8\} = 2\.31/);
    expect(tQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(tQuantile(0.975, 8)).toBeCloseTo(2.306, 3);
    // 6 variants × (3 learning rates + 5 seeds) × 3 datasets and 5 × 8 × 3 in the outline.
    expect(page(7)).toMatch(/6 \\times 8 \\times 3 = 144/);
    expect(section(7, 'Spoken outline')).toMatch(/120 runs/);
  });

  it('Q9 sizes seeds by the same rule as Q6 and the t interval lives in Q6', () => {
    expect(section(9, 'Follow-up questions')).toMatch(
      /same rule as in \[the research-hypothesis answer\]\(#research-hypothesis\)/,
    );
    expect(page(9)).not.toMatch(/t s\/\\sqrt\{k\} \\le \\delta/);
    for (const n of [7, 8, 9]) expect(page(n)).toMatch(/\]\(#research-hypothesis\)/);
    // The design effect the page quotes: 1 + (10 − 1)·0.3 = 3.7, standard error ×√3.7 ≈ 1.9.
    expect(page(9)).toMatch(/multiply it by 3\.7 and the standard error by 1\.9/);
    expect(Math.sqrt(1 + 9 * 0.3)).toBeCloseTo(1.92, 2);
  });
});

describe('issue 16 corrections stay corrected', () => {
  it('self-attention is permutation-equivariant in Q3, Q5 and Q11, never permutation-invariant', () => {
    for (const n of [3, 5, 11]) {
      expect(page(n), `page ${n}`).toMatch(/permutation-equivariant/);
      expect(page(n), `page ${n}`).not.toMatch(/permutation[- ]invariant/i);
    }
  });

  it("Q14's Double DQN target carries the terminal mask (1 − d) and only reduces over-estimation", () => {
    expect(page(14)).toMatch(/y\^\{\\mathrm\{Double\}\} = r \+ \\gamma\\,\(1 - d\)\\, Q_\{\\theta\^\{-\}\}/);
    expect(page(14)).not.toMatch(/Double DQN fixes/);
    expect(page(14)).toMatch(/residual-gradient method/);
    expect(page(14)).toMatch(/84 \\times 84 \\times 4/);
    expect(page(14)).toMatch(/every 10,000 updates/);
    expect(page(14)).toMatch(/2\.5 \\times 10\^\{-4\}/);
  });

  it('Q12 names v or flow-velocity prediction as the common default and near-zero terminal SNR', () => {
    expect(section(12, 'Answer')).toMatch(
      /now the common default, the velocity \$v\$ or the flow-matching velocity/,
    );
    expect(page(12)).not.toMatch(/equivalent alternative, not the default/);
    expect(page(12)).toMatch(/leaves 0\.068/);
    // DDPM's linear schedule (β from 1e-4 to 0.02 over 1000 steps) leaves √ᾱ_T ≈ 0.006 of the image;
    // Stable Diffusion's scaled-linear schedule (√β from √0.00085 to √0.012) leaves 0.068.
    const terminal = (beta: (t: number) => number): number => {
      let abar = 1;
      for (let t = 0; t < 1000; t++) abar *= 1 - beta(t);
      return Math.sqrt(abar);
    };
    expect(terminal((t) => 1e-4 + ((0.02 - 1e-4) * t) / 999)).toBeCloseTo(0.006, 3);
    const [lo, hi] = [Math.sqrt(0.00085), Math.sqrt(0.012)];
    expect(terminal((t) => (lo + ((hi - lo) * t) / 999) ** 2)).toBeCloseTo(0.068, 3);
  });

  it("Q16's outline says guided backpropagation fails the randomization test that vanilla gradients pass", () => {
    const outline = section(16, 'Spoken outline');
    expect(outline).toMatch(
      /Guided backpropagation and guided Grad-CAM survive weight randomization, failing the sanity check that vanilla gradients and Grad-CAM pass/,
    );
    expect(outline).not.toMatch(/Saliency can survive weight randomization/);
    expect(page(16)).not.toMatch(/TreeSHAP computes it exactly/);
  });

  it('the frontier figures: 6ND (Q1), ViT-B/16 (Q11), the Q13 support condition', () => {
    expect(page(1)).toMatch(/6ND/);
    expect(page(11)).toMatch(
      /ViT-B\/16, the reference size, has 86M parameters: 12 layers of width 768 with 12 heads and MLP width 3072/,
    );
    // 12 blocks × (4d² attention + 2·d·3072 MLP) + the 16·16·3·d patch embedding = 85.5M; biases, norms,
    // the position table and the head bring it to 86M.
    const d = 768;
    const blocks = 12 * (4 * d * d + 2 * d * 3072);
    expect((blocks + 16 * 16 * 3 * d) / 1e6).toBeCloseTo(85.5, 0);
    expect(page(13)).toMatch(/q\(x\) > 0 \\Rightarrow p\(x\) > 0/);
    expect(page(13)).toMatch(/shift gap/);
  });
});

describe('one notation, one voice, one length', () => {
  const questions = compileNotebookDir(DIR);

  it('every Answer reads in about two minutes (250–400 words) and every outline has five bullets', () => {
    expect(questions).toHaveLength(16);
    for (const q of questions) {
      expect(q.answerWords, q.id).toBeGreaterThanOrEqual(250);
      expect(q.answerWords, q.id).toBeLessThanOrEqual(400);
      const bullets = section(q.number, 'Spoken outline').match(/^- \*\*/gm) ?? [];
      expect(bullets, q.id).toHaveLength(5);
    }
  });

  it('American spelling on every page', () => {
    const british =
      /\b(?:\w*(?:normalis|initialis|generalis|optimis|regularis|memoris|minimis|maximis|parameteris|discretis|randomis|visualis)(?:e|es|ed|ing|ation|ations)|colour\w*|behaviour\w*|neighbour\w*|labelled|labelling|modelling|analyse|artefacts?|judgement)\b/i;
    for (const [n, text] of raw) expect(text.match(british)?.[0] ?? null, `page ${n}`).toBeNull();
  });

  it('one t-quantile form, W_O for the output projection, \\operatorname for named functions', () => {
    for (const [n, text] of raw) {
      const quantiles = text.match(/t_\{[^}]*\}/g) ?? [];
      for (const t of quantiles.filter((q) => /^t_\{[\d.kn]/.test(q) && q.includes(',')))
        expect(t, `page ${n}`).toMatch(/^t_\{(?:0\.\d+|1-\\alpha\/2|q),\\,/);
      expect(text, `page ${n}`).not.toMatch(/W\^O|W_i\^Q/);
      expect(text, `page ${n}`).not.toMatch(/\\(?:mathrm|text)\{(?:softmax|Var|Attention|LN|diag|sim)\}/);
    }
  });

  it('every cross-link names an existing question', () => {
    const ids = new Set(questions.map((q) => q.id));
    const targets = [...raw.values()].flatMap((t) =>
      [...t.matchAll(/\]\(#([a-z0-9-]+)\)/g)].map((m) => m[1]!),
    );
    expect(targets.length).toBeGreaterThan(10);
    for (const id of targets) expect(ids.has(id), id).toBe(true);
    for (const q of questions) expect(q.html.answer + q.html.followUps).not.toMatch(/href="(?!#|https:)/);
  });
});

// The hypothesis builder's model (question 6), with no DOM: the fields of a research hypothesis, the inline
// critique (rules that read what was typed and say what is missing or weak), the reading of stored text
// (untrusted: only known string fields, clipped), and the Markdown export. Pure functions, tested in Node.
//
// Example: critique({ ...EMPTY_HYPOTHESIS, claimSize: 'a lot' }).find((n) => n.field === 'claimSize')?.message

export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Hypothesis {
  /** What is unknown or not working, and why it matters. */
  gap: string;
  /** The claim: the metric, the direction and the size of the change. */
  metric: string;
  direction: Direction;
  claimSize: string;
  /** What it is compared against. */
  baselines: string;
  /** What is held equal (and how), so a difference can be attributed to the idea. */
  controls: string;
  /** Compute budget: GPU-hours, runs, seeds. */
  budget: string;
  /** The result that would change your mind (what would falsify the claim). */
  changeMind: string;
}

export type TextField = Exclude<keyof Hypothesis, 'direction'>;
export const TEXT_FIELDS: readonly TextField[] = [
  'gap',
  'metric',
  'claimSize',
  'baselines',
  'controls',
  'budget',
  'changeMind',
];
/** Longest text kept per field (characters). */
export const MAX_FIELD = 2000;

export const EMPTY_HYPOTHESIS: Hypothesis = {
  gap: '',
  metric: '',
  direction: 'increase',
  claimSize: '',
  baselines: '',
  controls: '',
  budget: '',
  changeMind: '',
};

/** A worked example the user can start from (it passes every check). */
export const EXAMPLE_HYPOTHESIS: Hypothesis = {
  gap: 'Small vision transformers trained from scratch on small data sets trail CNNs; it is unclear whether the cause is the missing locality prior or under-training.',
  metric: 'top-1 test accuracy on the shapes set (1,000 held-out images)',
  direction: 'increase',
  claimSize: '3 points over the same ViT without the convolutional stem',
  baselines: 'the plain ViT with the same width and depth; a small CNN with matched parameter count',
  controls:
    'same parameter count (±5%), same training steps and compute, same augmentations, a learning-rate sweep of equal size for every arm, 6 seeds per arm',
  budget: '3 arms × 6 seeds × 20 GPU-minutes = 6 GPU-hours',
  changeMind:
    'if the stem gains under 1 point, or the gain vanishes when the plain ViT gets the same tuning budget, the locality prior is not the cause',
};

export type NoteLevel = 'missing' | 'weak';

export interface Note {
  field: keyof Hypothesis;
  level: NoteLevel;
  message: string;
}

const NUMBER = /\d/;
const CONFOUND = /param|compute|flop|budget|tun|sweep|matched|same|equal|size/i;
const SEEDS = /seed|runs?\b|repeat|trial/i;
const VAGUE = /\b(better|improves?|good|robust|efficient|significant(ly)?)\b/i;

/** What a careful reviewer would say about the hypothesis as typed, field by field (empty when all is well). */
export function critique(h: Hypothesis): Note[] {
  const notes: Note[] = [];
  const blank = (s: string) => s.trim().length === 0;
  const add = (field: keyof Hypothesis, level: NoteLevel, message: string) =>
    notes.push({ field, level, message });

  if (blank(h.gap)) add('gap', 'missing', 'Say what is unknown or not working, and why it matters.');
  if (blank(h.metric))
    add('metric', 'missing', 'Name the metric the claim is measured by, and on which data.');
  else if (VAGUE.test(h.metric) && !NUMBER.test(h.metric))
    add('metric', 'weak', 'A metric is a quantity (accuracy, loss, calibration error…), not a quality.');
  if (blank(h.claimSize)) add('claimSize', 'missing', 'How large a change do you claim?');
  else if (!NUMBER.test(h.claimSize))
    add('claimSize', 'weak', 'No number in the claim: say how large the change is (e.g. "2 points").');
  if (blank(h.baselines))
    add(
      'baselines',
      'missing',
      'No baseline: compare with the strongest existing method, not only your own.',
    );
  if (blank(h.controls)) add('controls', 'missing', 'No controls: say what is held equal between the arms.');
  else {
    if (!CONFOUND.test(h.controls))
      add(
        'controls',
        'weak',
        'No control for the obvious confound: more parameters, compute or tuning than the baseline. Match them.',
      );
    if (!SEEDS.test(h.controls) && !SEEDS.test(h.budget))
      add(
        'controls',
        'weak',
        'Say how many seeds (runs) per arm: one run cannot separate the idea from luck.',
      );
  }
  if (blank(h.budget)) add('budget', 'missing', 'Give the compute budget: runs, seeds, GPU-hours.');
  else if (!NUMBER.test(h.budget)) add('budget', 'weak', 'The budget has no number.');
  if (blank(h.changeMind))
    add('changeMind', 'missing', 'Which result would change your mind? Without one the claim cannot fail.');
  return notes;
}

/** The first number in the claim's size, or null (to compare with the power calculation's δ). */
export function claimedEffect(h: Hypothesis): number | null {
  const m = /-?\d+(?:\.\d+)?/.exec(h.claimSize);
  return m ? Number(m[0]) : null;
}

/** Reads stored text (untrusted): only the known fields, only strings, each clipped; anything else is empty. */
export function readStored(json: string | null): Hypothesis | null {
  if (json === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const r = raw as Record<string, unknown>;
  const out: Hypothesis = { ...EMPTY_HYPOTHESIS };
  for (const f of TEXT_FIELDS) if (typeof r[f] === 'string') out[f] = (r[f] as string).slice(0, MAX_FIELD);
  if (DIRECTIONS.includes(r.direction as Direction)) out.direction = r.direction as Direction;
  return out;
}

export interface PowerLine {
  runsPerArm: number;
  delta: number;
  sd: number;
  alpha: number;
  power: number;
  paired: boolean;
}

/** One paragraph of the user's text in Markdown: lines kept, empty shown as a dash. */
function block(text: string): string {
  const t = text.trim();
  return t.length === 0 ? '—' : t;
}

/** The hypothesis as a Markdown document, with the power calculation and the open critique. */
export function toMarkdown(h: Hypothesis, power: PowerLine | null): string {
  const notes = critique(h);
  const lines = [
    '# Research hypothesis',
    '',
    '## Gap',
    block(h.gap),
    '',
    '## Claim',
    `- Metric: ${block(h.metric)}`,
    `- Direction: ${h.direction}`,
    `- Size: ${block(h.claimSize)}`,
    '',
    '## Baselines',
    block(h.baselines),
    '',
    '## Controls',
    block(h.controls),
    '',
    '## Compute budget',
    block(h.budget),
    '',
    '## What would change my mind',
    block(h.changeMind),
    '',
    '## Runs needed',
    power
      ? `${power.runsPerArm} runs per arm (${power.paired ? 'paired t-test on per-seed differences' : 'two-sample t-test'}, two-sided): δ = ${power.delta}, sd = ${power.sd}, α = ${power.alpha}, power ${power.power}.`
      : 'Not computed: the assumptions are not valid.',
    '',
    '## Open points',
    ...(notes.length === 0 ? ['None.'] : notes.map((n) => `- ${n.field}: ${n.message}`)),
    '',
  ];
  return lines.join('\n');
}

// The reproducibility cell's card tools, with no DOM: a run's metrics for its run card, a replay's metrics
// set beside the card's (equal bit for bit or not, per metric), and the reproducibility checklist in
// Markdown, filled from a card (seed, versions, backend, settings, data, metrics).
import type { ReproModelSettings } from '../../../kernels/repro-train';
import type { Metrics, RunCard } from '../../ui/kit/run-card';
import type { TrainedRun } from './jobs';

/** The numbers a replay must reproduce exactly. */
export function runMetrics(run: TrainedRun): Metrics {
  return {
    steps: run.losses.length,
    firstLoss: run.losses[0]!,
    finalLoss: run.losses[run.losses.length - 1]!,
    trainAccuracy: run.trainAccuracy,
    lossChecksum: run.lossChecksum,
    weightChecksum: run.weightChecksum,
  };
}

/** The model's settings out of a card's (or the store's) settings. */
export function modelSettings(s: Readonly<Record<string, unknown>>): ReproModelSettings {
  const num = (k: string) => {
    const v = s[k];
    if (typeof v !== 'number') throw new Error(`the card has no number for the setting "${k}"`);
    return v;
  };
  return {
    seed: num('seed'),
    hidden: num('hidden'),
    steps: num('steps'),
    lr: num('lr'),
    points: num('points'),
    noise: num('noise'),
  };
}

export interface MetricRow {
  key: string;
  card: Metrics[string] | undefined;
  replay: Metrics[string] | undefined;
  /** Object.is: the same bits (NaN equals NaN, 0 and −0 differ). */
  same: boolean;
}

/** Every metric of the card beside the replay's, in the card's order (then any the replay adds). */
export function compareMetrics(card: Metrics, replay: Metrics): MetricRow[] {
  const keys = [...Object.keys(card), ...Object.keys(replay).filter((k) => !(k in card))];
  return keys.map((key) => ({
    key,
    card: card[key],
    replay: replay[key],
    same: Object.is(card[key], replay[key]),
  }));
}

const cell = (v: unknown) => String(v).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const box = (done: boolean) => (done ? '[x]' : '[ ]');

/** A Markdown checklist filled from the card; each line is ticked only when the card records it. */
export function checklistMarkdown(card: RunCard): string {
  const settings = Object.entries(card.settings);
  const metrics = Object.entries(card.metrics);
  const data = card.settings['points'] !== undefined;
  const lines = [
    `# Reproducibility checklist: ${cell(card.question)}, run of ${card.startedAt}`,
    '',
    `- ${box(card.seed !== null)} Seed recorded: ${card.seed ?? 'none'}`,
    `- ${box(settings.length > 0)} Every setting recorded (${settings.length}), overrides included`,
    `- ${box(card.backend !== null)} Backend: ${card.backend ?? 'not recorded'}${card.renderer ? ` (GPU: ${cell(card.renderer)})` : ''}`,
    `- ${box(card.tfjsVersion !== null)} Library versions: tfjs-core ${card.tfjsVersion ?? 'not loaded'}, app ${card.appVersion}`,
    `- ${box(card.userAgent !== '')} Browser: ${cell(card.userAgent)}`,
    `- ${box(data)} Data: ${data ? `two moons, ${String(card.settings['points'])} points, noise ${String(card.settings['noise'])}, generated from the seed` : 'not described by the card'}`,
    `- ${box(metrics.length > 0)} Final metrics recorded (${metrics.length}), with checksums where the cell gives them`,
    `- ${box(card.outcome === 'done')} The run finished (outcome: ${card.outcome}) in ${card.durationMs} ms`,
    `- [ ] Code commit recorded (a browser page cannot see it: add it by hand)`,
    `- [ ] Replayed on the same backend and compared bit for bit`,
    `- [ ] Rerun with other seeds, reported with a confidence interval`,
    '',
    '## Settings',
    '',
    '| setting | value |',
    '| --- | --- |',
    ...settings.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`),
    '',
    '## Metrics',
    '',
    '| metric | value |',
    '| --- | --- |',
    ...metrics.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`),
    '',
  ];
  return lines.join('\n');
}

/** The checklist with the replay line ticked and its outcome written in. */
export function checklistWithReplay(card: RunCard, rows: readonly MetricRow[], backend: string): string {
  const same = rows.filter((r) => r.same).length;
  return checklistMarkdown(card).replace(
    '- [ ] Replayed on the same backend and compared bit for bit',
    `- [x] Replayed on ${backend}: ${same} of ${rows.length} metrics identical bit for bit`,
  );
}

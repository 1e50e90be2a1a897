// Run cards: every run that ends (done or stopped) is written down — settings and seed, backend and GPU
// renderer, versions, browser, when it started, how long it took and its final metrics — so it can be
// downloaded as JSON and replayed. On the CPU backend a replay reproduces the metrics bit for bit. No DOM.
import type { SettingValue } from './settings';

export type Metrics = Record<string, number | string | boolean>;

export interface RunCard {
  /** The card format's version. */
  format: 1;
  /** The question id (the demo's cell). */
  question: string;
  outcome: 'done' | 'stopped';
  settings: Record<string, SettingValue>;
  seed: number | null;
  backend: string | null;
  /** The GPU's renderer string for WebGL/WebGPU, else null. */
  renderer: string | null;
  tfjsVersion: string | null;
  appVersion: string;
  userAgent: string;
  /** ISO 8601. */
  startedAt: string;
  durationMs: number;
  metrics: Metrics;
}

export interface CardInput {
  question: string;
  outcome: 'done' | 'stopped';
  settings: Record<string, SettingValue>;
  backend: string | null;
  renderer: string | null;
  tfjsVersion: string | null;
  appVersion: string;
  userAgent: string;
  startedAt: Date;
  durationMs: number;
  metrics: Metrics | undefined;
}

/** Builds a card; only finite numbers, strings and booleans are kept as metrics (NaN is written as a string). */
export function makeRunCard(input: CardInput): RunCard {
  const metrics: Metrics = {};
  for (const [k, v] of Object.entries(input.metrics ?? {})) {
    if (typeof v === 'number') metrics[k] = Number.isFinite(v) ? v : String(v);
    else if (typeof v === 'string' || typeof v === 'boolean') metrics[k] = v;
  }
  const seed = input.settings['seed'];
  return {
    format: 1,
    question: input.question,
    outcome: input.outcome,
    settings: { ...input.settings },
    seed: typeof seed === 'number' ? seed : null,
    backend: input.backend,
    renderer: input.backend === 'webgl' || input.backend === 'webgpu' ? input.renderer : null,
    tfjsVersion: input.tfjsVersion,
    appVersion: input.appVersion,
    userAgent: input.userAgent,
    startedAt: input.startedAt.toISOString(),
    durationMs: Math.round(input.durationMs),
    metrics,
  };
}

/** A file name for the card's JSON download: viva-<question>-<start time>.json. */
export function cardFileName(card: RunCard): string {
  return `viva-${card.question}-${card.startedAt.replace(/[:.]/g, '-')}.json`;
}

export function cardJson(card: RunCard): string {
  return JSON.stringify(card, null, 2);
}

/** A short line for the card list: the metrics, rounded for reading (the JSON keeps every digit). */
export function metricsSummary(metrics: Metrics, max = 4): string {
  return Object.entries(metrics)
    .slice(0, max)
    .map(([k, v]) => `${k} ${typeof v === 'number' ? roundForReading(v) : String(v)}`)
    .join(' · ');
}

function roundForReading(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e6) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(3) : v.toPrecision(4);
}

/** The last few cards of one cell, newest first. */
export class RunCardLog {
  private list: RunCard[] = [];
  constructor(readonly capacity = 5) {}

  add(card: RunCard): void {
    this.list = [card, ...this.list].slice(0, this.capacity);
  }

  get cards(): readonly RunCard[] {
    return this.list;
  }
}

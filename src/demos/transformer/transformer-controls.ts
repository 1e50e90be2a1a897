// The transformer cell's settings as its training code reads them: the TransformerSettings shape (sizes as
// numbers, the trainer's names), read from the values of the settings table (settings.ts), whose controls
// <viva-settings> draws. No DOM: tested in Node.
import type { TaskKind } from '../../../kernels/transformer/task';
import { defaults } from '../../ui/kit/settings';
import type { EngineChoice } from './engine';
import { TRANSFORMER_SETTINGS, type TransformerSettingValues } from './settings';

export interface TransformerSettings {
  task: TaskKind;
  length: number;
  dModel: number;
  layers: number;
  heads: number;
  learningRate: number;
  seed: number;
  maxSteps: number;
  stopAtTarget: boolean;
  engine: EngineChoice;
}

/** The trainer's settings from the table's (validated) values. */
export function transformerSettings(v: TransformerSettingValues): TransformerSettings {
  return {
    task: v.task as TaskKind,
    length: v.digits,
    dModel: Number(v.dModel),
    layers: Number(v.layers),
    heads: Number(v.heads),
    learningRate: v.lr,
    seed: v.seed,
    maxSteps: v.steps,
    stopAtTarget: v.stop,
    engine: v.engine as EngineChoice,
  };
}

export const DEFAULT_SETTINGS: Readonly<TransformerSettings> = Object.freeze(
  transformerSettings(defaults(TRANSFORMER_SETTINGS)),
);

/** The test input shown for a number of digits (the digits of π). */
export function defaultTestInput(length: number): string {
  return '31415926'.slice(0, length);
}

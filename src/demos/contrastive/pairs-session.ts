// The two-modality part of the contrastive cell (question 10), with no DOM: the PairTrainer (image and text
// encoders, CLIP or SigLIP loss) the settings describe, with the loss per step, zero-shot accuracy every
// EVAL_EVERY steps and the display batch's similarity matrix for the views. Training runs through a
// ContrastiveCompute (compute.ts: the cell's worker in the page, the same loop in this thread in Node).
import { PairTrainer } from '../../../kernels/contrastive-pairs';
import { yieldFrame, type YieldFn } from '../../runtime/loop';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { inlineCompute, type ContrastiveCompute, type PairReport } from './compute';
import { EVAL_EVERY } from './session';
import { pairOptions, type CONTRASTIVE_SETTINGS } from './settings';

export class PairSession {
  /** The settings' encoders, with the weights and step count the last run reached. */
  trainer: PairTrainer;
  losses: number[] = [];
  /** Zero-shot accuracy on the test images, at each evaluated step (from 0). */
  zeroShot: { step: number; accuracy: number }[] = [];
  similarity: number[][];
  private generation = 0;

  constructor(
    readonly store: SettingsStore<typeof CONTRASTIVE_SETTINGS>,
    yieldFn: YieldFn = yieldFrame,
    private readonly compute: ContrastiveCompute = inlineCompute({ yieldFn }),
  ) {
    this.trainer = new PairTrainer(pairOptions(store.values));
    this.similarity = this.trainer.similarity();
  }

  rebuild(): void {
    this.generation++;
    this.trainer = new PairTrainer(pairOptions(this.store.values));
    this.losses = [];
    this.zeroShot = [];
    this.similarity = this.trainer.similarity();
  }

  private keep(r: PairReport): void {
    for (const l of r.losses) this.losses.push(l);
    for (const z of r.zeroShot) this.zeroShot.push(z);
    this.similarity = r.similarity;
    this.trainer.imageEncoder.params.set(r.imageParams);
    this.trainer.textEncoder.params.set(r.textParams);
    this.trainer.steps = r.steps;
  }

  /** Fresh encoders trained for the `pairSteps` setting; Stop keeps what was learned. */
  async run(r: RunHandle): Promise<void> {
    this.rebuild();
    const generation = this.generation;
    const total = this.store.values.pairSteps;
    const job = { options: pairOptions(this.store.values), steps: total, evalEvery: EVAL_EVERY };
    try {
      await this.compute.trainPairs(job, r.signal, (report) => {
        if (generation !== this.generation) return;
        this.keep(report);
        if (report.zeroShot.length > 0 && report.steps > 0)
          r.progress(report.steps / total, `step ${report.steps}/${total}`);
        r.draw();
      });
    } finally {
      r.draw();
    }
  }
}

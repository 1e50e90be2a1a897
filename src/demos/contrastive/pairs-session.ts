// The two-modality part of the contrastive cell (question 10), with no DOM: a PairTrainer (image and text
// encoders, CLIP or SigLIP loss) built from the settings and trained in time slices, with the loss per step,
// zero-shot accuracy every EVAL_EVERY steps and the display batch's similarity matrix for the views.
import { PairTrainer } from '../../../kernels/contrastive-pairs';
import { TimeSlicer, yieldFrame, type YieldFn } from '../../runtime/loop';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { EVAL_EVERY } from './session';
import { pairOptions, type CONTRASTIVE_SETTINGS } from './settings';

export class PairSession {
  trainer: PairTrainer;
  losses: number[] = [];
  /** Zero-shot accuracy on the test images, at each evaluated step (from 0). */
  zeroShot: { step: number; accuracy: number }[] = [];
  similarity: number[][];

  constructor(
    readonly store: SettingsStore<typeof CONTRASTIVE_SETTINGS>,
    private readonly yieldFn: YieldFn = yieldFrame,
  ) {
    this.trainer = new PairTrainer(pairOptions(store.values));
    this.similarity = this.trainer.similarity();
  }

  rebuild(): void {
    this.trainer = new PairTrainer(pairOptions(this.store.values));
    this.losses = [];
    this.zeroShot = [];
    this.similarity = this.trainer.similarity();
  }

  private evaluate(): void {
    this.zeroShot.push({ step: this.trainer.steps, accuracy: this.trainer.zeroShot() });
    this.similarity = this.trainer.similarity();
  }

  /** Fresh encoders trained for the `pairSteps` setting; Stop keeps what was learned. */
  async run(r: RunHandle): Promise<void> {
    this.rebuild();
    const total = this.store.values.pairSteps;
    const slicer = new TimeSlicer({ signal: r.signal, yieldFn: this.yieldFn });
    this.evaluate();
    r.draw();
    try {
      for (let s = 1; s <= total; s++) {
        this.losses.push(this.trainer.step());
        if (s % EVAL_EVERY === 0 || s === total) {
          this.evaluate();
          r.progress(s / total, `step ${s}/${total}`);
          r.draw();
        }
        await slicer.tick();
      }
    } finally {
      if (this.zeroShot.at(-1)?.step !== this.trainer.steps) this.evaluate();
      r.draw();
    }
  }
}

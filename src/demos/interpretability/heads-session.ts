// The interpretability cell's third panel (question 16), with no DOM: Train trains the tiny transformer of
// question 5 on reversing 4 digits (tfjs; kernels/interpret-heads-train.ts) in the panel's worker
// (heads.worker.ts; in this thread where there are no workers), takes its weights into the float64 forward
// pass (kernels/interpret-heads.ts), then patches every head from the
// clean question into the corrupted one (one digit changed) and reads how much of the clean logit difference
// comes back, beside each head's attention and the attention rollout on the changed digit.
import {
  patchingSweep,
  reverseAccuracy,
  reverseQuestion,
  type PatchQuestion,
  type PatchingResult,
  type TransformerWeights,
} from '../../../kernels/interpret-heads';
import type { HeadsTrainer } from '../../../kernels/interpret-heads-train';
import { computeRuntime } from '../../runtime/compute';
import { LazyWorker } from '../../runtime/lazy-worker';
import { TimeSlicer } from '../../runtime/loop';
import { headsWorker } from './heads-worker-client';
import type { HeadsReport } from './heads-jobs';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import type { INTERPRET_SETTINGS } from './settings';

export const HEAD_LENGTH = 4;

export class HeadsSession {
  trainer: HeadsTrainer | null = null;
  /** Steps done in the run that made the weights (in the worker or here). */
  steps = 0;
  weights: TransformerWeights | null = null;
  losses: number[] = [];
  accuracy = NaN;
  question: PatchQuestion | null = null;
  result: PatchingResult | null = null;
  backend = '';
  stale = false;

  private readonly worker = new LazyWorker(headsWorker);
  /** Bumped by reset(): reports of an older run are dropped. */
  private generation = 0;

  constructor(readonly store: SettingsStore<typeof INTERPRET_SETTINGS>) {}

  get inWorker(): boolean {
    return this.worker.started;
  }

  reset(): void {
    this.generation++;
    this.trainer?.dispose();
    this.trainer = this.weights = this.question = this.result = null;
    this.steps = 0;
    this.losses = [];
    this.accuracy = NaN;
    this.stale = false;
  }

  async run(r: RunHandle): Promise<void> {
    this.reset();
    const v = this.store.values;
    const host = this.worker.get();
    if (!host) return this.runHere(r);
    const generation = this.generation;
    const keep = (p: HeadsReport) => {
      if (generation !== this.generation) return;
      this.steps = p.step;
      this.losses.push(p.loss);
      r.progress(p.step / v.headSteps, `transformer step ${p.step}/${v.headSteps}`);
      if (p.weights) {
        this.backend = p.backend ?? '';
        this.setWeights(p.weights);
      }
      r.draw();
    };
    await host.run(
      'train',
      { steps: v.headSteps, seed: v.seed, length: HEAD_LENGTH },
      { signal: r.signal, onProgress: keep },
    );
  }

  /** Training in this thread (no workers here), time-sliced. */
  private async runHere(r: RunHandle): Promise<void> {
    const v = this.store.values;
    r.progress(null, 'loading tfjs');
    const tf = await computeRuntime().ensure();
    this.backend = tf.getBackend();
    const { HeadsTrainer, HEADS_DEFAULTS } = await import('../../../kernels/interpret-heads-train');
    const trainer = (this.trainer = new HeadsTrainer({
      ...HEADS_DEFAULTS,
      length: HEAD_LENGTH,
      seed: v.seed,
    }));
    const slicer = new TimeSlicer({ signal: r.signal });
    try {
      for (let s = 0; s < v.headSteps; s++) {
        this.losses.push(await trainer.step());
        this.steps = trainer.steps;
        r.progress(s / v.headSteps, `transformer step ${s}/${v.headSteps}`);
        await slicer.tick();
      }
    } finally {
      if (trainer.steps > 0 && this.trainer === trainer) await this.finish(trainer);
      r.draw();
    }
  }

  private async finish(trainer: HeadsTrainer): Promise<void> {
    const { readWeights } = await import('../../../kernels/interpret-heads-train');
    this.setWeights(await readWeights(trainer.model));
  }

  private setWeights(w: TransformerWeights): void {
    this.weights = w;
    this.accuracy = reverseAccuracy(this.weights, HEAD_LENGTH, 64, this.store.values.seed + 17);
    this.patch();
  }

  /** The patching sweep for the current question (a no-op before training or with a bad question). */
  patch(): void {
    if (!this.weights) return;
    const { patchDigits, patchAt } = this.store.values;
    if (!/^[0-9]{4}$/.test(patchDigits)) return;
    const digits = Array.from(patchDigits, Number);
    this.question = reverseQuestion(digits, patchAt, (digits[patchAt]! + 5) % 10);
    this.result = patchingSweep(this.weights, this.question);
  }

  dispose(): void {
    this.trainer?.dispose();
    this.trainer = null;
    this.worker.dispose();
  }
}

// The interpretability cell's image panel (question 16), with no DOM: Train draws grey generated shapes
// (kernels/interpret-images.ts), trains the tiny CNN time-sliced on this thread (yielding within a batch, every
// 4 images), then explains one held-out image: every saliency map of the predicted class, and the
// cascading weight randomisation with each map's rank correlation to the trained model's map. The maps are
// computed with a yield every few gradient passes, so no task runs long. Stop keeps the CNN reached.
import { spearman } from '../../../kernels/interpret';
import {
  ImageTrainer,
  MAP_IDS,
  accuracy,
  greyShapes,
  saliencyMapSliced,
  type GreyShapes,
  type MapId,
  type SaliencyMaps,
} from '../../../kernels/interpret-images';
import { CNN_LAYERS, type CnnLayer } from '../../../kernels/interpret-cnn';
import { TimeSlicer, type YieldFn } from '../../runtime/loop';
import type { RunHandle } from '../../ui/kit/run-controller';
import type { SettingsStore } from '../../ui/kit/settings-store';
import { TEST_IMAGES, type INTERPRET_SETTINGS } from './settings';

export const TRAIN_IMAGES = 512;
/** SmoothGrad's noise on images in [0, 1] (Smilkov et al. suggest 10–20% of the range). */
export const IMAGE_SG_SIGMA = 0.15;

export interface StageResult {
  randomized: CnnLayer[];
  correlation: Partial<Record<MapId, number>>;
  maps: Partial<SaliencyMaps>;
}

export class ImageSession {
  train: GreyShapes | null = null;
  test: GreyShapes | null = null;
  trainer: ImageTrainer | null = null;
  losses: number[] = [];
  testAccuracy = NaN;
  /** The image explained, its true and predicted class. */
  explained: { index: number; label: number; predicted: number } | null = null;
  maps: Partial<SaliencyMaps> = {};
  stages: StageResult[] = [];
  stale = false;

  constructor(
    readonly store: SettingsStore<typeof INTERPRET_SETTINGS>,
    private readonly yieldFn?: YieldFn,
  ) {}

  reset(): void {
    this.train = this.test = this.trainer = this.explained = null;
    this.losses = [];
    this.testAccuracy = NaN;
    this.maps = {};
    this.stages = [];
    this.stale = false;
  }

  private slicer(r: RunHandle): TimeSlicer {
    return new TimeSlicer({ signal: r.signal, ...(this.yieldFn ? { yieldFn: this.yieldFn } : {}) });
  }

  /** Train: a fresh CNN for the `imageSteps` setting, then the maps of the chosen image. */
  async run(r: RunHandle): Promise<void> {
    this.reset();
    const v = this.store.values;
    this.train = greyShapes(TRAIN_IMAGES, v.seed);
    this.test = greyShapes(TEST_IMAGES, v.seed + 1000);
    const trainer = (this.trainer = new ImageTrainer(this.train, { seed: v.seed }));
    const slicer = this.slicer(r);
    for (let s = 0; s < v.imageSteps; s++) {
      this.losses.push(await trainer.stepSliced(() => slicer.tick()));
      r.progress(s / v.imageSteps, `CNN step ${s}/${v.imageSteps}`);
    }
    await this.explain(r);
  }

  /** The maps and the sanity check of the `image` setting's image on the CNN as trained (a no-op before). */
  async explain(r: RunHandle): Promise<void> {
    const trainer = this.trainer;
    const test = this.test;
    if (!trainer || !test || trainer.steps === 0) return;
    const v = this.store.values;
    const model = trainer.model;
    this.testAccuracy = accuracy(model, test);
    const x = test.images[v.image]!;
    const predicted = model.predict(x);
    this.explained = { index: v.image, label: test.labels[v.image]!, predicted };
    this.maps = {};
    this.stages = [];
    const o = { igSteps: v.igSteps, sgSamples: v.sgSamples, sgSigma: IMAGE_SG_SIGMA, seed: v.seed };
    const slicer = this.slicer(r);
    for (const id of MAP_IDS) {
      this.maps[id] = await saliencyMapSliced(model, x, predicted, id, o, () => slicer.tick());
      await slicer.tick();
    }
    r.draw();
    for (let k = 0; k < CNN_LAYERS.length; k++) {
      const randomized = CNN_LAYERS.slice(0, k + 1) as CnnLayer[];
      const copy = model.randomized(randomized, v.seed);
      const stage: StageResult = { randomized, correlation: {}, maps: {} };
      this.stages.push(stage);
      for (const id of MAP_IDS) {
        const m = (stage.maps[id] = await saliencyMapSliced(copy, x, predicted, id, o, () => slicer.tick()));
        stage.correlation[id] = spearman(m, this.maps[id]!);
        await slicer.tick();
      }
      r.draw();
    }
  }
}

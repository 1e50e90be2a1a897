// The Vision Transformer cell's session: the shipped sample images and their patch tokens, the fixed 2-D
// sinusoidal position map, and the training runs (the tiny ViT, then the small CNN on the same data) with their
// curves, evaluations (test accuracy, attention rollout over probe images, learned position similarity) and
// the accuracy-against-training-set-size sweep. Runs go through a TrainerPort (the worker on the page, the
// job inline in Node). No DOM: tested in Node.
// Example: const s = new VitSession(store, port); await s.train(handle); s.curves.vit.accuracy.at(-1);
import {
  cosineSimilarityMap,
  patchify,
  sinusoidalPositionEmbedding2d,
  type ImageData3,
} from '../../../kernels/vit';
import { DEFAULT_TRAINING, shapeSetSeeds, type TrainingOptions } from '../../../kernels/vit-train';
import {
  generateShapes,
  shapeImage,
  SHAPE_CLASSES,
  WHERE_CLASSES,
  type ShapeSet,
} from '../../../kernels/vit-shapes';
import type { Metrics } from '../../ui/kit/run-card';
import type { SettingsStore } from '../../ui/kit/settings-store';
import type { Evaluation, TrainArgs, TrainProgress, TrainResult } from './jobs';
import { COMPARE_SIZES, type VIT_SETTINGS, type VitSettings } from './settings';

export type ModelKind = 'vit' | 'cnn';

export interface TrainerPort {
  train(args: TrainArgs, signal: AbortSignal, onProgress: (p: TrainProgress) => void): Promise<TrainResult>;
}

/** What a run reports through (the RunController's handle). */
export interface RunLike {
  readonly signal: AbortSignal;
  progress(fraction: number | null, label?: string): void;
  draw(): void;
}

export interface Curve {
  steps: number[];
  losses: number[];
  evalSteps: number[];
  accuracy: number[];
}

const emptyCurve = (): Curve => ({ steps: [], losses: [], evalSteps: [], accuracy: [] });

/** The shipped sample images: eight from a fixed seed, the same in every build. */
export const SAMPLE_SEED = 2026;
export const PROBE = [0, 1, 2, 3];
export const EVAL_EVERY = 50;

export class VitSession {
  readonly samples: ShapeSet = generateShapes({
    count: 8,
    size: DEFAULT_TRAINING.imageSize,
    seed: SAMPLE_SEED,
  });
  curves: Record<ModelKind, Curve> = { vit: emptyCurve(), cnn: emptyCurve() };
  evaluations: Record<ModelKind, Evaluation | null> = { vit: null, cnn: null };
  parameters: Partial<Record<ModelKind, number>> = {};
  backend = '';
  /** Tensors the trainer held beyond its baseline after the last finished run (0: nothing leaked). */
  tensorsLeft: number | null = null;
  /** Test accuracy by model and training-set size, from the last sweep. */
  comparison: { model: ModelKind; size: number; accuracy: number }[] = [];
  /** The image shown: a shipped sample, or the user's own (already downscaled to 16×16). */
  userImage: ImageData3 | null = null;
  private sinusoidalCache: { grid: number; map: number[][] } | null = null;
  private probeCache: { seed: number; images: ImageData3[] } | null = null;

  constructor(
    readonly store: SettingsStore<typeof VIT_SETTINGS>,
    private readonly port: TrainerPort,
    /** Fixed changes to every run's options (the Node tests shrink the test set). */
    private readonly overrides: Partial<TrainingOptions> = {},
  ) {}

  get settings(): VitSettings {
    return this.store.values;
  }

  get patchSize(): number {
    return Number(this.settings.patch);
  }

  image(): ImageData3 {
    return this.userImage ?? shapeImage(this.samples, this.settings.sample);
  }

  /** The token sequence the transformer reads: one row per patch, in grid order. */
  tokens(): number[][] {
    return patchify(this.image(), this.patchSize);
  }

  get grid(): number {
    return DEFAULT_TRAINING.imageSize / this.patchSize;
  }

  /** Cosine similarity of the fixed 2-D sinusoidal embeddings of the patch positions (kept per grid). */
  sinusoidalSimilarity(): number[][] {
    const grid = this.grid;
    if (this.sinusoidalCache?.grid !== grid)
      this.sinusoidalCache = {
        grid,
        map: cosineSimilarityMap(sinusoidalPositionEmbedding2d(grid, grid, DEFAULT_TRAINING.dModel)),
      };
    return this.sinusoidalCache.map;
  }

  /** The names of the classes the run's labels stand for. */
  classNames(): readonly string[] {
    return this.settings.task === 'where' ? WHERE_CLASSES : SHAPE_CLASSES;
  }

  /** The probe test images the attention maps are drawn over (redrawn from the run's test seed). */
  probeImages(): ImageData3[] {
    const seed = this.settings.seed;
    if (this.probeCache?.seed !== seed) {
      const set = generateShapes({
        count: PROBE.length,
        size: DEFAULT_TRAINING.imageSize,
        seed: shapeSetSeeds(seed).test,
      });
      this.probeCache = { seed, images: PROBE.map((i) => shapeImage(set, i)) };
    }
    return this.probeCache.images;
  }

  options(
    model: ModelKind,
    trainSize = this.settings.trainSize,
    steps = this.settings.steps,
  ): TrainingOptions {
    const s = this.settings;
    return {
      ...DEFAULT_TRAINING,
      model,
      patchSize: this.patchSize,
      positions: s.positions === 'sinusoidal' ? 'sinusoidal' : 'learned',
      task: s.task === 'where' ? 'where' : 'shape',
      trainSize,
      steps,
      learningRate: s.lr,
      seed: s.seed,
      ...this.overrides,
    };
  }

  /** Forgets every result (a rebuild setting changed, or Reset). */
  rebuild(): void {
    this.curves = { vit: emptyCurve(), cnn: emptyCurve() };
    this.evaluations = { vit: null, cnn: null };
    this.parameters = {};
    this.comparison = [];
  }

  private async trainOne(
    model: ModelKind,
    options: TrainingOptions,
    r: RunLike,
    onStep: (step: number) => void,
  ): Promise<TrainResult> {
    const curve = (this.curves[model] = emptyCurve());
    this.evaluations[model] = null;
    const result = await this.port.train({ options, evalEvery: EVAL_EVERY, probe: PROBE }, r.signal, (p) => {
      if (p.type === 'model') {
        this.backend = p.backend;
        this.parameters[model] = p.parameterCount;
      } else if (p.type === 'snapshots') {
        for (const s of p.snapshots) {
          curve.steps.push(s.step);
          curve.losses.push(s.loss);
        }
        onStep(p.snapshots.at(-1)!.step);
      } else {
        curve.evalSteps.push(p.evaluation.step);
        curve.accuracy.push(p.evaluation.testAccuracy);
        this.evaluations[model] = p.evaluation;
      }
      r.draw();
    });
    this.tensorsLeft = result.leaked;
    return result;
  }

  /** Run: the ViT on the settings' data, then (if chosen) the CNN on the same data and steps. */
  async train(r: RunLike): Promise<void> {
    const models: ModelKind[] = this.settings.withCnn ? ['vit', 'cnn'] : ['vit'];
    this.rebuild();
    const steps = this.settings.steps;
    for (const [i, model] of models.entries()) {
      await this.trainOne(model, this.options(model), r, (step) =>
        r.progress(
          (i + step / steps) / models.length,
          `${model === 'vit' ? 'ViT' : 'CNN'} step ${step}/${steps}`,
        ),
      );
    }
  }

  /** Both models at each training-set size, `compareSteps` steps each; test accuracy recorded as they finish. */
  async compare(r: RunLike): Promise<void> {
    this.comparison = [];
    const runs = COMPARE_SIZES.flatMap((size) => (['vit', 'cnn'] as const).map((model) => ({ size, model })));
    const steps = this.settings.compareSteps;
    for (const [i, { size, model }] of runs.entries()) {
      const result = await this.port.train(
        { options: this.options(model, size, steps), evalEvery: steps, probe: [] },
        r.signal,
        (p) => {
          if (p.type === 'snapshots')
            r.progress((i + p.snapshots.at(-1)!.step / steps) / runs.length, `${model} on ${size} images`);
        },
      );
      this.tensorsLeft = result.leaked;
      this.comparison.push({ model, size, accuracy: result.testAccuracy });
      r.draw();
    }
  }

  metrics(): Metrics {
    const m: Metrics = {};
    for (const model of ['vit', 'cnn'] as const) {
      const c = this.curves[model];
      if (c.accuracy.length) m[`${model}TestAccuracy`] = c.accuracy.at(-1)!;
      if (c.losses.length) m[`${model}Loss`] = c.losses.at(-1)!;
      if (this.parameters[model]) m[`${model}Parameters`] = this.parameters[model];
    }
    for (const c of this.comparison) m[`${c.model}@${c.size}`] = c.accuracy;
    if (this.backend) m.backend = this.backend;
    if (this.tensorsLeft !== null) m.tensorsLeft = this.tensorsLeft;
    return m;
  }
}

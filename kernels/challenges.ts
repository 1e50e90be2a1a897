// The open problems of question 13, each as a small seeded experiment on challenges-model.ts' classifier:
// distribution shift (trained on one rotation of a 2-D data set, accuracy against the shift angle), an
// adversarial perturbation (FGSM: accuracy against ε), shortcut learning (a spurious feature that agrees
// with the label in training and not at test) and efficiency against accuracy (hidden width against test
// accuracy). Plus the pieces they are built from: rotation, the FGSM sign step, the data. Plain data in and
// out; every loop yields through the classifier's TimeSlicer. No DOM.
//
// Example: const c = await shiftCurve({ seed: 1, hidden: 16, steps: 300, noise: 0.15, maxAngle: 180 });
import { createRng } from '../src/runtime/rng';
import {
  accuracy,
  createClassifier,
  lossAndGrads,
  parameterCount,
  predictLabels,
  trainClassifier,
  type TrainOptions,
} from './challenges-model';
import { DATASET_KINDS, makeDataset, type DatasetKind } from './datasets2d';
import { checkInt, checkRange } from './nn/index';

/** Rows of 2-D points rotated by `degrees` (counter-clockwise) about (cx, cy). */
export function rotatePoints(xy: ArrayLike<number>, degrees: number, cx = 0, cy = 0): Float64Array {
  if (xy.length % 2 !== 0) throw new Error(`xy must hold x, y pairs (an even length), got ${xy.length}`);
  if (!Number.isFinite(degrees)) throw new Error(`degrees must be finite, got ${degrees}`);
  const t = (degrees * Math.PI) / 180;
  const [c, s] = [Math.cos(t), Math.sin(t)];
  const out = new Float64Array(xy.length);
  for (let k = 0; k < xy.length; k += 2) {
    const [dx, dy] = [xy[k]! - cx, xy[k + 1]! - cy];
    out[k] = cx + c * dx - s * dy;
    out[k + 1] = cy + s * dx + c * dy;
  }
  return out;
}

/** FGSM: x + ε · sign(∂ℓ/∂x), element by element (sign 0 leaves the element alone). */
export function fgsmStep(x: ArrayLike<number>, grad: ArrayLike<number>, eps: number): Float64Array {
  if (x.length !== grad.length)
    throw new Error(`x and grad must have the same length, got ${x.length} and ${grad.length}`);
  checkRange('eps', eps, 0, 100);
  return Float64Array.from(x, (v, k) => v + eps * Math.sign(grad[k]!));
}

/** A 2-D data set as flat rows and 0/1 labels. */
export interface FlatData {
  x: Float64Array;
  y: Uint8Array;
  n: number;
}

/** makeDataset's points, flattened, labels +1 → 1 and −1 → 0. */
export function flatDataset(kind: DatasetKind, n: number, noise: number, seed: number): FlatData {
  const d = makeDataset(kind, { n, noise, seed });
  return { x: Float64Array.from(d.xs.flat()), y: Uint8Array.from(d.ys, (v) => (v > 0 ? 1 : 0)), n };
}

function centroid(x: Float64Array): [number, number] {
  let [sx, sy] = [0, 0];
  for (let k = 0; k < x.length; k += 2) [sx, sy] = [sx + x[k]!, sy + x[k + 1]!];
  return [(2 * sx) / x.length, (2 * sy) / x.length];
}

/** Evenly spaced values from 0 to max, `count` of them. */
function grid(max: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => (max * i) / (count - 1));
}

const TRAIN_N = 300;
const TEST_N = 600;
const LR = 0.05;

type Slicing = Pick<TrainOptions, 'signal' | 'yieldFn' | 'budgetMs'>;

export interface ShiftOptions extends Slicing {
  seed: number;
  hidden: number;
  steps: number;
  noise: number;
  /** Largest rotation of the test set, degrees (0..180]. */
  maxAngle: number;
  /** How many angles from 0 to maxAngle (default 13). */
  points?: number;
}

export interface Curve {
  x: number[];
  accuracy: number[];
}

/** Two moons: train at 0°, then test on fresh points rotated about the training centroid by each angle. */
export async function shiftCurve(o: ShiftOptions): Promise<Curve & { trainAccuracy: number }> {
  checkRange('maxAngle', o.maxAngle, 0, 180, '(]');
  const train = flatDataset('moons', TRAIN_N, o.noise, o.seed);
  const test = flatDataset('moons', TEST_N, o.noise, o.seed + 1);
  const net = createClassifier(2, o.hidden, o.seed);
  await trainClassifier(net, train.x, train.y, train.n, { ...o, lr: LR });
  const [cx, cy] = centroid(train.x);
  const x = grid(o.maxAngle, o.points ?? 13);
  const acc = x.map((deg) => accuracy(predictLabels(net, rotatePoints(test.x, deg, cx, cy), TEST_N), test.y));
  return { x, accuracy: acc, trainAccuracy: accuracy(predictLabels(net, train.x, train.n), train.y) };
}

export interface FgsmOptions extends Slicing {
  seed: number;
  hidden: number;
  steps: number;
  noise: number;
  /** Largest ε, in input units (the moons span about 3 × 1.5). */
  maxEps: number;
  points?: number;
}

/** Two moons: accuracy on test points moved by FGSM at each ε, beside the same size of random-sign noise. */
export async function fgsmCurve(o: FgsmOptions): Promise<Curve & { randomAccuracy: number[] }> {
  checkRange('maxEps', o.maxEps, 0, 5, '(]');
  const train = flatDataset('moons', TRAIN_N, o.noise, o.seed);
  const test = flatDataset('moons', TEST_N, o.noise, o.seed + 1);
  const net = createClassifier(2, o.hidden, o.seed);
  await trainClassifier(net, train.x, train.y, train.n, { ...o, lr: LR });
  const { inputGrad } = lossAndGrads(net, test.x, test.y, TEST_N);
  const rng = createRng(o.seed + 2);
  const randomSign = Float64Array.from(inputGrad, () => (rng.uniform() < 0.5 ? -1 : 1));
  const x = grid(o.maxEps, o.points ?? 11);
  const at = (dir: Float64Array) =>
    x.map((eps) => accuracy(predictLabels(net, fgsmStep(test.x, dir, eps), TEST_N), test.y));
  return { x, accuracy: at(inputGrad), randomAccuracy: at(randomSign) };
}

export interface ShortcutOptions extends Slicing {
  seed: number;
  steps: number;
  /** Share of training examples whose spurious feature agrees with the label, [0.5, 1]. */
  agree: number;
  /** Size of the spurious feature, [0, 3]. */
  scale: number;
}

/**
 * Two overlapping Gaussian blobs (class means ±(1, 0.5), unit variance: about 87% separable by the real
 * features) plus a third, spurious feature ±scale that agrees with the label in a share `agree` of the
 * training set and is a coin flip at test. `scale` = 0 removes it (the control).
 */
export function shortcutData(n: number, agree: number, scale: number, seed: number): FlatData {
  checkInt('n', n, 2, 100_000);
  checkRange('agree', agree, 0, 1);
  checkRange('scale', scale, 0, 3);
  const rng = createRng(seed);
  const x = new Float64Array(3 * n);
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const sign = label === 1 ? 1 : -1;
    y[i] = label;
    x[3 * i] = sign + rng.normal();
    x[3 * i + 1] = 0.5 * sign + rng.normal();
    x[3 * i + 2] = scale * (rng.uniform() < agree ? sign : -sign);
  }
  return { x, y, n };
}

export interface ShortcutResult {
  trainAccuracy: number;
  testAccuracy: number;
  /** The same logistic model trained without the spurious feature, on the same test points. */
  controlTestAccuracy: number;
  /** The logistic weights on the two real features and on the spurious one. */
  weights: [number, number, number];
  /** |w_spurious| / (|w₁| + |w₂| + |w_spurious|). */
  spuriousShare: number;
}

/** A logistic model trained with the shortcut, and a control trained without it, both tested without it. */
export async function shortcutExperiment(o: ShortcutOptions): Promise<ShortcutResult> {
  checkRange('agree', o.agree, 0.5, 1);
  const train = shortcutData(TRAIN_N, o.agree, o.scale, o.seed);
  const test = shortcutData(TEST_N, 0.5, o.scale, o.seed + 1);
  const net = createClassifier(3, 0, o.seed);
  await trainClassifier(net, train.x, train.y, train.n, { ...o, lr: LR });
  const control = createClassifier(3, 0, o.seed);
  const strip = (d: FlatData) => Float64Array.from(d.x, (v, k) => (k % 3 === 2 ? 0 : v));
  await trainClassifier(control, strip(train), train.y, train.n, { ...o, lr: LR });
  const w: [number, number, number] = [net.params[0]!, net.params[1]!, net.params[2]!];
  const total = Math.abs(w[0]) + Math.abs(w[1]) + Math.abs(w[2]);
  return {
    trainAccuracy: accuracy(predictLabels(net, train.x, train.n), train.y),
    testAccuracy: accuracy(predictLabels(net, test.x, test.n), test.y),
    controlTestAccuracy: accuracy(predictLabels(control, strip(test), test.n), test.y),
    weights: w,
    spuriousShare: total > 0 ? Math.abs(w[2]) / total : 0,
  };
}

export interface EfficiencyOptions extends Slicing {
  seed: number;
  steps: number;
  noise: number;
  kind: DatasetKind;
  /** The hidden widths to train, each 1..256. */
  widths: readonly number[];
}

export interface EfficiencyCurve {
  widths: number[];
  parameters: number[];
  /** Multiply-adds per prediction (one per weight). */
  multiplyAdds: number[];
  accuracy: number[];
}

/** One tanh MLP per hidden width on the chosen 2-D data set: parameters and test accuracy. */
export async function efficiencyCurve(o: EfficiencyOptions): Promise<EfficiencyCurve> {
  if (!DATASET_KINDS.includes(o.kind)) throw new Error(`kind must be one of ${DATASET_KINDS.join(', ')}`);
  if (o.widths.length === 0) throw new Error('widths must list at least one width');
  o.widths.forEach((w, i) => checkInt(`widths[${i}]`, w, 1, 256));
  const train = flatDataset(o.kind, TRAIN_N, o.noise, o.seed);
  const test = flatDataset(o.kind, TEST_N, o.noise, o.seed + 1);
  const out: EfficiencyCurve = { widths: [], parameters: [], multiplyAdds: [], accuracy: [] };
  for (const width of o.widths) {
    const net = createClassifier(2, width, o.seed);
    await trainClassifier(net, train.x, train.y, train.n, { ...o, lr: LR });
    out.widths.push(width);
    out.parameters.push(parameterCount(net));
    out.multiplyAdds.push(2 * width + width);
    out.accuracy.push(accuracy(predictLabels(net, test.x, test.n), test.y));
  }
  return out;
}

// Diffusion (question 12): the default recipe's training time and sample quality, and the engines compared.
//  1. One training step of the default network (6,290 parameters, batch 128, Adam) on three engines: the
//     fused typed-array loops (the default), tfjs-core on the CPU backend and on the WASM backend; measured
//     in alternating rounds so a busy machine slows all alike; the first losses must agree.
//  2. The default recipe (swiss roll, T = 1000 linear, 2500 steps of 128) trained on the typed-array engine,
//     wall-clock, with the machine's load average (other work on these 2 cores slows it).
//  3. Its samples' quality: energy distance of n = 2000 generated points to 2000 held-out points (mean of 3
//     sampling seeds), against the floor (fresh data vs the held-out data, mean of 8 draws) and N(0, I).
//     Goals (issue #7): training ≤ 30 s; distance ≤ 3× the floor and < 10% of noise-vs-data.
//  4. For scale: one step of a tiny-diffusion-sized net (~62k parameters, batch 32) on the typed-array
//     engine, extrapolated to that recipe's 50k steps.
//
//  5. With --train-seeds=1,2,3,4,5: only the default recipe trained once per listed seed (the seed of the
//     initial weights and of the batches), each one's training time and its ddpm-100 distance × the floor.
//  6. With --engine-batches=128,1024,4096: only item 1 at each listed batch size.
//
// Run: npx tsx scripts/bench-diffusion.ts [--kind=swissroll|moons|gaussians8|rings] [--steps=N]
//      npx tsx scripts/bench-diffusion.ts --train-seeds=1,2,3,4,5
//      npx tsx scripts/bench-diffusion.ts --engine-batches=128,1024,4096
//      (prints tables and one line `BENCH_JSON {…}`)
import { createRequire } from 'node:module';
import { loadavg } from 'node:os';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import {
  BatchSampler,
  DEFAULT_TRAINING,
  Denoiser,
  TOY_DATA_KINDS,
  energyDistance,
  lossAndGradients,
  makeToyData,
  noiseSchedule,
  qualityReference,
  sampleDiffusion,
  trainDenoiser,
  DenoiserAdam,
  type SamplerMethod,
  type ToyDataKind,
} from '../kernels/diffusion/index';
import { TfDenoiser } from '../kernels/diffusion/tf-trainer';

// tfjs-core's gradient registrations exist only as ES modules with directory imports, which Node's ESM
// loader refuses; tsx's CommonJS loader resolves them (as in bench-mlp.ts).
createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');

const kindArg = process.argv.find((a) => a.startsWith('--kind='))?.slice(7) ?? 'swissroll';
if (!TOY_DATA_KINDS.includes(kindArg as ToyDataKind))
  throw new Error(`--kind must be one of ${TOY_DATA_KINDS.join(', ')}`);
const KIND = kindArg as ToyDataKind;
const stepsArg = process.argv.find((a) => a.startsWith('--steps='))?.slice(8);
/** Training steps: the default recipe's unless --steps=N asks for another (to map quality against time). */
const STEPS = stepsArg ? Number(stepsArg) : DEFAULT_TRAINING.steps;
if (!Number.isInteger(STEPS) || STEPS < 1)
  throw new Error(`--steps must be a positive integer, got ${stepsArg}`);
const engineBatchesArg = process.argv.find((a) => a.startsWith('--engine-batches='))?.slice(17);
/** Batch sizes for the engine comparison alone (item 6), or null for the full bench. */
const ENGINE_BATCHES = engineBatchesArg ? engineBatchesArg.split(',').map(Number) : null;
if (ENGINE_BATCHES && !ENGINE_BATCHES.every((b) => Number.isInteger(b) && b >= 1 && b <= 4096))
  throw new Error(`--engine-batches must list batch sizes in 1..4096, got ${engineBatchesArg}`);
const trainSeedsArg = process.argv.find((a) => a.startsWith('--train-seeds='))?.slice(14);
/** Training seeds for the seed sweep (item 5), or null for the full bench. */
const TRAIN_SEEDS = trainSeedsArg ? trainSeedsArg.split(',').map(Number) : null;
if (TRAIN_SEEDS && !TRAIN_SEEDS.every((s) => Number.isInteger(s)))
  throw new Error(`--train-seeds must list integers, got ${trainSeedsArg}`);
const T = 1000;
const SEED = 1;
const N_EVAL = 2000;
const schedule = noiseSchedule(T, 'linear');
const data = makeToyData(KIND, 8000, SEED);
const load = () => loadavg()[0].toFixed(2);

function median(samples: number[]): number {
  const s = samples.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Median ms per step of typed arrays, tfjs-cpu and tfjs-wasm on the same batches, in alternating rounds. */
async function engineTimings(batchSize = DEFAULT_TRAINING.batchSize) {
  const batch = new BatchSampler(data, schedule, batchSize, 3);
  /** Timed steps per engine per round: 25 at batch 128, fewer for bigger batches (at least 3). */
  const perRound = Math.max(3, Math.round((25 * 128) / batchSize));
  const typedNet = new Denoiser({ T, seed: SEED });
  const adam = new DenoiserAdam(typedNet.parameterCount);
  const typedStep = () => {
    batch.next();
    const loss = lossAndGradients(typedNet, batch);
    adam.step(typedNet.params, typedNet.grads, 1e-3);
    return loss;
  };
  batch.next();
  const firstTyped = lossAndGradients(new Denoiser({ T, seed: SEED }), batch);
  const engines: Record<string, { step: () => Promise<number>; times: number[]; first: number }> = {
    typed: { step: async () => typedStep(), times: [], first: firstTyped },
  };
  const models: TfDenoiser[] = [];
  for (const backend of ['cpu', 'wasm'] as const) {
    await tf.setBackend(backend);
    const model = new TfDenoiser(tf, new Denoiser({ T, seed: SEED }));
    models.push(model);
    const first = (await model.lossAndGradients(batch)).loss;
    engines[`tfjs-${backend}`] = {
      step: async () => {
        await tf.setBackend(backend);
        batch.next();
        return model.step(batch, 1e-3);
      },
      times: [],
      first,
    };
  }
  // Warm-up, then 6 alternating rounds.
  for (const e of Object.values(engines)) for (let k = 0; k < Math.min(20, perRound); k++) await e.step();
  for (let round = 0; round < 6; round++) {
    for (const e of Object.values(engines)) {
      // Backend switch outside the timing.
      await e.step();
      for (let k = 0; k < perRound; k++) {
        const start = performance.now();
        await e.step();
        e.times.push(performance.now() - start);
      }
    }
  }
  for (const [i, model] of models.entries()) {
    await tf.setBackend(i === 0 ? 'cpu' : 'wasm');
    model.dispose();
  }
  return Object.fromEntries(
    Object.entries(engines).map(([name, e]) => [name, { ms: median(e.times), first: e.first }]),
  );
}

async function trainDefault(seed = SEED): Promise<{
  net: Denoiser;
  seconds: number;
  /** Process CPU time (user + system) of the training: less sensitive than wall-clock to other work. */
  cpuSeconds: number;
  loadBefore: string;
  loadAfter: string;
  finalLoss: number;
}> {
  const net = new Denoiser({ T, seed });
  const loadBefore = load();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  let tail = 0;
  for await (const s of trainDenoiser(net, data, schedule, { seed, steps: STEPS })) {
    if (s.step > STEPS - 200) tail += s.loss / 200;
  }
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { net, seconds, cpuSeconds, loadBefore, loadAfter: load(), finalLoss: tail };
}

async function sampleDistance(
  net: Denoiser,
  heldOut: Float64Array,
  method: SamplerMethod,
  steps: number,
  seeds: number[],
) {
  const distances: number[] = [];
  const start = performance.now();
  for (const seed of seeds) {
    let x: Float64Array = new Float64Array(0);
    const predict = (xt: Float64Array, t: number, out: Float64Array) => void net.predict(xt, t, out);
    for await (const f of sampleDiffusion(predict, schedule, {
      n: N_EVAL,
      method,
      steps,
      seed,
      budgetMs: 1e9,
    }))
      x = f.x;
    distances.push(energyDistance(x, heldOut));
  }
  return {
    distance: distances.reduce((a, b) => a + b, 0) / distances.length,
    each: distances,
    secondsPerRun: (performance.now() - start) / 1000 / seeds.length,
  };
}

/** ms per typed-array step of a ~62k-parameter net (hidden 128 × 4, 32 time and 8 octaves of x features). */
function tinyDiffusionScale(): { params: number; ms: number } {
  const net = new Denoiser({ T, seed: 1, hidden: 128, layers: 4, timeFeatures: 64, xFrequencies: 8 });
  const batch = new BatchSampler(data, schedule, 32, 1);
  const adam = new DenoiserAdam(net.parameterCount);
  const times: number[] = [];
  for (let k = 0; k < 220; k++) {
    const start = performance.now();
    batch.next();
    lossAndGradients(net, batch);
    adam.step(net.params, net.grads, 1e-3);
    if (k >= 20) times.push(performance.now() - start);
  }
  return { params: net.parameterCount, ms: median(times) };
}

/** Item 5: the default recipe per training seed, its time and its ddpm-100 distance against the floor. */
async function seedSweep(seeds: number[]): Promise<void> {
  console.log(`diffusion seed sweep: ${KIND}, T = ${T} linear, load average ${load()} (2 cores)`);
  const ref = await qualityReference(KIND, N_EVAL, 1000, { draws: 8 });
  console.log(`floor ${ref.floor.toFixed(5)}, N(0, I) vs held-out ${ref.noise.toFixed(5)}`);
  console.log(
    `${'seed'.padEnd(6)}${'train s'.padStart(9)}${'cpu s'.padStart(7)}${'load'.padStart(13)}${'distance'.padStart(10)}${'× floor'.padStart(9)}`,
  );
  const rows: {
    seed: number;
    trainSeconds: number;
    trainCpuSeconds: number;
    distance: number;
    timesFloor: number;
  }[] = [];
  for (const seed of seeds) {
    const trained = await trainDefault(seed);
    const q = await sampleDistance(trained.net, ref.heldOut, 'ddpm', 100, [5, 6, 7]);
    const row = {
      seed,
      trainSeconds: +trained.seconds.toFixed(2),
      trainCpuSeconds: +trained.cpuSeconds.toFixed(2),
      distance: q.distance,
      timesFloor: +(q.distance / ref.floor).toFixed(3),
    };
    rows.push(row);
    console.log(
      `${String(seed).padEnd(6)}${trained.seconds.toFixed(1).padStart(9)}${trained.cpuSeconds.toFixed(1).padStart(7)}${`${trained.loadBefore}→${trained.loadAfter}`.padStart(13)}` +
        `${q.distance.toFixed(5).padStart(10)}${row.timesFloor.toFixed(2).padStart(9)}`,
    );
  }
  console.log(
    `all within 3× the floor: ${rows.every((r) => r.timesFloor <= 3)}; median train ${median(rows.map((r) => r.trainSeconds)).toFixed(1)} s`,
  );
  console.log(`BENCH_JSON ${JSON.stringify({ kind: KIND, steps: STEPS, floor: ref.floor, seeds: rows })}`);
}

/** Item 6: one training step on each engine at several batch sizes (where, if anywhere, tfjs wins). */
async function engineSweep(batches: number[]): Promise<void> {
  console.log(`diffusion engines by batch size: default net, load average ${load()} (2 cores)`);
  console.log(
    `${'batch'.padEnd(7)}${'typed ms'.padStart(10)}${'tfjs-cpu ms'.padStart(13)}${'tfjs-wasm ms'.padStart(14)}  first losses`,
  );
  const rows: Record<string, Record<string, number>> = {};
  for (const b of batches) {
    const e = await engineTimings(b);
    const agree = Object.values(e).every((v) => Math.abs(v.first / e.typed.first - 1) < 1e-5);
    rows[b] = Object.fromEntries(Object.entries(e).map(([k, v]) => [k, +v.ms.toFixed(3)]));
    console.log(
      `${String(b).padEnd(7)}${e.typed.ms.toFixed(2).padStart(10)}${e['tfjs-cpu'].ms.toFixed(2).padStart(13)}` +
        `${e['tfjs-wasm'].ms.toFixed(2).padStart(14)}  ${agree ? 'agree' : 'DISAGREE'} (rel 1e-5)`,
    );
  }
  console.log(`BENCH_JSON ${JSON.stringify({ load: load(), stepMsByBatch: rows })}`);
}

async function main(): Promise<void> {
  if (TRAIN_SEEDS) return seedSweep(TRAIN_SEEDS);
  if (ENGINE_BATCHES) return engineSweep(ENGINE_BATCHES);
  console.log(`diffusion bench: ${KIND}, T = ${T} linear, load average ${load()} (2 cores)`);
  const engines = await engineTimings();
  console.log(
    `\none training step, default net (${new Denoiser({ T, seed: 1 }).parameterCount} parameters), batch ${DEFAULT_TRAINING.batchSize}`,
  );
  console.log(`${'engine'.padEnd(14)}${'median ms'.padStart(11)}${'first loss'.padStart(13)}`);
  for (const [name, e] of Object.entries(engines))
    console.log(`${name.padEnd(14)}${e.ms.toFixed(2).padStart(11)}${e.first.toFixed(6).padStart(13)}`);
  const agree = Object.values(engines).every((e) => Math.abs(e.first / engines.typed.first - 1) < 1e-5);
  console.log(`first losses ${agree ? 'agree' : 'DISAGREE'} (rel 1e-5)`);

  const trained = await trainDefault();
  console.log(
    `\n${STEPS === DEFAULT_TRAINING.steps ? 'default recipe' : 'recipe with --steps'}: ${STEPS} steps of ${DEFAULT_TRAINING.batchSize} on typed arrays: ${trained.seconds.toFixed(1)} s ` +
      `(${((1000 * trained.seconds) / STEPS).toFixed(2)} ms/step; CPU ${trained.cpuSeconds.toFixed(1)} s; load ${trained.loadBefore} → ${trained.loadAfter}); ` +
      `loss over the last 200 steps ${trained.finalLoss.toFixed(4)}`,
  );

  const ref = await qualityReference(KIND, N_EVAL, 1000, { draws: 8 });
  console.log(
    `\nquality, n = ${N_EVAL}: floor (fresh data vs held-out, mean of 8) ${ref.floor.toFixed(5)} ` +
      `[${ref.floorRange.map((v) => v.toFixed(5)).join(' … ')}], N(0, I) vs held-out ${ref.noise.toFixed(5)}`,
  );
  console.log(
    `${'sampler'.padEnd(12)}${'distance'.padStart(10)}${'× floor'.padStart(9)}${'% noise'.padStart(9)}${'s/run'.padStart(8)}  each seed`,
  );
  const plans: [SamplerMethod, number, number[]][] = [
    ['ddpm', 100, [5, 6, 7]],
    ['ddim', 50, [5, 6, 7]],
    ['ddpm', 1000, [5]],
  ];
  const quality: Record<
    string,
    { distance: number; timesFloor: number; percentOfNoise: number; secondsPerRun: number }
  > = {};
  for (const [method, steps, seeds] of plans) {
    const q = await sampleDistance(trained.net, ref.heldOut, method, steps, seeds);
    const row = {
      distance: q.distance,
      timesFloor: q.distance / ref.floor,
      percentOfNoise: (100 * q.distance) / ref.noise,
      secondsPerRun: q.secondsPerRun,
    };
    quality[`${method}-${steps}`] = row;
    console.log(
      `${`${method}-${steps}`.padEnd(12)}${q.distance.toFixed(5).padStart(10)}${row.timesFloor.toFixed(2).padStart(9)}` +
        `${row.percentOfNoise.toFixed(2).padStart(9)}${q.secondsPerRun.toFixed(2).padStart(8)}  ${q.each.map((d) => d.toFixed(5)).join(' ')}`,
    );
  }
  const main = quality['ddpm-100'];
  const goals = {
    trainUnder30s: trained.seconds <= 30,
    within3xFloor: main.timesFloor <= 3,
    under10PercentOfNoise: main.percentOfNoise < 10,
  };
  console.log(`goals (cell default sampler ddpm-100): ${JSON.stringify(goals)}`);

  const tiny = tinyDiffusionScale();
  console.log(
    `\nfor scale: a ${tiny.params}-parameter net at batch 32 on typed arrays: ${tiny.ms.toFixed(2)} ms/step → ` +
      `50k steps ≈ ${((tiny.ms * 50_000) / 60_000).toFixed(1)} min`,
  );
  console.log(
    `BENCH_JSON ${JSON.stringify({
      kind: KIND,
      steps: STEPS,
      load: load(),
      stepMs: Object.fromEntries(Object.entries(engines).map(([k, v]) => [k, +v.ms.toFixed(3)])),
      trainSeconds: +trained.seconds.toFixed(2),
      trainCpuSeconds: +trained.cpuSeconds.toFixed(2),
      floor: ref.floor,
      noise: ref.noise,
      quality,
      goals,
      tinyDiffusionScale: { params: tiny.params, msPerStep: +tiny.ms.toFixed(2) },
    })}`,
  );
}

await main();

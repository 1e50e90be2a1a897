// The MLP ablation family and the runner: the typed-array MLP's gradient against central finite differences
// (every arm: tanh or ReLU, one or two hidden layers, L2 on or off), its loss against a float64 reference
// written here, each change's effect on the model, the runner's per-arm results against each arm run alone
// (bit for bit), the tuning budget's choice, convergence once on the default settings, and bad specs.
import { describe, expect, it } from 'vitest';
import { AblationMlp, MLP_FAMILY, MLP_L2, mlpSplits } from '../../../kernels/ablation-mlp';
import { chooseTrial, runAblation, runArm, type AblationArm } from '../../../kernels/ablation';

const instant = () => Promise.resolve();
const loop = { yieldFn: instant };

/** Hinge loss + L2 of the net, recomputed from its parameters by plain loops (the reference). */
function referenceLoss(net: AblationMlp, xs: Float64Array, ys: Float64Array, n: number): number {
  const act = net.activation === 'tanh' ? Math.tanh : (z: number) => Math.max(0, z);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let h = [xs[2 * i]!, xs[2 * i + 1]!];
    net.layers.forEach((d, l) => {
      const out: number[] = [];
      for (let j = 0; j < d.nout; j++) {
        let z = net.params[d.b + j]!;
        for (let k = 0; k < d.nin; k++) z += net.params[d.w + j * d.nin + k]! * h[k]!;
        out.push(l === net.layers.length - 1 ? z : act(z));
      }
      h = out;
    });
    loss += Math.max(0, 1 - ys[i]! * h[0]!);
  }
  let sq = 0;
  for (const p of net.params) sq += p * p;
  return loss / n + net.l2 * sq;
}

describe('the MLP family', () => {
  const { train } = mlpSplits(3);
  const n = 20;
  for (const changes of [[], ['relu'], ['no-hidden2'], ['no-l2'], ['relu', 'no-hidden2', 'no-l2']]) {
    it(`matches the reference loss and finite differences (${changes.join(', ') || 'full'})`, () => {
      const net = new AblationMlp({ changes, seed: 3 });
      for (let k = 0; k < net.params.length; k++) net.params[k]! += 0.3 * Math.sin(k); // biases off zero
      const loss = net.lossAndGrad(train.xs, train.ys, n);
      expect(Math.abs(loss - referenceLoss(net, train.xs, train.ys, n))).toBeLessThan(1e-12);
      const g = net.grads.slice();
      const h = 1e-6;
      for (let k = 0; k < net.params.length; k++) {
        const p = net.params[k]!;
        net.params[k] = p + h;
        const up = referenceLoss(net, train.xs, train.ys, n);
        net.params[k] = p - h;
        const down = referenceLoss(net, train.xs, train.ys, n);
        net.params[k] = p;
        // Kinks (hinge, ReLU) can sit inside ±h for a point; none does here at this seed.
        expect(Math.abs(g[k]! - (up - down) / (2 * h))).toBeLessThan(1e-6);
      }
    });
  }

  it('each change changes the model it says', () => {
    const full = new AblationMlp({ changes: [], seed: 1 });
    expect(full.widths).toEqual([2, 16, 16, 1]);
    expect([full.activation, full.l2]).toEqual(['tanh', MLP_L2]);
    expect(new AblationMlp({ changes: ['no-hidden2'], seed: 1 }).widths).toEqual([2, 16, 1]);
    expect(new AblationMlp({ changes: ['relu'], seed: 1 }).activation).toBe('relu');
    expect(new AblationMlp({ changes: ['no-l2'], seed: 1 }).l2).toBe(0);
    // The same seed gives every arm the same first layer (pairing by seed shares the initialisation).
    const short = new AblationMlp({ changes: ['no-hidden2'], seed: 1 });
    expect(short.params.subarray(0, 48)).toEqual(full.params.subarray(0, 48));
    expect(() => new AblationMlp({ changes: ['dropout'], seed: 1 })).toThrow('unknown MLP change "dropout"');
  });

  it('learns the moons on the default settings (once, 300 steps)', async () => {
    const r = await MLP_FAMILY.train({ changes: [], seed: 1, lr: 0.3, steps: 300, tick: instant });
    expect(r.test).toBeGreaterThan(0.85);
    expect(r.validation).toBeGreaterThan(0.85);
  });
});

describe('the ablation runner', () => {
  const arms: AblationArm[] = [
    { name: 'full', changes: [] },
    { name: 'relu', changes: ['relu'] },
    { name: 'shallow, no L2', changes: ['no-hidden2', 'no-l2'] },
  ];
  const spec = { arms, seeds: [4, 5], lrs: [0.1, 0.5], steps: 40 };

  it('gives each arm the results it gets alone, bit for bit', async () => {
    const reported: string[] = [];
    const all = await runAblation(MLP_FAMILY, spec, {
      ...loop,
      onRun: (r, done, total) => reported.push(`${r.arm}/${r.seed} ${done}/${total}`),
    });
    expect(all.completed).toBe(6);
    expect(reported[0]).toBe('full/4 1/6');
    expect(reported[5]).toBe('shallow, no L2/5 6/6');
    for (const [i, arm] of arms.entries()) {
      for (const [j, seed] of spec.seeds.entries()) {
        const alone = await runArm(MLP_FAMILY, arm, seed, spec, loop);
        expect(all.arms[i]!.runs[j]).toEqual(alone);
      }
    }
    // And a run is the family's training at the chosen rate, nothing more.
    const run = all.arms[1]!.runs[0]!;
    const direct = await MLP_FAMILY.train({
      changes: ['relu'],
      seed: 4,
      lr: run.lr,
      steps: 40,
      tick: instant,
    });
    expect([run.validation, run.test]).toEqual([direct.validation, direct.test]);
    expect(new Set(all.arms.flatMap((a) => a.runs.map((r) => r.test))).size).toBeGreaterThan(1);
  });

  it('keeps the learning rate validation prefers, the earlier one on a tie', () => {
    const trials = [
      { lr: 0.1, validation: 0.8, test: 0.7 },
      { lr: 0.3, validation: 0.9, test: 0.6 },
      { lr: 1, validation: 0.9, test: 0.95 },
    ];
    expect(chooseTrial(trials)).toEqual(trials[1]); // not the best test figure: the test set is not looked at
  });

  it('stops on its signal and refuses bad specs with the field named', async () => {
    const c = new AbortController();
    const seen: number[] = [];
    const p = runAblation(MLP_FAMILY, spec, {
      ...loop,
      onRun: (_, done) => (seen.push(done), done === 2 && c.abort()),
      signal: c.signal,
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen).toEqual([1, 2]);
    await expect(runAblation(MLP_FAMILY, { ...spec, seeds: [1, 1] })).rejects.toThrow('seeds must differ');
    await expect(runAblation(MLP_FAMILY, { ...spec, lrs: [5] })).rejects.toThrow(
      'learning rate must be in [0.001, 3], got 5',
    );
    await expect(
      runAblation(MLP_FAMILY, { ...spec, arms: [{ name: 'x', changes: ['no-pos'] }] }),
    ).rejects.toThrow('unknown change "no-pos"');
    await expect(runAblation(MLP_FAMILY, { ...spec, steps: 0 })).rejects.toThrow(
      'steps must be an integer from 1 to 5000, got 0',
    );
    await expect(runAblation(MLP_FAMILY, { ...spec, arms: [arms[0]!, arms[0]!] })).rejects.toThrow(
      'appears twice',
    );
  });
});

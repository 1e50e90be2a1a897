// The patching panel's worker (question 16): trains the tiny transformer off the page's main thread on the
// best verified tfjs backend it has (src/runtime/worker-backend.ts) and reports the step and loss every few
// steps; its last report, also when stopped, carries the weights read out as float64 arrays (heads-jobs.ts).
import { HEADS_DEFAULTS, HeadsTrainer, readWeights } from '../../../kernels/interpret-heads-train';
import { TimeSlicer, yieldFrame } from '../../runtime/loop';
import { useWorkerBackend } from '../../runtime/worker-backend';
import { serveJobs } from '../../runtime/worker-jobs';
import type { HeadsJobs } from './heads-jobs';

serveJobs<HeadsJobs>({
  async train(args, { signal, progress }) {
    const { info } = await useWorkerBackend({ backend: null, strict: false });
    const trainer = new HeadsTrainer({ ...HEADS_DEFAULTS, length: args.length, seed: args.seed });
    const slicer = new TimeSlicer({ signal, budgetMs: 50, yieldFn: yieldFrame });
    let loss = NaN;
    try {
      for (let s = 1; s <= args.steps; s++) {
        loss = await trainer.step();
        if (s % 10 === 0 && s < args.steps) progress({ step: s, loss });
        await slicer.tick();
      }
    } finally {
      if (trainer.steps > 0)
        progress({
          step: trainer.steps,
          loss,
          weights: await readWeights(trainer.model),
          backend: info.backend,
        });
      trainer.dispose();
    }
    return null;
  },
});

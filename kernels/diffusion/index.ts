// Diffusion on 2-D toy data (question 12), on plain numbers: the forward process (schedule.ts), toy data
// (toy-data.ts), the noise-prediction MLP (denoiser.ts, on kernels/nn), its training (trainer.ts), the reverse
// process (sampler.ts), sample quality (distance.ts) and what the cell plots (diagnostics.ts). The tfjs
// training path is tf-trainer.ts, imported on its own so this module needs no tfjs.
export * from './schedule';
export * from './toy-data';
export * from './denoiser';
export * from './trainer';
export * from './sampler';
export * from './distance';
export * from './diagnostics';

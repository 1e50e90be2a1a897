// The typed-array neural-net engine: dense layers with their backward pass (dense.ts), activation records
// { f, df } (activations.ts), Adam and global-norm clipping (optim.ts), Huber and MSE losses (losses.ts), and
// the argument checks (validate.ts). Plain Float64Arrays, no DOM, no tfjs; the DQN's Q-network
// (kernels/rl/q-network.ts) and the diffusion denoiser (kernels/diffusion/denoiser.ts) are built on it.
export * from './activations';
export * from './dense';
export * from './losses';
export * from './optim';
export * from './validate';

// The header's compute badge in plain words: where the demos run (GPU or CPU, and through what), a long form
// for wide screens and the accessible name, a short form for phones, and the details for the tooltip.
//
// Example: computeLabel({ status: 'ready', backend: 'webgl', … }) →
//   { long: 'Running on the GPU (WebGL)', short: 'GPU · WebGL', details: 'webgl: ok …' }
import type { ComputeState } from '../runtime/compute';
import type { BackendName } from '../runtime/backend-choice';

export interface ComputeLabel {
  long: string;
  short: string;
  details: string;
}

const WHERE: Record<BackendName, { long: string; short: string }> = {
  webgpu: { long: 'the GPU (WebGPU)', short: 'GPU · WebGPU' },
  webgl: { long: 'the GPU (WebGL)', short: 'GPU · WebGL' },
  wasm: { long: 'the CPU (WebAssembly)', short: 'CPU · WASM' },
  cpu: { long: 'the CPU (plain JavaScript, the slowest)', short: 'CPU · JS' },
};

export function computeLabel(c: ComputeState): ComputeLabel {
  const forced = c.forced ? ` (${c.forced} chosen by the link)` : '';
  const tried = c.attempts.map((a) => `${a.name}: ${a.ok ? 'ok' : a.reason}`).join('\n');
  switch (c.status) {
    case 'idle':
      return {
        long: `Compute: starts with the first demo${forced}`,
        short: 'not started',
        details: 'tfjs loads when a demo first needs it; click to load it now',
      };
    case 'loading':
      return { long: 'Compute: choosing GPU or CPU…', short: 'choosing…', details: tried };
    case 'failed':
      return {
        long: 'Compute: no backend works in this browser',
        short: 'no backend',
        details: c.error ?? tried,
      };
    case 'ready': {
      const where = c.backend ? WHERE[c.backend] : { long: 'an unknown backend', short: '?' };
      const software = c.softwareGpu ? ` (the GPU here is software: ${c.softwareGpu})` : '';
      const renderer = c.renderer ? `\nrenderer: ${c.renderer}` : '';
      return {
        long: `Running on ${where.long}${software}${forced}`,
        short: where.short,
        details: `${tried}${renderer}`,
      };
    }
  }
}

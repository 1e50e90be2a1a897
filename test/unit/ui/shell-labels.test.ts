// The header's plain words (compute badge) and the first-visit hint's memory, including storage that throws.
import { describe, expect, it } from 'vitest';
import type { ComputeState } from '../../../src/runtime/compute';
import { computeLabel } from '../../../src/ui/compute-label';
import { dismissHint, hintDismissed, HINT_KEY } from '../../../src/ui/first-visit-hint';

const base: ComputeState = {
  status: 'idle',
  backend: null,
  renderer: null,
  softwareGpu: null,
  forced: null,
  attempts: [],
  error: null,
};

describe('computeLabel', () => {
  it('says where the demos run in plain words, with a short form of at most 11 characters', () => {
    const cases: [Partial<ComputeState>, string, string][] = [
      [{}, 'Compute: starts with the first demo', 'not started'],
      [{ status: 'loading' }, 'Compute: choosing GPU or CPU…', 'choosing…'],
      [{ status: 'failed', error: 'none' }, 'Compute: no backend works in this browser', 'no backend'],
      [{ status: 'ready', backend: 'webgl', renderer: 'ANGLE' }, 'Running on the GPU (WebGL)', 'GPU · WebGL'],
      [{ status: 'ready', backend: 'webgpu' }, 'Running on the GPU (WebGPU)', 'GPU · WebGPU'],
      [
        { status: 'ready', backend: 'wasm', softwareGpu: 'SwiftShader' },
        'Running on the CPU (WebAssembly) (the GPU here is software: SwiftShader)',
        'CPU · WASM',
      ],
      [
        { status: 'ready', backend: 'cpu', forced: 'cpu' },
        'Running on the CPU (plain JavaScript, the slowest) (cpu chosen by the link)',
        'CPU · JS',
      ],
    ];
    for (const [patch, long, short] of cases) {
      const label = computeLabel({ ...base, ...patch });
      expect(label.long).toBe(long);
      expect(label.short).toBe(short);
      expect(label.short.length).toBeLessThanOrEqual(12);
    }
  });

  it('puts the attempts and the renderer in the details', () => {
    const label = computeLabel({
      ...base,
      status: 'ready',
      backend: 'webgl',
      renderer: 'ANGLE (Mesa)',
      attempts: [
        { name: 'webgpu', ok: false, reason: 'no adapter' },
        { name: 'webgl', ok: true, reason: '' },
      ] as ComputeState['attempts'],
    });
    expect(label.details).toBe('webgpu: no adapter\nwebgl: ok\nrenderer: ANGLE (Mesa)');
  });
});

describe('the first-visit hint', () => {
  it('is remembered once dismissed', () => {
    const data = new Map<string, string>();
    const storage = {
      getItem: (k: string) => data.get(k) ?? null,
      setItem: (k: string, v: string) => void data.set(k, v),
    };
    expect(hintDismissed(storage)).toBe(false);
    expect(dismissHint(storage)).toBe(true);
    expect(data.get(HINT_KEY)).toBe('dismissed');
    expect(hintDismissed(storage)).toBe(true);
  });

  it('survives storage that throws (private modes): shown again, dismissal reported as not kept', () => {
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(hintDismissed(broken)).toBe(false);
    expect(dismissHint(broken)).toBe(false);
    expect(dismissHint(null)).toBe(false);
    expect(hintDismissed(null)).toBe(false);
  });
});

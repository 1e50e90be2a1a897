// The transformer cell's engine choice: "auto" keeps the page's backend unless a GPU backend is drawn by a
// software renderer; an explicit choice is used as it is. And the cell's small view helpers.
import { describe, expect, it } from 'vitest';
import {
  backendRequest,
  isSoftwareRenderer,
  pickEngine,
  workerReason,
} from '../../src/demos/transformer/engine';
import { workerBackendOrder } from '../../src/runtime/worker-backend';
import { inputLabels, parameterBreakdown } from '../../src/demos/transformer/transformer-view';

describe('the transformer engine choice', () => {
  it('recognises software renderers', () => {
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
    expect(
      isSoftwareRenderer('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)'),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)')).toBe(
      false,
    );
    expect(isSoftwareRenderer(null)).toBe(false);
  });

  it('moves auto to WASM only for a software-rendered GPU backend', () => {
    expect(pickEngine('auto', 'webgpu', 'google swiftshader').backend).toBe('wasm');
    expect(pickEngine('auto', 'webgl', 'Google SwiftShader').backend).toBe('wasm');
    expect(pickEngine('auto', 'webgl', 'Apple M2').backend).toBe('webgl');
    expect(pickEngine('auto', 'cpu', null)).toEqual({ backend: 'cpu', reason: "auto: the page's backend" });
    expect(pickEngine('webgl', 'webgpu', 'google swiftshader')).toEqual({
      backend: 'webgl',
      reason: 'chosen',
    });
  });
});

describe('the backend the worker is asked for', () => {
  it('follows a backend forced by ?backend= under auto, even a software-rendered one', () => {
    expect(pickEngine('auto', 'webgl', 'Google SwiftShader', 'webgl')).toEqual({
      backend: 'webgl',
      reason: 'auto: the backend forced by ?backend=',
    });
    expect(pickEngine('cpu', 'webgl', null, 'webgl').backend).toBe('cpu');
  });

  it('leaves the choice to the worker, by the page’s rules, when tfjs has not loaded on the page', () => {
    const pick = pickEngine('auto', null, null);
    expect(pick.backend).toBeNull();
    expect(workerBackendOrder(backendRequest('auto', pick))).toEqual(['webgpu', 'webgl', 'wasm', 'cpu']);
    expect(workerReason(pick, 'wasm')).toBe("auto: chosen in the worker by the page's rules; in a worker");
  });

  it('asks for a chosen engine only, and lets auto fall back through the usual order', () => {
    const auto = backendRequest('auto', pickEngine('auto', 'wasm', null));
    expect(auto).toEqual({ backend: 'wasm', strict: false });
    expect(workerBackendOrder(auto)).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    const chosen = backendRequest('webgpu', pickEngine('webgpu', 'wasm', null));
    expect(workerBackendOrder(chosen)).toEqual(['webgpu']);
  });

  it('says when the worker trains on another backend than the page picked', () => {
    const pick = pickEngine('auto', 'wasm', null);
    expect(workerReason(pick, 'wasm')).toBe("auto: the page's backend; in a worker");
    expect(workerReason(pick, 'cpu')).toBe(
      "auto: the page's backend; wasm did not start in the worker, so cpu",
    );
  });
});

describe('the transformer cell view helpers', () => {
  it('labels the input positions with the digits, the separator and the answer so far', () => {
    expect(inputLabels([3, 1, 4], [4, 1, 3])).toEqual(['3', '1', '4', '→', '4', '1']);
  });

  it('breaks the parameter count down', () => {
    const text = parameterBreakdown({
      vocabSize: 11,
      maxLength: 10,
      dModel: 32,
      heads: 2,
      layers: 2,
      ffMultiplier: 2,
      seed: 1,
    });
    expect(text).toBe(
      '17,867 parameters = embedding 352 + 2 × layer 8,544 (attention 4,224, feed-forward and norms) + read-out 427',
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  backendOrder,
  checkMatches,
  chooseBackend,
  isSoftwareRenderer,
  preferWasmOver,
  type BackendHost,
  type BackendName,
} from '../../../src/runtime/backend-choice';

/** A host whose backends behave as scripted: 'ok', 'zeros' (activates, computes zeros), 'fails', 'throws'. */
function scriptedHost(
  script: Partial<Record<BackendName, 'ok' | 'zeros' | 'fails' | 'throws'>>,
): BackendHost & {
  activated: BackendName[];
} {
  let active: BackendName | null = null;
  const activated: BackendName[] = [];
  return {
    activated,
    async activate(name) {
      activated.push(name);
      const how = script[name] ?? 'fails';
      if (how === 'throws') throw new Error(`${name} exploded`);
      if (how === 'fails') return false;
      active = name;
      return true;
    },
    async verify() {
      const data = script[active!] === 'zeros' ? [0, 0, 0, 0] : [19.5, 22.5, 43.5, 50.5];
      return checkMatches(data);
    },
  };
}

describe('chooseBackend', () => {
  it('takes the first backend in WebGPU → WebGL → WASM → CPU order that verifies', async () => {
    const host = scriptedHost({ webgpu: 'ok', webgl: 'ok', wasm: 'ok', cpu: 'ok' });
    const choice = await chooseBackend(host, backendOrder(null));
    expect(choice.name).toBe('webgpu');
    expect(host.activated).toEqual(['webgpu']);
  });

  it('rejects a backend that reports success but computes zeros, and falls back', async () => {
    const host = scriptedHost({ webgpu: 'zeros', webgl: 'throws', wasm: 'ok', cpu: 'ok' });
    const choice = await chooseBackend(host, backendOrder(null));
    expect(choice.name).toBe('wasm');
    expect(choice.attempts).toEqual([
      { name: 'webgpu', ok: false, reason: 'wrong answer on the check computation' },
      { name: 'webgl', ok: false, reason: 'webgl exploded' },
      { name: 'wasm', ok: true },
    ]);
  });

  it('tries a forced backend first and falls back along the usual order when it fails', async () => {
    expect(backendOrder('wasm')).toEqual(['wasm', 'webgpu', 'webgl', 'cpu']);
    const host = scriptedHost({ wasm: 'fails', webgpu: 'fails', webgl: 'ok' });
    expect((await chooseBackend(host, backendOrder('wasm'))).name).toBe('webgl');
    expect(host.activated).toEqual(['wasm', 'webgpu', 'webgl']);
  });

  it('skips backends known to be broken (WebGL after a context loss)', () => {
    expect(backendOrder(null, ['webgl'])).toEqual(['webgpu', 'wasm', 'cpu']);
    expect(backendOrder('webgl', ['webgl'])).toEqual(['webgpu', 'wasm', 'cpu']);
  });

  it('fails with every reason when nothing works', async () => {
    const host = scriptedHost({ cpu: 'zeros' });
    await expect(chooseBackend(host, backendOrder(null))).rejects.toThrow(
      'no compute backend works here (webgpu: not available; webgl: not available; wasm: not available; cpu: wrong answer on the check computation)',
    );
  });

  it('checks the known answer of [[1,2],[3,4]]·[[5,6],[7,8]] + 0.5 within 1e-3', () => {
    expect(checkMatches([19.5, 22.5, 43.5, 50.5])).toBe(true);
    expect(checkMatches([19.5, 22.5, 43.5, 50.6])).toBe(false);
    expect(checkMatches([0, 0, 0, 0])).toBe(false);
    expect(checkMatches([19.5, 22.5])).toBe(false);
  });
});

describe('software GPUs', () => {
  it('recognises software renderers by name, and not hardware ones', () => {
    expect(isSoftwareRenderer('Google SwiftShader')).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce RTX 3080 Direct3D11 vs_5_0 ps_5_0)')).toBe(
      false,
    );
    expect(isSoftwareRenderer(null)).toBe(false);
  });

  it('leaves a GPU backend for WASM only when it is software and nothing was forced', () => {
    expect(preferWasmOver('webgpu', 'google swiftshader', null)).toBe(true);
    expect(preferWasmOver('webgl', 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))', null)).toBe(
      true,
    );
    expect(preferWasmOver('webgl', 'ANGLE (Google, SwiftShader)', 'webgl')).toBe(false); // forced: kept
    expect(preferWasmOver('webgpu', 'nvidia ampere', null)).toBe(false);
    expect(preferWasmOver('wasm', null, null)).toBe(false);
    expect(preferWasmOver('cpu', 'llvmpipe', null)).toBe(false);
  });
});

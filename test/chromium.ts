// Where the headless Chromium for browser and end-to-end tests lives, and the flags that work on these
// machines (DESIGN.md, "Tests"). CHROMIUM_PATH overrides; otherwise Debian's package, which .ci/run installs.
import { existsSync } from 'node:fs';

const candidates = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
].filter((p): p is string => Boolean(p));

export function chromiumExecutable(): string {
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (looked in ${candidates.join(', ')}). Install Debian's package with ` +
        '`apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
  return found;
}

/** Flags that keep Chromium quiet on a machine with no network, plus the ones WebGPU needs to compute. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--enable-unsafe-webgpu',
  '--enable-features=Vulkan',
  '--use-angle=swiftshader',
  '--use-vulkan=swiftshader',
  '--ignore-gpu-blocklist',
];

// End-to-end tests: the built site (vite preview on 127.0.0.1) driven in headless Chromium.
import { defineConfig } from '@playwright/test';
import { chromiumArgs, chromiumExecutable } from './test/chromium.ts';

// VIVA_E2E_PORT and VIVA_DIST let several checkouts or engineers run end-to-end tests side by side.
const port = Number(process.env.VIVA_E2E_PORT ?? 4173);
const dist = process.env.VIVA_DIST ?? 'dist';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.test-reports/e2e.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1400, height: 900 },
    // Each test's fresh context would otherwise download the whole precache (14 MB) after the page loads; the
    // offline spec allows the service worker for itself.
    serviceWorkers: 'block',
    // Every test sees a normal-speed device: the start-up estimate (src/ui/kit/device-speed.ts) on a loaded
    // machine could otherwise give the heaviest demos their smaller slow-device defaults mid-suite.
    storageState: {
      cookies: [],
      origins: [
        {
          origin: `http://127.0.0.1:${port}`,
          localStorage: [{ name: 'viva:device-speed', value: 'normal' }],
        },
      ],
    },
    launchOptions: { executablePath: chromiumExecutable(), args: chromiumArgs },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});

import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumExecutable } from './test/chromium.ts';
import { notebookContent } from './src/notebook/content-plugin.ts';

/** Chromium for the browser project; resolved lazily so unit-only runs work without one. */
function executablePath(): string | undefined {
  try {
    return chromiumExecutable();
  } catch (e) {
    if (process.argv.includes('browser')) throw e;
    return undefined;
  }
}

export default defineConfig({
  test: {
    projects: [
      {
        plugins: [notebookContent()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        plugins: [notebookContent()],
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 120_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: executablePath(), args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { chromiumArgs, chromiumExecutable } from './test/chromium.ts';
import { notebookContent } from './src/notebook/content-plugin.ts';

const browserProject = process.argv.includes('browser') || process.env.VIVA_BROWSER_TESTS === '1';

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
              launchOptions: browserProject
                ? { executablePath: chromiumExecutable(), args: chromiumArgs }
                : { args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});

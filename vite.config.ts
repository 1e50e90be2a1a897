import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { notebookContent } from './src/notebook/content-plugin.ts';

const appVersion = (
  JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }
).version;
const define = { __APP_VERSION__: JSON.stringify(appVersion) };

export default defineConfig({
  plugins: [notebookContent()],
  define,
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});

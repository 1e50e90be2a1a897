import { defineConfig } from 'vite';
import { notebookContent } from './src/notebook/content-plugin.ts';

export default defineConfig({
  plugins: [notebookContent()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
  },
  // Module workers (created with { type: 'module' }), so a worker's dynamic imports (tfjs backends) stay
  // separate chunks loaded on use instead of one bundle with every backend.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});

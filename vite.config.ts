import { defineConfig } from 'vite';
import { notebookContent } from './src/notebook/content-plugin.ts';

export default defineConfig({
  plugins: [notebookContent()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  server: { host: '127.0.0.1' },
});

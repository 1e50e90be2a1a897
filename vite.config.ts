// Build configuration: the notebook content plugin, the offline app (vite-plugin-pwa: a Workbox service worker
// that precaches everything the notebook can load, and the install manifest), and the Content-Security-Policy
// written into the built index.html (docs/decisions.md, "Offline and CSP").
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { notebookContent } from './src/notebook/content-plugin.ts';

/**
 * The policy the built site runs under. A static site sends no headers of its own, so it goes in a <meta>
 * (which cannot carry frame-ancestors or report-uri). style-src-attr: KaTeX's build-time HTML and Plotly's SVG
 * carry style attributes; style-src-elem: Plotly inserts <style> elements (docs/decisions.md).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "style-src-elem 'self' 'unsafe-inline'",
  "style-src-attr 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "media-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

/** Writes the policy as the first element of the built page's <head>; the dev server (HMR) runs without it. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'viva-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  plugins: [
    notebookContent(),
    contentSecurityPolicy(),
    VitePWA({
      registerType: 'prompt', // a new version waits for the user's click (src/ui/update-prompt.ts)
      injectRegister: false, // src/main.ts registers it
      includeManifestIcons: false, // the globs below already take the icons (listing them twice adds nothing)
      manifest: {
        id: '.',
        name: 'Viva — AI research interview notebook',
        short_name: 'Viva',
        description:
          'AI research scientist interview questions, each a live notebook cell with an in-browser demo; works offline.',
        start_url: '.',
        scope: '.',
        display: 'standalone',
        theme_color: '#2f5bd3',
        background_color: '#fbfbfa',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the notebook can fetch: the shell, every demo and worker chunk, tfjs and its WASM
        // binaries, Plotly (4.6 MB), KaTeX's woff2 fonts (browsers that read woff2 never ask for woff/ttf).
        globPatterns: ['**/*.{html,js,css,wasm,woff2,svg,png,json}'], // + the manifest, added by the plugin
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
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

import react from '@vitejs/plugin-react-swc';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * The browser application, built to dist/web and served by the API from the same origin (no CORS).
 * `npm run dev:web` runs this with a proxy to an API on API_ORIGIN (default http://127.0.0.1:3000).
 */
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@web': `${here}src` } },
  build: {
    outDir: `${here}../../dist/web`,
    emptyOutDir: true,
    sourcemap: false,
    // The dependency graph of the chunks, read by bench/web-bundle.ts to weigh the first screen.
    manifest: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': process.env.API_ORIGIN ?? 'http://127.0.0.1:3000',
      '/health': process.env.API_ORIGIN ?? 'http://127.0.0.1:3000',
    },
  },
});

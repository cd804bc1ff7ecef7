import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** Where `vite --mode server` (and plain `vite`) sends API calls: the reference server of `npm start`. */
const apiTarget = process.env.PORTAL_API_URL ?? 'http://127.0.0.1:3000';

// One config for both modes. `--mode mock` only changes `import.meta.env.MODE`, which makes src/main.tsx
// start MSW's worker; the worker then answers API calls in the page, before they reach the proxy.
export default defineConfig(({ mode }) => ({
  plugins: [react()],
  server: {
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/auth': { target: apiTarget, changeOrigin: true },
    },
  },
  build: {
    // public/ holds only MSW's mockServiceWorker.js: a production build has no use for it.
    copyPublicDir: mode === 'mock',
  },
}));

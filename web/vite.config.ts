import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The server serves web/dist; in development `npm run dev:web` proxies API calls to a running server.
export default defineConfig({
  root: import.meta.dirname,
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/oidc': 'http://127.0.0.1:3000', '/auth': 'http://127.0.0.1:3000' } },
});

import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The local server (npm start) answers these; `vite` in dev forwards them there. */
const backend = 'http://127.0.0.1:4000';

/**
 * Built from the repo root: `npx vite build --config admin/vite.config.ts` → admin/dist.
 *
 * Chunks: what the sign-in page needs (the `$initial` modules) is split by how often it changes —
 * React, MUI, the rest of react-admin's world, then our own code — so a console release does not
 * invalidate the vendors in browsers' caches. Resource views and Dutch load on demand and keep
 * their own dependencies out of the first page.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, tags: ['$initial'], priority: 30 },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion)[\\/]/, tags: ['$initial'], priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'], priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/graphql': backend, '/links': backend, '/local': backend, '/config.json': backend },
  },
});

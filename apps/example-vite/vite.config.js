import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `vite build` writes the page to dist/, which server.mjs serves next to the proxy. For
// `vite dev`, run `npm start` too and let the dev server pass /api/c2d to it.
export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api/c2d': `http://127.0.0.1:${process.env.PORT ?? 3000}` } },
});

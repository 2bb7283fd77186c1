import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { workspaceAliases } from '../../vite.aliases.ts';

// The demo builds against the packages' sources (their public entry points), so `pnpm start`
// needs no package build for the browser side. `/api`, `/chat` and `/sandbox` go to the proxy.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/chat': 'http://127.0.0.1:8787',
      '/sandbox': 'http://127.0.0.1:8787',
      '/demo-config.json': 'http://127.0.0.1:8787',
    },
  },
});

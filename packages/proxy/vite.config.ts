import { isAbsolute } from 'node:path';
import { defineConfig } from 'vite';

// Library build for Node and other server runtimes: ESM, dependencies left as imports.
// `index` is web-standard; `node` and `cli` use Node's HTTP server. Declarations come from
// `tsc -p tsconfig.build.json`.
export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    rollupOptions: {
      input: { index: 'src/index.ts', node: 'src/node.ts', cli: 'src/cli.ts' },
      external: (id) => !id.startsWith('.') && !isAbsolute(id) && !id.startsWith('\0'),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});

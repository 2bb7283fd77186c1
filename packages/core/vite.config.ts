import { defineConfig } from 'vite';

// Library build: ESM only; declarations come from `tsc -p tsconfig.build.json`.
export default defineConfig({
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
  },
});

import { copyFileSync } from 'node:fs';
import { defineConfig } from 'vite';

// Library build: ESM only, peers and dependencies left as imports; declarations from tsc.
export default defineConfig({
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^@c2d-console\//],
    },
  },
  plugins: [
    {
      name: 'c2d-copy-styles',
      closeBundle() {
        copyFileSync('src/styles.css', 'dist/styles.css');
      },
    },
  ],
});

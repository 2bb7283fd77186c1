import { copyFileSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/**
 * Marks the bundle as client code for React Server Components hosts (Next.js App Router), so a
 * server component can render `ConsoleProvider` and the widgets straight from the package.
 * Written as a banner on the one entry file rather than in the sources: rolldown keeps a
 * module-level directive only in the entry module and warns about it everywhere else
 * (MODULE_LEVEL_DIRECTIVE), and the whole bundle is client code anyway.
 */
const USE_CLIENT = '"use client";';

// Library build: ESM only, peers and dependencies left as imports; declarations from tsc.
export default defineConfig({
  // Production JSX (react/jsx-runtime) whatever NODE_ENV says: Vite picks the development
  // runtime when NODE_ENV is set to anything but "production" (as test runners do), and a
  // published bundle importing jsxDEV breaks every production app that installs it.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: 'index' },
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^@c2d-console\//],
      output: { banner: USE_CLIENT },
    },
  },
  plugins: [
    {
      name: 'c2d-copy-styles',
      closeBundle() {
        copyFileSync('src/styles.css', 'dist/styles.css');
      },
    },
    {
      name: 'c2d-check-entry',
      // Reads what was written, after every other plugin: either mistake would only show later,
      // inside a host app ("createContext is not a function" in Next.js, "jsxDEV is not a
      // function" in any production build).
      closeBundle() {
        const code = readFileSync('dist/index.js', 'utf8');
        const firstLine = code.split('\n', 1)[0] ?? '';
        if (!/^(['"])use client\1;?$/.test(firstLine)) {
          throw new Error(
            `dist/index.js must start with ${USE_CLIENT} (found ${JSON.stringify(firstLine)}): ` +
              'keep output.banner in packages/react/vite.config.ts and nothing that strips or precedes it',
          );
        }
        if (code.includes('react/jsx-dev-runtime')) {
          throw new Error(
            'dist/index.js imports react/jsx-dev-runtime: keep oxc.jsx.development false in packages/react/vite.config.ts',
          );
        }
      },
    },
  ],
});

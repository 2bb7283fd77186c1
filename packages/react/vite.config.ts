import { copyFileSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

/**
 * Marks the bundle as client code for React Server Components hosts (Next.js App Router), so a
 * server component can render `ConsoleProvider` and the widgets straight from the package, and
 * pass a language pack (`locale={ru}`): its functions cannot cross to the browser as data, but
 * as an export of a client module the pack crosses as a reference. Written as a banner on each
 * output file rather than in the sources: rolldown keeps a module-level directive only in an
 * entry module and warns about it everywhere else (MODULE_LEVEL_DIRECTIVE), and the whole
 * bundle is client code anyway.
 */
const USE_CLIENT = '"use client";';

// Library build: ESM only, peers and dependencies left as imports; declarations from tsc.
export default defineConfig({
  // Production JSX (react/jsx-runtime) whatever NODE_ENV says: Vite picks the development
  // runtime when NODE_ENV is set to anything but "production" (as test runners do), and a
  // published bundle importing jsxDEV breaks every production app that installs it.
  oxc: { jsx: { runtime: 'automatic', development: false } },
  build: {
    // Each language pack is an entry of its own (`@c2d-console/react/locales/ru`): a host that
    // speaks only English ships none of them.
    lib: {
      entry: { index: 'src/index.ts', 'locales/ru': 'src/locales/ru.ts' },
      formats: ['es'],
      fileName: (_format, entryName) => `${entryName}.js`,
    },
    sourcemap: true,
    minify: false,
    emptyOutDir: true,
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^@c2d-console\//],
      // Code the entries share (the plural rules) goes in a chunk named after its module, not a hash.
      output: { banner: USE_CLIENT, chunkFileNames: '[name].js' },
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
        for (const file of ['dist/index.js', 'dist/locales/ru.js']) {
          const code = readFileSync(file, 'utf8');
          const firstLine = code.split('\n', 1)[0] ?? '';
          if (!/^(['"])use client\1;?$/.test(firstLine)) {
            throw new Error(
              `${file} must start with ${USE_CLIENT} (found ${JSON.stringify(firstLine)}): ` +
                'keep output.banner in packages/react/vite.config.ts and nothing that strips or precedes it',
            );
          }
          if (code.includes('react/jsx-dev-runtime')) {
            throw new Error(
              `${file} imports react/jsx-dev-runtime: keep oxc.jsx.development false in packages/react/vite.config.ts`,
            );
          }
        }
      },
    },
  ],
});

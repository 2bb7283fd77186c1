import { fileURLToPath } from 'node:url';

const src = (pkg: string, file = 'index.ts') =>
  fileURLToPath(new URL(`./packages/${pkg}/src/${file}`, import.meta.url));

/**
 * Workspace packages resolve to their sources in tests, Storybook and the demo's dev server,
 * so nothing needs a build first. Published builds use each package's `exports`.
 */
export const workspaceAliases: Record<string, string> = {
  '@c2d-console/core': src('core'),
  '@c2d-console/react/styles.css': src('react', 'styles.css'),
  '@c2d-console/react/locales/ru': src('react', 'locales/ru.ts'),
  '@c2d-console/react': src('react'),
  '@c2d-console/proxy/node': src('proxy', 'node.ts'),
  '@c2d-console/proxy': src('proxy'),
};

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { chromium } from './chromium.config.ts';
import { workspaceAliases } from './vite.aliases.ts';

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    passWithNoTests: false,
    reporters: ['default', './vitest.summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts', 'packages/proxy/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['packages/react/src/**/*.test.{ts,tsx}', 'apps/*/src/**/*.test.{ts,tsx}'],
          setupFiles: ['./vitest.setup.dom.ts'],
          // A widget test renders, fetches through msw and waits for React Query: on a loaded
          // 2-core machine that passed 5 s; what it asserts does not depend on the time.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['apps/*/e2e/**/*.e2e.test.ts', 'packages/*/e2e/**/*.e2e.test.ts', '.storybook/e2e/**/*.e2e.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          // The packages packed, installed with npm into apps/example-* copied outside the
          // workspace, built and opened in Chromium. After every other project (groupOrder 1):
          // npm installs and `next build` take both cores for minutes and would slow the
          // browser tests beside them into timeouts.
          name: 'packed',
          environment: 'node',
          include: ['apps/packed-e2e/**/*.e2e.test.ts'],
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 600_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: chromium,
        },
      },
    ],
  },
});

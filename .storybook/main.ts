import type { StorybookConfig } from '@storybook/react-vite';
import { workspaceAliases } from '../vite.aliases.ts';
import { fakeChat2DeskWebUi } from './fakeChat2DeskWebUi.ts';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../packages/*/src/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  // `public/` holds the msw service worker and a static fake of Chat2Desk's `/chat/all`, so
  // frame stories load a real page from the same origin and never reach the internet.
  staticDirs: ['./public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  typescript: { reactDocgen: 'react-docgen' },
  async viteFinal(viteConfig) {
    viteConfig.resolve ??= {};
    viteConfig.resolve.alias = { ...(viteConfig.resolve.alias as object), ...workspaceAliases };
    // Pre-bundled up front, so the first story test run never reloads mid-way.
    viteConfig.optimizeDeps ??= {};
    viteConfig.optimizeDeps.include = [
      ...(viteConfig.optimizeDeps.include ?? []),
      'msw-storybook-addon/csf3',
      'msw',
      'msw/browser',
      '@tanstack/react-query',
      '@tanstack/react-virtual',
    ];
    viteConfig.plugins = [...(viteConfig.plugins ?? []), fakeChat2DeskWebUi()];
    return viteConfig;
  },
};

export default config;

import { defineConfig } from 'vitest/config';
import { workspaceAliases } from '../../vite.aliases.ts';

// `pnpm --filter @c2d-console/proxy test:live`: the read-only contract checks against the real
// Chat2Desk API (src/**/*.live.ts, never part of `pnpm test` or CI). Needs CHAT2DESK_API_TOKEN.
if (!process.env.CHAT2DESK_API_TOKEN?.trim()) {
  console.info('test:live skipped: set CHAT2DESK_API_TOKEN (and CHAT2DESK_API_URL for another installation) to check the real Chat2Desk API');
}

export default defineConfig({
  resolve: { alias: workspaceAliases },
  test: {
    name: 'live',
    environment: 'node',
    include: ['src/**/*.live.ts'],
    testTimeout: 60_000,
  },
});

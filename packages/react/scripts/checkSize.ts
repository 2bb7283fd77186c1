/**
 * Size budget of the published `@c2d-console/react`: bundles the built `dist/` the way a host
 * app would (minified, production, tree-shaken), leaving out the peer dependencies the host
 * already has (react, react-dom, @tanstack/react-query), gzips it, and fails over budget.
 * (size-limit 14 needs Node 22; this does the same with Vite and zlib.) Needs the build first.
 *
 * The main budget applies to the package without its peer dependencies (react, react-dom,
 * @tanstack/react-query, @tanstack/react-virtual): this package and `@c2d-console/core`, with
 * everything in it: the live console and the operator's widgets. Issue 13 set a goal of 20 kB
 * for it (15 kB held the first release's five widgets); with every widget of issue 13 in it the
 * package measures about 23 kB after a size pass over every module, so the budget is a ratchet
 * at the measured size (it fails on any growth) and the 20 kB goal is printed beside it as
 * missed until it is met. Lower `limit` whenever the package shrinks.
 * `@tanstack/react-virtual` is a peer so a host shares one copy with its own tables and lists;
 * 3.14 alone is about 10 kB gzipped, so the total with it is reported beside, unbudgeted.
 * English is built in; every other language is a pack of its own entry that only a host showing
 * it ships (`@c2d-console/react/locales/ru`), budgeted on its own and reported with the rest.
 *
 *   pnpm size            # at the root: builds core and react, then runs this
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin, type Rolldown } from 'vite';

interface Budget {
  name: string;
  /** What the host imports. */
  entry: string;
  /** Packages left out of the count besides the peers. */
  leaveOut?: RegExp;
  /** Gzipped bytes (1 kB = 1000 B, as size-limit counts); none: reported only. */
  limit?: number;
  /** A smaller size asked for and not reached yet: reported, met or missed, without failing. */
  goal?: number;
}

const THIRD_PARTY = /^@tanstack\/(react-virtual|virtual-core)($|\/)/;
const BUDGETS: Budget[] = [
  {
    name: 'everything, without peers (react + core)',
    entry: "export * from '@c2d-console/react';",
    leaveOut: THIRD_PARTY,
    limit: 23_300,
    goal: 20_000,
  },
  { name: 'everything, with the @tanstack/react-virtual peer', entry: "export * from '@c2d-console/react';" },
  { name: 'DialogFrame alone', entry: "export { DialogFrame } from '@c2d-console/react';", limit: 3_000 },
  {
    name: 'the Russian pack alone (@c2d-console/react/locales/ru)',
    entry: "export { ru } from '@c2d-console/react/locales/ru';",
    limit: 4_500,
  },
  {
    name: 'everything and the Russian pack, without peers',
    entry: "export * from '@c2d-console/react'; export { ru } from '@c2d-console/react/locales/ru';",
    leaveOut: THIRD_PARTY,
  },
];
const PEERS = /^(react|react-dom|@tanstack\/react-query)($|\/)/;

const packageDir = join(import.meta.dirname, '..');
/** The built file of each of the package's script entries, as `exports` maps them. */
const ENTRIES: Record<string, string> = {
  '@c2d-console/react': join(packageDir, 'dist', 'index.js'),
  '@c2d-console/react/locales/ru': join(packageDir, 'dist', 'locales', 'ru.js'),
};
for (const file of Object.values(ENTRIES)) {
  if (!existsSync(file)) {
    throw new Error(`size: ${file} is missing; run \`pnpm --filter @c2d-console/core --filter @c2d-console/react build\` first`);
  }
}

/** Bundles `entry` as a host app would and returns the gzipped size in bytes. */
async function gzippedSize({ entry, leaveOut }: Budget): Promise<number> {
  const virtualEntry: Plugin = {
    name: 'c2d-size-entry',
    // Before Vite's own resolution, which would find the package by its name (a self-reference).
    enforce: 'pre',
    resolveId: (id) => (id === 'c2d-size-entry' ? '\0c2d-size-entry' : (ENTRIES[id] ?? null)),
    load: (id) => (id === '\0c2d-size-entry' ? entry : null),
  };
  const result = await build({
    configFile: false,
    root: packageDir,
    logLevel: 'silent',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [virtualEntry],
    build: {
      write: false,
      minify: true,
      sourcemap: false,
      rolldownOptions: {
        input: 'c2d-size-entry',
        external: (id) => PEERS.test(id) || (leaveOut?.test(id) ?? false),
        // Keep every export, as a library entry must; tree-shaking still drops what is not exported.
        preserveEntrySignatures: 'exports-only',
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const code = outputs
    .flatMap((output) => output.output)
    .map((chunk) => (chunk.type === 'chunk' ? chunk.code : ''))
    .join('\n');
  return gzipSync(code, { level: 9 }).length;
}

let failed = false;
for (const budget of BUDGETS) {
  // oxlint-disable-next-line no-await-in-loop -- builds run one at a time on a 2-core machine
  const size = await gzippedSize(budget);
  const over = budget.limit !== undefined && size > budget.limit;
  failed ||= over;
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
  const verdict = [
    budget.limit === undefined ? 'no budget' : `budget ${kb(budget.limit)}${over ? ', OVER BUDGET' : ''}`,
    budget.goal === undefined ? '' : `; goal ${kb(budget.goal)}: ${size <= budget.goal ? 'met' : `missed by ${kb(size - budget.goal)}`}`,
  ].join('');
  console.info(`size: ${budget.name}: ${kb(size)} gzipped (${verdict})`);
}
if (failed) {
  console.error('size: over budget; see what grew with `pnpm --filter @c2d-console/react build` and dist/index.js');
  process.exitCode = 1;
}

/**
 * ClientList benchmark in real Chromium: builds bench/index.html with Vite (production React),
 * serves it, and for 1k, 10k and 100k preloaded clients times the mount, the End key to the last
 * row, and the frames of a fast scroll. Prints a markdown table (median of RUNS runs).
 *
 *   pnpm --filter @c2d-console/react bench
 */
/* oxlint-disable no-await-in-loop -- runs must not overlap, or they would time each other */
import react from '@vitejs/plugin-react';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { workspaceAliases } from '../../../vite.aliases.ts';
import type { BenchRun } from './benchPage.tsx';

const SIZES = [1_000, 10_000, 100_000];
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const median = (values: number[]) => quantile(values, 0.5);
function quantile(values: number[], q: number): number {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

const root = import.meta.dirname;
const outDir = mkdtempSync(join(tmpdir(), 'c2d-bench-'));
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  mode: 'production',
  plugins: [react()],
  resolve: { alias: workspaceAliases },
  build: { outDir, emptyOutDir: true, reportCompressedSize: false },
});
const server = await preview({
  configFile: false,
  root,
  logLevel: 'warn',
  build: { outDir },
  preview: { host: '127.0.0.1', port: 4780 },
});
const url = server.resolvedUrls?.local[0];
if (!url) throw new Error('bench: the preview server did not report its URL');

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 700 } });
  page.on('pageerror', (error) => console.error('bench page error:', error));
  await page.goto(url);
  await page.waitForFunction(() => typeof window.c2dBench === 'function');
  const rows: string[] = [];
  for (const size of SIZES) {
    // One warm-up run lets the JIT and the style cache settle before anything is counted.
    await page.evaluate((count) => window.c2dBench(count), size);
    const runs: BenchRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await page.evaluate((count) => window.c2dBench(count), size));
    const frames = runs.flatMap((run) => run.frames);
    rows.push(
      `| ${size.toLocaleString('en')} | ${ms(median(runs.map((r) => r.render)))} | ${ms(median(runs.map((r) => r.mount)))} | ${ms(median(runs.map((r) => r.scrollToEnd)))} | ${ms(median(frames))} / ${ms(quantile(frames, 0.95))} |`,
    );
    console.info(`bench: ${size} clients done`);
  }
  const version = browser.version();
  process.stdout.write(
    [
      '',
      `ClientList in Chromium ${version} (headless, ${RUNS} runs, median; 380×480 list, rows of 56 px)`,
      '',
      '| clients loaded | mount: render + commit | mount → first paint | End key → last row painted | frame while scrolling 1 screen/frame (median / p95) |',
      '|---:|---:|---:|---:|---:|',
      ...rows,
      '',
    ].join('\n'),
  );
} finally {
  await browser.close();
  await new Promise<void>((resolve, reject) => server.httpServer.close((error) => (error ? reject(error) : resolve())));
  rmSync(outDir, { recursive: true, force: true });
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, userEnv } from './run.ts';

/** The workspace root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The published packages, by folder under packages/. */
export const PACKAGES = ['core', 'react', 'proxy'] as const;
/** A folder under packages/. */
export type PackageDir = (typeof PACKAGES)[number];

/** Where a package's folder is. */
export const packageDir = (dir: PackageDir) => `${ROOT}packages/${dir}/`;

/**
 * Builds the three packages (each build ends with publint) and packs each with `pnpm pack`, the
 * way they would be published: `workspace:` ranges become versions. Returns the tarball paths.
 */
export async function packWorkspace(destination: string): Promise<Record<PackageDir, string>> {
  await run('pnpm', ['-r', '--filter', './packages/**', 'run', 'build'], { cwd: ROOT, env: userEnv() });
  const packed = await Promise.all(
    PACKAGES.map(async (dir) => {
      const output = await run('pnpm', ['pack', '--pack-destination', destination, '--json'], { cwd: packageDir(dir) });
      return [dir, (JSON.parse(output) as { filename: string }).filename] as const;
    }),
  );
  return Object.fromEntries(packed) as Record<PackageDir, string>;
}

/**
 * The package's `exports` subpaths that are stylesheets. They have no types by design, so the
 * types check leaves them out (TypeScript resolves only script modules).
 */
export function stylesheetEntrypoints(dir: PackageDir): string[] {
  const manifest = JSON.parse(readFileSync(`${packageDir(dir)}package.json`, 'utf8')) as { exports?: Record<string, unknown> };
  return Object.entries(manifest.exports ?? {})
    .filter(([, target]) => typeof target === 'string' && target.endsWith('.css'))
    .map(([subpath]) => subpath);
}

import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from './packWorkspace.ts';
import { outputTail, run, userEnv } from './run.ts';

/** How long an example's server may take to answer its first request. */
const START_TIMEOUT_MS = 60_000;
/** How long a stopped server may take to exit before it is killed. */
const STOP_GRACE_MS = 5_000;
/** What a by-hand run of an example may leave in its folder; never copied. */
const LOCAL_OUTPUT = new Set(['node_modules', '.next', 'dist']);

/** An example's server, started with `npm start`. */
export interface RunningExample {
  /** Its origin with a trailing slash, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  /** Everything it printed so far. */
  output: () => string;
  /** Stops the server and everything `npm start` started. */
  stop: () => Promise<void>;
}

/**
 * Copies `apps/<name>` to a new folder under the system's temp dir, outside the workspace, then
 * does what a new user does there: `npm install` with the tarballs, then `npm run build`.
 * Returns the folder; the caller removes it (a failed install or build removes it itself).
 */
export async function installExample(name: string, tarballs: readonly string[]): Promise<string> {
  const source = `${ROOT}apps/${name}`;
  const dir = mkdtempSync(join(tmpdir(), `c2d-${name}-`));
  cpSync(source, dir, {
    recursive: true,
    filter: (path) => !relative(source, path).split(sep).some((part) => LOCAL_OUTPUT.has(part)),
  });
  const env = userEnv();
  // --prefer-offline: what npm's cache holds is not asked for again (reruns take seconds less).
  const install = ['install', '--prefer-offline', '--no-audit', '--no-fund', '--no-update-notifier', ...tarballs];
  try {
    await run('npm', install, { cwd: dir, env });
    await run('npm', ['run', 'build'], { cwd: dir, env });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return dir;
}

/** Starts the example in `dir` with `npm start` on a free port and waits until its proxy answers. */
export async function startExample(dir: string): Promise<RunningExample> {
  const port = await freePort();
  // Its own process group, so stopping it also stops the server `npm start` runs.
  const child = spawn('npm', ['start'], {
    cwd: dir,
    env: userEnv({ PORT: String(port) }),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;

  const stop = async () => {
    if (!running() || child.pid === undefined) return;
    const group = -child.pid;
    process.kill(group, 'SIGTERM');
    const killLater = setTimeout(() => running() && process.kill(group, 'SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(killLater);
  };

  const url = `http://127.0.0.1:${port}/`;
  try {
    await waitForHealth(`${url}api/c2d/health`, running, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

/** Polls the proxy's health route until it answers 200, the server exits, or time runs out. */
async function waitForHealth(url: string, running: () => boolean, output: () => string): Promise<void> {
  /* oxlint-disable no-await-in-loop -- one request at a time, until the server answers */
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!running()) throw new Error(`\`npm start\` exited before serving ${url}:\n${outputTail(output())}`);
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await sleep(250);
  }
  /* oxlint-enable no-await-in-loop */
  throw new Error(`${url} did not answer within ${START_TIMEOUT_MS} ms:\n${outputTail(output())}`);
}

/** A TCP port nothing listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

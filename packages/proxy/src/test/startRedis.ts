import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, Socket } from 'node:net';

/** Where Debian's `redis-server` package puts the server (override with `REDIS_SERVER`). */
const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** A `redis-server` of a test's own, on a free loopback port, nothing persisted. */
export interface TestRedis {
  /** `redis://127.0.0.1:<port>`. */
  readonly url: string;
  readonly port: number;
  /** Stops the server at once (SIGKILL: what a crash looks like to the proxy); resolves once it is gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is persisted); resolves once it answers. */
  restart(): Promise<void>;
  /** Stops it for good (the test's cleanup). */
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, as the OS hands one out. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves once something accepts connections on `port`, or rejects after `timeoutMs`. */
async function waitForPort(port: number, child: ChildProcess, output: () => string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}:\n${output()}`);
    // oxlint-disable-next-line no-await-in-loop -- polling until the server listens
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      const done = (ok: boolean) => {
        socket.destroy();
        resolve(ok);
      };
      socket.once('connect', () => done(true)).once('error', () => done(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`redis-server did not listen on port ${port} within ${timeoutMs} ms:\n${output()}`);
    // oxlint-disable-next-line no-await-in-loop -- polling until the server listens
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Starts `redis-server --port <free port> --save '' --appendonly no` for a test: no mocked
 * Redis, and no system Redis service needed. Fails with how to install it when the binary is
 * missing (CI installs Debian's `redis-server` in `.ci/run`).
 */
export async function startRedis(): Promise<TestRedis> {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(`${REDIS_SERVER} is missing: the Redis tests start their own server. Install it with \`apt-get install -y redis-server\` (or set REDIS_SERVER to its path)`);
  }
  const port = await freePort();
  let child: ChildProcess | undefined;
  let output = '';

  const launch = async () => {
    output = '';
    const started = spawn(
      REDIS_SERVER,
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'warning'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitForPort(port, started, () => output);
  };

  const kill = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  };

  await launch();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill,
    async restart() {
      await kill();
      await launch();
    },
    stop: kill,
  };
}

import { fork, type ChildProcess } from 'node:child_process';
import { basename } from 'node:path';

/** A bench server (`servers.mjs`, `fakeUpstream.ts`, `clusterInstance.ts`) in a process of its own. */
export interface BenchServer<Stats> {
  child: ChildProcess;
  /** Where it listens: it sends `{ url }` once it does. */
  url: string;
  /** Its counters: sends it `{ type: 'stats', ...request }` and resolves with its reply. */
  stats(request?: Record<string, unknown>): Promise<Stats>;
  /** Kills it and resolves once it is gone (none of its sockets may meet the next server's requests). */
  stop(): Promise<void>;
}

/**
 * Forks a bench server and resolves once it listens; rejects if the process fails or exits
 * before that. A bench that fails midway leaves no server running: each is killed when the bench
 * exits (it would hold its port and a core's share).
 */
export function forkBenchServer<Stats>(path: string, args: string[] = [], execArgv: string[] = []): Promise<BenchServer<Stats>> {
  const child = fork(path, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${basename(path)} ${args[0] ?? ''} exited with ${code} before it listened`)));
    child.once('message', (message: { url: string }) =>
      resolve({
        child,
        url: message.url,
        stats: (request = {}) =>
          new Promise((done) => {
            child.once('message', (reply: Stats) => done(reply));
            child.send({ type: 'stats', ...request });
          }),
        stop: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          const exited = new Promise((done) => child.once('exit', done));
          child.kill();
          await exited;
        },
      }),
    );
  });
}

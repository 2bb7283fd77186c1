import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Chat2DeskConfigError } from '@c2d-console/core';
import { createAdaptorServer } from '@hono/node-server';
import type { ProxyDrain } from './ProxyEnv.js';

/** Options of {@link serveProxy}. */
export interface ServeProxyOptions {
  /** TCP port (default 8787; 0 picks a free one). */
  port?: number;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Signals that shut the server down gracefully (default SIGTERM and SIGINT; `[]` for none). */
  signals?: NodeJS.Signals[];
  /**
   * How long in-flight requests may finish after a shutdown starts before their connections
   * are closed. Default: the app's `drainTimeoutMs` (`timeoutMs` + 1 s for the proxy), else
   * 10 000 ms. Less than the app's `drainTimeoutMs` is refused: it would cut requests short.
   */
  shutdownTimeoutMs?: number;
}

/**
 * What `serveProxy` serves: any fetch handler; the proxy from `createProxy` also drains (see
 * {@link ProxyDrain}), so a shutdown answers every request instead of resetting it.
 */
export interface ServableApp extends Partial<ProxyDrain> {
  /** Answers a request; `env` is `@hono/node-server`'s `{ incoming, outgoing }` (the proxy drops a stalled event stream's socket with it). */
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>;
}

/** A running proxy server. */
export interface ProxyServer {
  /** `http://host:port` it listens on. */
  url: string;
  port: number;
  server: Server;
  /** Stops accepting connections, lets in-flight requests finish, then closes the rest. */
  close(): Promise<void>;
  /** Resolves once the server has shut down (after `close()` or a signal). */
  closed: Promise<void>;
}

/**
 * The grace in-flight requests get once a shutdown starts: `shutdownTimeoutMs`, checked against
 * the longest a request of `app` can still take, or that by default.
 */
function shutdownGraceMs(app: ServableApp, shutdownTimeoutMs: number | undefined): number {
  const needed = app.drainTimeoutMs;
  if (shutdownTimeoutMs === undefined) return needed ?? 10_000;
  if (needed !== undefined && shutdownTimeoutMs < needed) {
    throw new Chat2DeskConfigError(
      'shutdownTimeoutMs',
      `shutdownTimeoutMs is ${shutdownTimeoutMs} ms, but a proxy request may still take ${needed} ms once a shutdown ` +
        `starts (timeoutMs + 1 s): raise shutdownTimeoutMs to at least ${needed}, lower timeoutMs, or leave it out`,
    );
  }
  return shutdownTimeoutMs;
}

/**
 * Serves a fetch handler (the app from `createProxy`) on Node's HTTP server, with graceful
 * shutdown: on SIGTERM/SIGINT it stops accepting, drains the app (calls not yet sent answer
 * 503), waits for in-flight requests up to the grace, then closes the remaining connections.
 * Rejects with a `Chat2DeskConfigError` when `shutdownTimeoutMs` is shorter than the app needs.
 */
export function serveProxy(app: ServableApp, options: ServeProxyOptions = {}): Promise<ProxyServer> {
  const host = options.host ?? '127.0.0.1';
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  let shutdownTimeoutMs: number;
  try {
    shutdownTimeoutMs = shutdownGraceMs(app, options.shutdownTimeoutMs);
  } catch (error) {
    return Promise.reject(error);
  }
  const server = createAdaptorServer({ fetch: (request, env) => app.fetch(request, env) }) as Server;

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const onSignal = () => void close();

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      for (const signal of signals) process.off(signal, onSignal);
      const force = setTimeout(() => server.closeAllConnections(), shutdownTimeoutMs);
      // Keep-alive connections would hold close() open until they time out: drop each one as
      // soon as its last request has been answered.
      const sweep = setInterval(() => server.closeIdleConnections(), 25);
      force.unref();
      sweep.unref();
      server.on('request', (_request, response) => response.setHeader('connection', 'close'));
      server.close(() => {
        clearTimeout(force);
        clearInterval(sweep);
        // The stores close last: nothing can write to them any more.
        void Promise.resolve(app.close?.())
          .catch((error: unknown) => console.error('c2d-proxy: closing the stores failed:', error))
          .finally(() => {
            resolve();
            resolveClosed();
          });
      });
      server.closeIdleConnections();
      // After close(): nothing new is accepted while waiting calls are refused.
      app.drain?.();
    });
    return closing;
  }

  return new Promise<ProxyServer>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      for (const signal of signals) process.on(signal, onSignal);
      const { port } = server.address() as AddressInfo;
      const urlHost = host.includes(':') ? `[${host}]` : host;
      resolve({ url: `http://${urlHost}:${port}`, port, server, close, closed });
    });
  });
}

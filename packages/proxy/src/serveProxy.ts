import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';

/** Options of {@link serveProxy}. */
export interface ServeProxyOptions {
  /** TCP port (default 8787; 0 picks a free one). */
  port?: number;
  /** Interface to bind (default `127.0.0.1`). */
  host?: string;
  /** Signals that shut the server down gracefully (default SIGTERM and SIGINT; `[]` for none). */
  signals?: NodeJS.Signals[];
  /** How long in-flight requests may finish after a shutdown starts (default 10 000 ms). */
  shutdownTimeoutMs?: number;
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
 * Serves a fetch handler (the app from `createProxy`) on Node's HTTP server, with graceful
 * shutdown: on SIGTERM/SIGINT it stops accepting, waits for in-flight requests up to
 * `shutdownTimeoutMs`, then closes the remaining connections.
 */
export function serveProxy(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: ServeProxyOptions = {},
): Promise<ProxyServer> {
  const host = options.host ?? '127.0.0.1';
  const signals = options.signals ?? ['SIGTERM', 'SIGINT'];
  const shutdownTimeoutMs = options.shutdownTimeoutMs ?? 10_000;
  const server = createAdaptorServer({ fetch: (request) => app.fetch(request) }) as Server;

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
        resolve();
        resolveClosed();
      });
      server.closeIdleConnections();
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

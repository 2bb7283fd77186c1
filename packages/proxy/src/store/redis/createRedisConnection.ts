import { createHash } from 'node:crypto';
import { createClient, ErrorReply } from '@redis/client';
import { RedisUnavailableError } from './RedisUnavailableError.js';

/** A node-redis client as {@link createRedisConnection} configures it. */
export type RedisClient = ReturnType<typeof createClient>;

/** What a Redis command takes: strings (numbers are sent in their decimal spelling). */
export type RedisArgs = ReadonlyArray<string | number>;

/** Options of {@link createRedisConnection}. */
export interface RedisConnectionOptions {
  /** `redis://[user:password@]host:port[/db]` or `rediss://` for TLS (`C2D_PROXY_REDIS_URL`). */
  url: string;
  /**
   * Longest a command may go unanswered before it counts as Redis being unreachable (default
   * 1000 ms). node-redis has no such limit for a command already written to a socket, and a host
   * that drops packets would otherwise hold every request until TCP gives up.
   */
  commandTimeoutMs?: number;
  /** Shown in Redis's `CLIENT LIST`, to tell the proxy's connections apart. */
  name?: string;
}

/** Whether Redis answers, and if not why; for `/health`. */
export interface RedisHealth {
  status: 'up' | 'down';
  /** Why it is down (the last connection error), or `null` when up. */
  reason: string | null;
  /** When the status last changed (ISO 8601). */
  since: string;
}

/** A Lua script with its SHA-1, run by {@link RedisConnection.run}. */
export interface LuaScript {
  source: string;
  sha: string;
}

/** Defines a {@link LuaScript} (its SHA-1 computed once, for `EVALSHA`). */
export function defineLua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * One connection to Redis that fails fast: while it is down every command rejects at once with
 * a {@link RedisUnavailableError} (503) instead of queueing until Redis returns, and it
 * reconnects on its own in the background.
 */
export interface RedisConnection {
  /** True while connected and answering. */
  readonly ready: boolean;
  /** The connection's state, for `/health`. */
  health(): RedisHealth;
  /** Resolves once connected, or rejects after `timeoutMs` with how to fix the URL. */
  connected(timeoutMs: number): Promise<void>;
  /** Resolves true once connected, or false after `timeoutMs`. */
  whenReady(timeoutMs: number): Promise<boolean>;
  /**
   * Sends one command. `timeoutMs: null` waits as long as it takes (a blocking `XREAD`); the
   * default is the connection's command timeout.
   */
  command<T = unknown>(args: RedisArgs, options?: { timeoutMs?: number | null }): Promise<T>;
  /** Runs a Lua script by its SHA-1, loading it first when Redis does not know it (after a restart). */
  run<T = unknown>(script: LuaScript, keys: readonly string[], args: RedisArgs): Promise<T>;
  /** Calls `listener` each time the connection becomes ready again after being down; returns the unsubscribe. */
  onReady(listener: () => void): () => void;
  /** Another connection with the same options, for blocking reads and pub/sub (which hold a connection). */
  duplicate(name: string): RedisConnection;
  /** The node-redis client underneath (pub/sub). */
  readonly client: RedisClient;
  /** Closes the connection; commands sent later reject. */
  close(): Promise<void>;
}

/** The URL with its password hidden, for messages and logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an unparsable URL)';
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message || error.name : String(error));

/** Creates a {@link RedisConnection} and starts connecting (it does not wait: see `connected`). */
export function createRedisConnection(options: RedisConnectionOptions): RedisConnection {
  const commandTimeoutMs = options.commandTimeoutMs ?? 1000;
  if (!Number.isSafeInteger(commandTimeoutMs) || commandTimeoutMs < 1) {
    throw new RangeError(`redis commandTimeoutMs must be a positive integer (got ${String(commandTimeoutMs)})`);
  }
  const client: RedisClient = createClient({
    url: options.url,
    // CLIENT SETNAME refuses spaces, and a refused name would keep the connection from ever being ready.
    name: options.name?.replace(/\s+/g, '-'),
    // RESP2: every reply (XREAD, HMGET, script results) is a plain array, whatever the server
    // version; pub/sub has a connection of its own anyway.
    RESP: 2,
    // Fail fast: a command sent while Redis is down is refused at once rather than queued
    // until it comes back (a webhook must get its non-2xx now, a read must fall back now).
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      // Forever, backing off to 2 s: the proxy keeps serving (degraded) and recovers by itself.
      reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, 2000),
    },
  });
  let health: RedisHealth = { status: 'down', reason: 'not connected yet', since: new Date().toISOString() };
  const readyListeners = new Set<() => void>();
  let closed = false;
  let wasReady = false;

  const setHealth = (status: RedisHealth['status'], reason: string | null) => {
    if (health.status !== status || health.reason !== reason) health = { status, reason, since: status === health.status ? health.since : new Date().toISOString() };
  };
  client.on('ready', () => {
    setHealth('up', null);
    if (wasReady) for (const listener of readyListeners) listener();
    wasReady = true;
  });
  // Without an 'error' listener node-redis would throw from the event emitter.
  client.on('error', (error: unknown) => setHealth('down', describe(error)));
  client.on('end', () => setHealth('down', 'connection closed'));
  client.connect().catch((error: unknown) => setHealth('down', describe(error)));

  const unavailable = (error: unknown) => new RedisUnavailableError(health.status === 'down' && health.reason ? health.reason : describe(error), { cause: error });

  async function command<T>(args: RedisArgs, commandOptions: { timeoutMs?: number | null } = {}): Promise<T> {
    if (closed) throw new Error('the Redis connection is closed');
    if (!client.isReady) throw new RedisUnavailableError(health.reason ?? 'not connected');
    const sent = client.sendCommand<T>(args.map(String));
    const timeoutMs = commandOptions.timeoutMs === undefined ? commandTimeoutMs : commandOptions.timeoutMs;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      if (timeoutMs === null) return await sent;
      return await Promise.race([
        sent,
        new Promise<never>((_resolve, reject) => {
          timer = setTimeout(() => reject(new RedisUnavailableError(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      // A reply Redis sent (a script's error, a wrong type) is a bug to see, not an outage.
      if (error instanceof ErrorReply || error instanceof RedisUnavailableError) throw error;
      throw unavailable(error);
    } finally {
      if (timer !== undefined) clearTimeout(timer);
      // A command given up on may still be rejected later: that rejection is expected.
      sent.catch(() => {});
    }
  }

  const connection: RedisConnection = {
    get ready() {
      return client.isReady;
    },
    health: () => ({ ...health }),
    whenReady(timeoutMs) {
      if (client.isReady) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const onReady = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          client.off('ready', onReady);
          resolve(false);
        }, timeoutMs);
        client.once('ready', onReady);
      });
    },
    async connected(timeoutMs) {
      if (await connection.whenReady(timeoutMs)) return;
      throw new Error(
        `could not connect to Redis at ${redactRedisUrl(options.url)} within ${timeoutMs} ms (${health.reason ?? 'no answer'}): check C2D_PROXY_REDIS_URL (option redis.url) and that Redis is running`,
      );
    },
    command,
    async run<T>(script: LuaScript, keys: readonly string[], args: RedisArgs): Promise<T> {
      try {
        return await command<T>(['EVALSHA', script.sha, keys.length, ...keys, ...args]);
      } catch (error) {
        if (!(error instanceof ErrorReply) || !error.message.startsWith('NOSCRIPT')) throw error;
        return command<T>(['EVAL', script.source, keys.length, ...keys, ...args]);
      }
    },
    onReady(listener) {
      const entry = () => listener();
      readyListeners.add(entry);
      return () => void readyListeners.delete(entry);
    },
    duplicate: (name) => createRedisConnection({ ...options, name }),
    client,
    async close() {
      if (closed) return;
      closed = true;
      readyListeners.clear();
      // destroy, not quit: a blocked XREAD would hold quit until its timeout.
      client.destroy();
    },
  };
  return connection;
}

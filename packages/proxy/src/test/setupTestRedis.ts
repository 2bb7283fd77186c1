import { afterAll, afterEach, beforeAll } from 'vitest';
import { createRedisConnection, type RedisConnection, type RedisConnectionOptions } from '../store/redis/createRedisConnection.js';
import { startRedis, type TestRedis } from './startRedis.js';

/** A test file's own `redis-server`, and connections to it closed after each test. */
export interface TestRedisHandle {
  /** The server (started before the file's tests, stopped after them): kill and restart it to test outages. */
  readonly server: TestRedis;
  readonly url: string;
  /** A connection to the server, connected (closed after the test). */
  connect(options?: Partial<RedisConnectionOptions>): Promise<RedisConnection>;
  /** A key namespace no other test uses, so tests share the server without seeing each other's keys. */
  namespace(): string;
  /** Registers a cleanup to run after the current test (before the connections close). */
  cleanup(task: () => unknown): void;
}

let namespaces = 0;

/** Registers the hooks of a test file that needs a real Redis (see {@link startRedis}). */
export function setupTestRedis(): TestRedisHandle {
  let server: TestRedis | undefined;
  const connections: RedisConnection[] = [];
  const cleanups: Array<() => unknown> = [];
  beforeAll(async () => {
    server = await startRedis();
  });
  afterEach(async () => {
    // oxlint-disable-next-line no-await-in-loop -- cleanups run in order, the newest first
    for (const task of cleanups.splice(0).toReversed()) await task();
    await Promise.all(connections.splice(0).map((connection) => connection.close()));
  });
  afterAll(async () => {
    await server?.stop();
  });
  const running = () => {
    if (!server) throw new Error('Redis is not started yet: use the handle inside a test or hook');
    return server;
  };
  return {
    get server() {
      return running();
    },
    get url() {
      return running().url;
    },
    async connect(options = {}) {
      const connection = createRedisConnection({ url: running().url, ...options });
      connections.push(connection);
      await connection.connected(5000);
      return connection;
    },
    namespace: () => `c2d-test:{${process.pid}-${++namespaces}}:`,
    cleanup(task) {
      cleanups.push(task);
    },
  };
}

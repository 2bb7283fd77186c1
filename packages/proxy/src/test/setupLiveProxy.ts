import { afterAll, afterEach, beforeAll } from 'vitest';
import type { ProxyOptions } from '../options.js';
import { fakeUpstream, type FakeUpstream } from './createFakeUpstream.js';
import { TEST_WEBHOOK_SECRET } from './liveEvents.js';
import { startProxy, type Answer, type TestProxy } from './startProxy.js';

/** The Chat2Desk token live-mode tests run with: long enough for the redactor to hide it. */
export const TEST_TOKEN = 'c2d-test-token-5f1e2d3c4b5a69788796a5b4c3d2e1f0';

/** A fake Chat2Desk for the whole test file: listening before its tests, closed after them. */
export function setupFakeUpstream(): FakeUpstream {
  const fake = fakeUpstream();
  beforeAll(() => fake.listen());
  afterAll(() => fake.close());
  return fake;
}

/**
 * The options live-mode test proxies start with: live mode against `upstream`, `insecureNoAuth`,
 * no rate limit, the test webhook secret, no background client index (its pages would be calls
 * the tests do not expect).
 */
export const liveTestOptions = (upstream: FakeUpstream): ProxyOptions => ({
  token: TEST_TOKEN,
  upstreamUrl: upstream.url,
  insecureNoAuth: true,
  rateLimit: false,
  clientIndex: false,
  webhooks: { secret: TEST_WEBHOOK_SECRET },
});

/** A test file's live-mode proxy in front of its fake Chat2Desk. */
export interface LiveProxy {
  /** The file's fake Chat2Desk; its calls and overrides are forgotten after each test. */
  upstream: FakeUpstream;
  /** Starts this test's proxy (closed after the test) with the file's defaults, then `options`. */
  start(options?: ProxyOptions): Promise<TestProxy>;
  /** `fetch` against the started proxy. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** `request`, then status, headers and the JSON body. */
  call(path: string, init?: RequestInit): Promise<Answer>;
}

/**
 * Registers the hooks of a live-mode proxy test file and returns how to start and call the
 * proxy: {@link liveTestOptions} against a fake Chat2Desk, then `defaults`.
 */
export function setupLiveProxy(defaults: ProxyOptions = {}): LiveProxy {
  const upstream = setupFakeUpstream();
  let current: TestProxy | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
    upstream.reset();
  });
  const proxy = () => {
    if (!current) throw new Error('Start the proxy first: await start()');
    return current;
  };
  return {
    upstream,
    async start(options = {}) {
      current = await startProxy({ ...liveTestOptions(upstream), ...defaults, ...options });
      return current;
    },
    request: (path, init) => proxy().request(path, init),
    call: (path, init) => proxy().call(path, init),
  };
}

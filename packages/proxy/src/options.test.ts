import { Chat2DeskConfigError } from '@c2d-console/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createProxy } from './createProxy.js';
import type { ProxyOptions } from './options.js';
import { TEST_TOKEN } from './test/setupLiveProxy.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('live mode needs auth', () => {
  it('refuses to start without auth, saying how to configure it', () => {
    const attempt = () => createProxy({ token: TEST_TOKEN, logger: false });
    expect(attempt).toThrow(Chat2DeskConfigError);
    expect(attempt).toThrow(/C2D_PROXY_JWT_SECRET.*authorize\(request\).*C2D_PROXY_INSECURE_NO_AUTH=1/s);
  });

  it('starts without auth when told it is deliberate (option or C2D_PROXY_INSECURE_NO_AUTH=1)', () => {
    expect(() => createProxy({ token: TEST_TOKEN, insecureNoAuth: true, logger: false })).not.toThrow();
    vi.stubEnv('C2D_PROXY_INSECURE_NO_AUTH', '1');
    expect(() => createProxy({ token: TEST_TOKEN, logger: false })).not.toThrow();
  });

  it('needs no auth in sandbox mode', () => {
    expect(() => createProxy({ logger: false })).not.toThrow();
  });

  it.each([
    [{ auth: {} }, /jwtSecret .* or authorize/],
    [{ auth: { jwtSecret: '' } }, /jwtSecret is empty/],
    [{ insecureNoAuth: true, allowedOrigins: ['https://crm.example.com/'] }, /not an origin/],
    [{ insecureNoAuth: true, upstreamUrl: 'api.chat2desk.com' }, /upstreamUrl must be an http\(s\) URL/],
    [{ insecureNoAuth: true, timeoutMs: 0 }, /timeoutMs must be a positive number/],
    [{ insecureNoAuth: true, webhooks: { secret: 'short' } }, /webhooks\.secret \(C2D_WEBHOOK_SECRET\) must be 16 to 128 characters .*openssl rand -hex 24/],
    [{ insecureNoAuth: true, webhooks: { secret: 'a/b/c/d/e/f/g/h/i/j/k' } }, /webhooks\.secret/],
    [{ insecureNoAuth: true, webhooks: { signature: { header: 'X Sig', key: 'k' } } }, /signature\.header must be a header name/],
    [{ insecureNoAuth: true, webhooks: { signature: { header: 'X-Sig', key: '' } } }, /signature\.key is empty; set C2D_WEBHOOK_SIGNATURE_KEY/],
    [{ insecureNoAuth: true, webhooks: { signature: { header: 'X-Sig', key: 'k', algorithm: 'MD5' as never } } }, /SHA-1, SHA-256 or SHA-512/],
    [{ insecureNoAuth: true, store: { eventRetentionMs: 10 } }, /store\.eventRetentionMs must be an integer of at least 60000/],
    [{ insecureNoAuth: true, events: { maxConnections: 0 } }, /events\.maxConnections must be a positive integer/],
    [{ insecureNoAuth: true, clientIndex: { pauseMs: -1 } }, /clientIndex\.pauseMs must be 0 or more/],
  ] satisfies Array<[ProxyOptions, RegExp]>)('refuses bad options %j with a message saying what to fix', (options, message) => {
    expect(() => createProxy({ token: TEST_TOKEN, logger: false, ...options })).toThrow(message);
  });
});

describe('the live console’s options', () => {
  it('keeps the sandbox’s events in memory: a data folder is refused in sandbox mode, saying why', () => {
    expect(() => createProxy({ logger: false, store: { dataDir: './data' } })).toThrow(/store\.dataDir is for live mode: the sandbox makes its account afresh/);
    expect(() => createProxy({ logger: false, sandbox: { activity: { intervalMs: 5 } } })).toThrow(/sandbox\.activity\.intervalMs must be at least 100 ms/);
  });
});

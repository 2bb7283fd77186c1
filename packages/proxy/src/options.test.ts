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
  ] satisfies Array<[ProxyOptions, RegExp]>)('refuses bad options %j with a message saying what to fix', (options, message) => {
    expect(() => createProxy({ token: TEST_TOKEN, logger: false, ...options })).toThrow(message);
  });
});

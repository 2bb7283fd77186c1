import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { createProxy } from '../createProxy.js';
import { TEST_JWT_SECRET } from '../test/testJwt.js';
import { TEST_TOKEN, setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call, request } = setupLiveProxy();

describe('health route', () => {
  it('sandbox: answers the mode without calling anything', async () => {
    const proxy = createProxy({ logger: false });
    const answer = await proxy.fetch(new Request('http://proxy.test/health'));
    expect(await answer.json()).toEqual({ status: 'ok', mode: 'sandbox' });
  });

  it('live: adds Chat2Desk’s state from the account info, probed once a minute at most', async () => {
    await start();
    const first = await call('/health');
    expect(first).toMatchObject({
      status: 200,
      body: { status: 'ok', mode: 'live', upstream: { reachable: true, tokenValid: true, requestsThisMonth: 18234 } },
    });
    await Promise.all([call('/health'), call('/health')]);
    expect(upstream.calls.map((c) => c.path)).toEqual(['/v1/companies/api_info']);
  });

  it.each([
    ['at HTTP 200', 200],
    ['at HTTP 401', 401],
  ])('live: answers 503 when Chat2Desk rejects the token (%s), saying who must fix it', async (_, status) => {
    await start();
    upstream.on('GET', '/v1/companies/api_info', { status, body: c2d.errorTokenIncorrect });
    const { status: answered, body } = await call('/health');
    expect(answered).toBe(503);
    expect(body).toMatchObject({
      status: 'degraded',
      upstream: { reachable: true, tokenValid: false, error: { code: 'upstream_auth', message: expect.stringContaining('CHAT2DESK_API_TOKEN') } },
    });
    expect(JSON.stringify(body)).not.toContain(TEST_TOKEN);
  });

  it('live: reports the used-up quota and an unreachable Chat2Desk as degraded, still 200', async () => {
    await start({ retry: { retries: 0 } });
    upstream.on('GET', '/v1/companies/api_info', { body: c2d.errorQuota });
    expect((await call('/health')).body).toMatchObject({
      status: 'degraded',
      upstream: { reachable: true, tokenValid: true, error: { code: 'upstream_quota' } },
    });
    await start({ upstreamUrl: 'http://127.0.0.1:9', retry: { retries: 0 } });
    expect(await call('/health')).toMatchObject({ status: 200, body: { status: 'degraded', upstream: { reachable: false, tokenValid: null, error: { code: 'upstream_error' } } } });
  });

  it('leaves /health open for load balancers', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    expect((await request('/health')).status).toBe(200);
  });
});

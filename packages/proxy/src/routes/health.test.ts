import { describe, expect, it } from 'vitest';
import { TEST_JWT_SECRET } from '../test/testJwt.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call, request } = setupLiveProxy();

describe('health route', () => {
  it('GET /health answers the mode without calling Chat2Desk', async () => {
    await start();
    expect(await call('/health')).toMatchObject({ status: 200, body: { status: 'ok', mode: 'live' } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('leaves /health open for load balancers', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    expect((await request('/health')).status).toBe(200);
  });
});

import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { start, call } = setupLiveProxy();

describe('requestLog', () => {
  it('writes one JSON log line a request: method, route pattern, status, ms, upstream calls', async () => {
    const proxy = await start();
    await call('/clients/1201');
    await call('/clients/abc');
    await call('/nope');
    const lines = proxy.logs.map((line) => JSON.parse(line));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toEqual({
      time: expect.any(String),
      level: 'info',
      method: 'GET',
      route: '/clients/:id',
      status: 200,
      ms: expect.any(Number),
      upstreamCalls: 1,
    });
    expect(lines[1]).toMatchObject({ route: '/clients/:id', status: 400, upstreamCalls: 0 });
    expect(lines[2]).toMatchObject({ method: 'GET', status: 404, upstreamCalls: 0 });
    // Paths can carry phone numbers: only the pattern is logged.
    expect(proxy.logs.join('\n')).not.toContain('/clients/1201');
  });
});

import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('answer mappers', () => {
  it('answers 502 upstream_error when Chat2Desk answers an unexpected shape', async () => {
    await start();
    upstream.on('GET', '/v1/clients', { body: { data: [{ id: 'eleven' }], status: 'success' } });
    const { status, body } = await call('/clients');
    expect(status).toBe(502);
    expect(body.error.code).toBe('upstream_error');
    expect(body.error.message).toMatch(/unexpected shape \(data\.0\.id/);
  });
});

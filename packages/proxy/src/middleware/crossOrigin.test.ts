import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { bearer, nowSeconds, TEST_JWT_SECRET } from '../test/testJwt.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, request } = setupLiveProxy();

describe('crossOrigin', () => {
  it('allows listed origins (preflight and actual request) and no others', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET }, allowedOrigins: ['https://crm.example.com'] });
    const preflight = await request('/messages', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://crm.example.com',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    // A card edit from the CRM's page is a PATCH.
    const edit = await request('/clients/1201', { method: 'OPTIONS', headers: { origin: 'https://crm.example.com', 'access-control-request-method': 'PATCH' } });
    expect(edit.headers.get('access-control-allow-methods')?.split(',')).toContain('PATCH');

    const jwt = await sign({ exp: nowSeconds() + 60 }, TEST_JWT_SECRET, 'HS256');
    const allowed = await request('/clients', { headers: { origin: 'https://crm.example.com', ...bearer(jwt) } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
    expect(allowed.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');

    const other = await request('/clients', { headers: { origin: 'https://evil.example', ...bearer(jwt) } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPreflight = await request('/messages', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a send from a foreign origin, and accepts one from its own host', async () => {
    const proxy = await start({ auth: { authorize: () => true }, allowedOrigins: ['https://crm.example.com'] });
    const body = JSON.stringify({ clientId: 11, text: 'hi' });
    const headers = { 'content-type': 'application/json' };
    const foreign = await request('/messages', { method: 'POST', body, headers: { ...headers, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toContain('https://evil.example is not allowed');
    const own = await request('/messages', { method: 'POST', body, headers: { ...headers, origin: proxy.url } });
    expect(own.status).toBe(201);
    const listed = await request('/messages', { method: 'POST', body, headers: { ...headers, origin: 'https://crm.example.com' } });
    expect(listed.status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(2);
  });
});

import { Chat2DeskConfigError } from '@c2d-console/core';
import { sign } from 'hono/jwt';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createProxy } from './createProxy.js';
import type { ProxyOptions } from './options.js';
import { createFakeUpstream, type FakeUpstream } from './test/createFakeUpstream.js';
import { startProxy, type TestProxy } from './test/startProxy.js';

const TOKEN = 'c2d-test-token-secret-77aa66bb55cc44dd33ee22ff1100';
const SECRET = 'jwt-secret-for-tests-9c8b7a6f5e4d3c2b1a00';

let upstream: FakeUpstream;
let proxy: TestProxy | undefined;

beforeAll(async () => {
  upstream = await createFakeUpstream();
});
afterAll(() => upstream.close());
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
  upstream.reset();
  vi.unstubAllEnvs();
});

async function start(options: ProxyOptions): Promise<TestProxy> {
  proxy = await startProxy({ token: TOKEN, upstreamUrl: upstream.url, rateLimit: false, ...options });
  return proxy;
}

const now = () => Math.floor(Date.now() / 1000);
const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

describe('live mode needs auth', () => {
  it('refuses to start without auth, saying how to configure it', () => {
    const attempt = () => createProxy({ token: TOKEN, logger: false });
    expect(attempt).toThrow(Chat2DeskConfigError);
    expect(attempt).toThrow(/C2D_PROXY_JWT_SECRET.*authorize\(request\).*C2D_PROXY_INSECURE_NO_AUTH=1/s);
  });

  it('starts without auth when told it is deliberate (option or C2D_PROXY_INSECURE_NO_AUTH=1)', () => {
    expect(() => createProxy({ token: TOKEN, insecureNoAuth: true, logger: false })).not.toThrow();
    vi.stubEnv('C2D_PROXY_INSECURE_NO_AUTH', '1');
    expect(() => createProxy({ token: TOKEN, logger: false })).not.toThrow();
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
    expect(() => createProxy({ token: TOKEN, logger: false, ...options })).toThrow(message);
  });
});

describe('JWT auth', () => {
  it('requires a bearer token, accepts a valid one and refuses an expired or forged one', async () => {
    await start({ auth: { jwtSecret: SECRET } });
    const missing = await proxy!.request('/clients');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await missing.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Authorization: Bearer') } });

    const valid = await proxy!.request('/clients', { headers: bearer(await sign({ sub: 'op-1', exp: now() + 60 }, SECRET, 'HS256')) });
    expect(valid.status).toBe(200);

    const expired = await proxy!.request('/clients', { headers: bearer(await sign({ sub: 'op-1', exp: now() - 10 }, SECRET, 'HS256')) });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toMatch(/expired/);

    const forged = await proxy!.request('/clients', { headers: bearer(await sign({ exp: now() + 60 }, 'another-secret', 'HS256')) });
    expect(forged.status).toBe(401);

    const noExp = await proxy!.request('/clients', { headers: bearer(await sign({ sub: 'op-1' }, SECRET, 'HS256')) });
    expect(noExp.status).toBe(401);
    expect((await noExp.json()).error.message).toMatch(/exp claim/);

    const garbage = await proxy!.request('/clients', { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(garbage.status).toBe(401);

    // Only the valid request reached Chat2Desk.
    expect(upstream.calls).toHaveLength(1);
    expect(JSON.parse(proxy!.logs[0]!)).toMatchObject({ method: 'GET', route: '/clients', status: 401, upstreamCalls: 0 });
  });

  it('stops accepting a token once it expires, even after it was accepted', async () => {
    await start({ auth: { jwtSecret: SECRET } });
    const exp = now() + 2; // 1 to 2 s from now: enough to be accepted first
    const headers = bearer(await sign({ exp }, SECRET, 'HS256'));
    expect((await proxy!.request('/operators', { headers })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    const late = await proxy!.request('/operators', { headers });
    expect(late.status).toBe(401);
    expect((await late.json()).error.message).toMatch(/expired/);
  });

  it('leaves /health open for load balancers', async () => {
    await start({ auth: { jwtSecret: SECRET } });
    expect((await proxy!.request('/health')).status).toBe(200);
  });
});

describe('authorize hook', () => {
  it('passes the request to the hook; false answers 403 forbidden', async () => {
    const seen: string[] = [];
    await start({
      auth: {
        authorize: (request) => {
          seen.push(request.headers.get('cookie') ?? '');
          return request.headers.get('cookie') === 'session=ok';
        },
      },
    });
    const refused = await proxy!.request('/operators', { headers: { cookie: 'session=bad' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect((await proxy!.request('/operators', { headers: { cookie: 'session=ok' } })).status).toBe(200);
    expect(seen).toEqual(['session=bad', 'session=ok']);
    expect(upstream.calls).toHaveLength(1);
  });

  it('answers 500 internal without the error or a stack trace when the hook throws', async () => {
    await start({
      auth: {
        authorize: () => {
          throw new Error('session store at /srv/secret/db is down');
        },
      },
    });
    const answer = await proxy!.request('/clients');
    expect(answer.status).toBe(500);
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toMatch(/session store|\/srv\/secret|at .*\.ts/);
    // ...while the operator finds it in the logs.
    expect(proxy!.logs.some((line) => line.includes('session store at /srv/secret/db is down'))).toBe(true);
  });
});

describe('CORS', () => {
  it('allows listed origins (preflight and actual request) and no others', async () => {
    await start({ auth: { jwtSecret: SECRET }, allowedOrigins: ['https://crm.example.com'] });
    const preflight = await proxy!.request('/messages', {
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

    const jwt = await sign({ exp: now() + 60 }, SECRET, 'HS256');
    const allowed = await proxy!.request('/clients', { headers: { origin: 'https://crm.example.com', ...bearer(jwt) } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://crm.example.com');
    expect(allowed.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('retry-after');

    const other = await proxy!.request('/clients', { headers: { origin: 'https://evil.example', ...bearer(jwt) } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const otherPreflight = await proxy!.request('/messages', {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(otherPreflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a send from a foreign origin, and accepts one from its own host', async () => {
    await start({ auth: { authorize: () => true }, allowedOrigins: ['https://crm.example.com'] });
    const body = JSON.stringify({ clientId: 11, text: 'hi' });
    const headers = { 'content-type': 'application/json' };
    const foreign = await proxy!.request('/messages', { method: 'POST', body, headers: { ...headers, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error.message).toContain('https://evil.example is not allowed');
    const own = await proxy!.request('/messages', { method: 'POST', body, headers: { ...headers, origin: proxy!.url } });
    expect(own.status).toBe(201);
    const listed = await proxy!.request('/messages', { method: 'POST', body, headers: { ...headers, origin: 'https://crm.example.com' } });
    expect(listed.status).toBe(201);
    expect(upstream.callsTo('/v1/messages', 'POST')).toHaveLength(2);
  });
});

describe('body limit', () => {
  it('answers 413 payload_too_large for a body over 64 KiB, without calling Chat2Desk', async () => {
    await start({ insecureNoAuth: true });
    const answer = await proxy!.request('/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 11, text: 'x'.repeat(70 * 1024) }),
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({ error: { code: 'payload_too_large', message: 'The request body is larger than 64 KiB' } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('counts a streamed body without Content-Length too', async () => {
    await start({ insecureNoAuth: true, maxBodyBytes: 1024 });
    const chunk = new TextEncoder().encode('x'.repeat(600));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const answer = await proxy!.request('/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(413);
  });
});

describe('the Chat2Desk token', () => {
  it('never appears in any response body, header or log line, whatever happens', async () => {
    await start({ auth: { jwtSecret: SECRET }, timeoutMs: 100, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 10 } });
    const jwt = await sign({ exp: now() + 60 }, SECRET, 'HS256');
    const auth = bearer(jwt);
    // Chat2Desk echoing the token back in an error must not carry it through either.
    upstream.on('POST', '/v1/messages', { status: 400, body: { status: 'error', message: `token ${TOKEN} is not allowed to send` } });
    upstream.on('GET', '/v1/clients/1', { status: 401 });
    upstream.on('GET', '/v1/clients/2', { status: 500, body: { status: 'error', message: TOKEN } });
    upstream.on('GET', '/v1/clients/3', { latencyMs: 300 });
    upstream.on('GET', '/v1/clients/4', { raw: `not json ${TOKEN}` });
    upstream.on('GET', '/v1/clients/5', { status: 429, headers: { 'retry-after': '60' } });
    upstream.on('GET', '/v1/dialogs/900', { body: { data: { id: TOKEN }, status: 'success' } });

    const requests: Array<[string, RequestInit?]> = [
      ['/health'],
      ['/clients', { headers: auth }],
      ['/clients'],
      ['/clients/1', { headers: auth }],
      ['/clients/2', { headers: auth }],
      ['/clients/3', { headers: auth }],
      ['/clients/4', { headers: auth }],
      ['/clients/5', { headers: auth }],
      ['/clients/999', { headers: auth }],
      ['/clients/x', { headers: auth }],
      ['/dialogs/900', { headers: auth }],
      ['/transfers?dialogId=900', { headers: auth }],
      ['/messages', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 11, text: 'hi' }) }],
      ['/nope', { headers: auth }],
    ];
    const answers = await Promise.all(
      requests.map(async ([path, init]) => {
        const response = await proxy!.request(path, init);
        return { status: response.status, text: await response.text(), headers: [...response.headers] };
      }),
    );
    for (const answer of answers) {
      expect(answer.text).not.toContain(TOKEN);
      for (const [name, value] of answer.headers) expect(`${name}: ${value}`).not.toContain(TOKEN);
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 502, 502, 504, 502, 429, 404, 400, 502, 200, 400, 404]);
    expect(proxy!.logs.length).toBeGreaterThanOrEqual(requests.length);
    for (const line of proxy!.logs) expect(line).not.toContain(TOKEN);
    // The check means something only if the token really travelled upstream.
    expect(upstream.calls.every((c) => c.headers.authorization === TOKEN)).toBe(true);
  });
});

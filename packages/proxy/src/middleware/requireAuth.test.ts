import { Hono } from 'hono';
import { sign } from 'hono/jwt';
import type { JWTPayload } from 'hono/utils/jwt/types';
import { describe, expect, it } from 'vitest';
import { postJson } from '../test/startProxy.js';
import { bearer, nowSeconds, TEST_JWT_SECRET } from '../test/testJwt.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { can } from './can.js';
import { requireAuth } from './requireAuth.js';

const { upstream, start, request } = setupLiveProxy();

describe('JWT auth', () => {
  it('requires a bearer token, accepts a valid one and refuses an expired or forged one', async () => {
    const proxy = await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const missing = await request('/clients');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await missing.json()).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Authorization: Bearer') } });

    const valid = await request('/clients', { headers: bearer(await sign({ sub: 'op-1', exp: nowSeconds() + 60 }, TEST_JWT_SECRET, 'HS256')) });
    expect(valid.status).toBe(200);

    const expired = await request('/clients', { headers: bearer(await sign({ sub: 'op-1', exp: nowSeconds() - 10 }, TEST_JWT_SECRET, 'HS256')) });
    expect(expired.status).toBe(401);
    expect((await expired.json()).error.message).toMatch(/expired/);

    const forged = await request('/clients', { headers: bearer(await sign({ exp: nowSeconds() + 60 }, 'another-secret', 'HS256')) });
    expect(forged.status).toBe(401);

    const noExp = await request('/clients', { headers: bearer(await sign({ sub: 'op-1' }, TEST_JWT_SECRET, 'HS256')) });
    expect(noExp.status).toBe(401);
    expect((await noExp.json()).error.message).toMatch(/exp claim/);

    const garbage = await request('/clients', { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(garbage.status).toBe(401);

    // Only the valid request reached Chat2Desk.
    expect(upstream.calls).toHaveLength(1);
    expect(JSON.parse(proxy.logs[0]!)).toMatchObject({ method: 'GET', route: '/clients', status: 401, upstreamCalls: 0 });
  });

  it('stops accepting a token once it expires, even after it was accepted', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const exp = nowSeconds() + 2; // 1 to 2 s from now: enough to be accepted first
    const headers = bearer(await sign({ exp }, TEST_JWT_SECRET, 'HS256'));
    expect((await request('/operators', { headers })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, exp * 1000 - Date.now() + 50));
    const late = await request('/operators', { headers });
    expect(late.status).toBe(401);
    expect((await late.json()).error.message).toMatch(/expired/);
  });
});

describe('JWT claims', () => {
  it.each([
    [{ exp: String(nowSeconds() + 60) }, /malformed: its exp claim must be a number/],
    [{ exp: '1' }, /malformed: its exp claim must be a number/],
    [{ exp: nowSeconds() + 60, nbf: 'now' }, /malformed: its nbf claim must be a number/],
    [{ exp: nowSeconds() + 60, nbf: nowSeconds() + 30 }, /not valid yet/],
  ])('refuses %j with a 401 that says what is wrong', async (claims, message) => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    // sign() types `exp` as a number: these tokens are malformed on purpose.
    const jwt = await sign(claims as unknown as JWTPayload, TEST_JWT_SECRET, 'HS256');
    const answer = await request('/clients', { headers: bearer(jwt) });
    expect(answer.status).toBe(401);
    expect((await answer.json()).error.message).toMatch(message);
    expect(upstream.calls).toHaveLength(0);
  });

  it('checks the signature before the claims: a forged expired token is "not valid", not "expired"', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const forged = await request('/clients', { headers: bearer(await sign({ exp: nowSeconds() - 10 }, 'another-secret', 'HS256')) });
    expect(forged.status).toBe(401);
    expect((await forged.json()).error.message).toBe('The bearer token is not valid');
  });
});

describe('authorize hook', () => {
  it('passes the request to the hook; false answers 403 forbidden', async () => {
    const seen: string[] = [];
    await start({
      auth: {
        authorize: (hostRequest) => {
          seen.push(hostRequest.headers.get('cookie') ?? '');
          return hostRequest.headers.get('cookie') === 'session=ok';
        },
      },
    });
    const refused = await request('/operators', { headers: { cookie: 'session=bad' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect((await request('/operators', { headers: { cookie: 'session=ok' } })).status).toBe(200);
    expect(seen).toEqual(['session=bad', 'session=ok']);
    expect(upstream.calls).toHaveLength(1);
  });
});

describe('the caller', () => {
  // A bare app with only the middleware, echoing what routes will read from `c.var.caller`.
  const echo = (auth: Parameters<typeof requireAuth>[0]) =>
    new Hono<ProxyEnv>().use(requireAuth(auth)).get('/who', can('read'), (c) => c.json(c.var.caller));

  it("comes from the JWT's sub and c2d_operator_id, also when the verified token is remembered", async () => {
    const app = echo({ jwtSecret: TEST_JWT_SECRET });
    const headers = bearer(await sign({ sub: 'crm-user-7', c2d_operator_id: 101, exp: nowSeconds() + 60 }, TEST_JWT_SECRET, 'HS256'));
    expect(await (await app.request('/who', { headers })).json()).toEqual({ subject: 'crm-user-7', operatorId: 101, actions: null });
    expect(await (await app.request('/who', { headers })).json()).toEqual({ subject: 'crm-user-7', operatorId: 101, actions: null });
  });

  it("takes what authorize answers instead of true, over the JWT's claims", async () => {
    const app = echo({
      jwtSecret: TEST_JWT_SECRET,
      authorize: (req) => (req.headers.get('cookie') === 'op=102' ? { operatorId: 102 } : true),
    });
    const headers = bearer(await sign({ sub: 'crm-user-7', exp: nowSeconds() + 60 }, TEST_JWT_SECRET, 'HS256'));
    expect(await (await app.request('/who', { headers })).json()).toEqual({ subject: 'crm-user-7', operatorId: null, actions: null });
    expect(await (await app.request('/who', { headers: { ...headers, cookie: 'op=102' } })).json()).toEqual({ subject: 'crm-user-7', operatorId: 102, actions: null });
  });
});

describe('actions', () => {
  it('tells authorize what the request would do: read for a GET, the write for a write', async () => {
    const asked: string[] = [];
    await start({
      auth: {
        authorize: (_request, { action }) => {
          asked.push(action);
          return true;
        },
      },
    });
    expect((await request('/operators')).status).toBe(200);
    expect((await request('/messages', postJson({ clientId: 1201, text: 'hi' }))).status).toBe(201);
    expect((await request('/messages', postJson({ clientId: 1201, text: 'a note', type: 'comment' }))).status).toBe(201);
    expect(asked).toEqual(['read', 'send', 'note']);
  });

  it('answers 403 naming the action authorize refused, and calls Chat2Desk for none of it', async () => {
    await start({ auth: { authorize: (_request, { action }) => action !== 'note' } });
    const refused = await request('/messages', postJson({ clientId: 1201, text: 'a note', type: 'comment' }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: 'The host app does not allow "note" for this user' } });
    expect(upstream.calls).toHaveLength(0);
  });

  it("refuses what the JWT's c2d_scope leaves out with 403 naming it, before asking authorize", async () => {
    const asked: string[] = [];
    await start({
      auth: {
        jwtSecret: TEST_JWT_SECRET,
        authorize: (_request, { action }) => {
          asked.push(action);
          return true;
        },
      },
    });
    const readOnly = bearer(await sign({ sub: 'seat-3', c2d_scope: ['read'], exp: nowSeconds() + 60 }, TEST_JWT_SECRET, 'HS256'));
    expect((await request('/operators', { headers: readOnly })).status).toBe(200);
    const send = await request('/messages', postJson({ clientId: 1201, text: 'hi' }, readOnly));
    expect(send.status).toBe(403);
    expect(await send.json()).toEqual({
      error: { code: 'forbidden', message: 'This seat may not do "send": its c2d_scope does not include it. Ask your admin for the right.' },
    });
    expect(asked).toEqual(['read']);
  });

  it('refuses a token whose c2d_scope is not a list of actions with 401 saying so', async () => {
    await start({ auth: { jwtSecret: TEST_JWT_SECRET } });
    const answer = await request('/operators', { headers: bearer(await sign({ c2d_scope: { read: true }, exp: nowSeconds() + 60 }, TEST_JWT_SECRET, 'HS256')) });
    expect(answer.status).toBe(401);
    expect((await answer.json()).error.message).toMatch(/^The bearer token is malformed: its c2d_scope claim must be a list of actions/);
  });
});

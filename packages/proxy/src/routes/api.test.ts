import { describe, expect, it } from 'vitest';
import { createProxy } from '../createProxy.js';
import { bearer, TEST_JWT_SECRET, validJwt } from '../test/testJwt.js';

// Sandbox mode with auth configured: the API, the health check and the fake web UI all exist.
const proxy = createProxy({ auth: { jwtSecret: TEST_JWT_SECRET }, logger: false, sandbox: { clients: 20 } });
const fetchProxy = (path: string, init?: RequestInit) => proxy.fetch(new Request(`http://proxy.test${path}`, init));

const API = [
  ['GET', '/clients'],
  ['GET', '/clients/1'],
  ['GET', '/clients/1/channels'],
  ['GET', '/clients/1/messages'],
  ['POST', '/messages'],
  ['GET', '/transfers'],
  ['GET', '/dialogs/1'],
  ['GET', '/operators'],
] as const;

describe('the API sub-app and its auth boundary', () => {
  it.each(API)('%s %s needs auth (401 without a bearer token)', async (method, path) => {
    const answer = await fetchProxy(path, { method });
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it('lets an authenticated request through to the resource', async () => {
    const answer = await fetchProxy('/operators', { headers: bearer(await validJwt()) });
    expect(answer.status).toBe(200);
  });

  it('leaves the public sub-apps open: /health and the sandbox web UI under /chat/', async () => {
    expect((await fetchProxy('/health')).status).toBe(200);
    const page = await fetchProxy('/chat/all?minifiedView=1');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('guards the API resources only: an unknown path is a 404 with or without credentials', async () => {
    expect((await fetchProxy('/nope')).status).toBe(404);
    expect((await fetchProxy('/nope', { headers: bearer(await validJwt()) })).status).toBe(404);
  });
});

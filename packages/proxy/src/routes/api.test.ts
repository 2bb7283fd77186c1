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
  ['GET', '/dialogs'],
  ['GET', '/dialogs/1'],
  ['POST', '/dialogs/1/transfer'],
  ['POST', '/dialogs/1/close'],
  ['POST', '/dialogs/1/reopen'],
  ['GET', '/clients/1/dialog'],
  ['PATCH', '/clients/1'],
  ['POST', '/clients/1/tags'],
  ['GET', '/operators'],
  ['GET', '/operator-groups'],
  ['GET', '/templates'],
  ['GET', '/tags'],
  ['GET', '/events'],
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

  it('leaves the sandbox’s uploads open, like its web UI (browsers load the files by URL)', async () => {
    const form = new FormData();
    form.append('file', new File(['hello'], 'note.txt', { type: 'text/plain' }));
    const uploaded = await fetchProxy('/sandbox/files', { method: 'POST', body: form });
    expect(uploaded.status).toBe(201);
    const { url } = ((await uploaded.json()) as { data: { url: string } }).data;
    expect(url).toMatch(/^http:\/\/proxy\.test\/sandbox\/files\/[\w-]+\/note\.txt$/);
    expect(await (await fetchProxy(new URL(url).pathname)).text()).toBe('hello');
  });

  it('names the action of every API route: each runs the authorize check (can) before its work', () => {
    const routes = proxy.routes.filter((r) => API.some(([, path]) => r.path.startsWith(`/${path.split('/')[1]}`)));
    const endpoints = new Map<string, string[]>();
    for (const route of routes) {
      if (route.method === 'ALL') continue; // the auth guard, mounted per resource
      const key = `${route.method} ${route.path}`;
      endpoints.set(key, [...(endpoints.get(key) ?? []), route.handler.name]);
    }
    expect(endpoints.size).toBeGreaterThanOrEqual(API.length);
    for (const [endpoint, handlers] of endpoints) expect({ endpoint, authorized: handlers.includes('authorizeAction') }).toEqual({ endpoint, authorized: true });
  });

  it('guards the API resources only: an unknown path is a 404 with or without credentials', async () => {
    expect((await fetchProxy('/nope')).status).toBe(404);
    expect((await fetchProxy('/nope', { headers: bearer(await validJwt()) })).status).toBe(404);
  });
});

import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { start, call, request } = setupLiveProxy();

describe('error answers', () => {
  it('answers unknown routes and methods with the 404 envelope', async () => {
    await start();
    const routes = [['GET', '/nope'], ['DELETE', '/clients'], ['GET', '/chat/all'], ['PUT', '/messages']] as const;
    const answers = await Promise.all(routes.map(([method, path]) => call(path, { method })));
    routes.forEach(([method, path], i) => {
      expect(answers[i]?.status).toBe(404);
      expect(answers[i]?.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining(`No route ${method} ${path}`) } });
    });
  });

  it('answers 500 internal without the error or a stack trace when the hook throws', async () => {
    const proxy = await start({
      auth: {
        authorize: () => {
          throw new Error('session store at /srv/secret/db is down');
        },
      },
    });
    const answer = await request('/clients');
    expect(answer.status).toBe(500);
    const text = await answer.text();
    expect(JSON.parse(text)).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    expect(text).not.toMatch(/session store|\/srv\/secret|at .*\.ts/);
    // ...while the operator finds it in the logs.
    expect(proxy.logs.some((line) => line.includes('session store at /srv/secret/db is down'))).toBe(true);
  });

  it.each([
    ['a string', 'nope', '"nope"'],
    ['an object', { reason: 'session store down' }, 'session store down'],
    ['undefined', undefined, 'undefined'],
  ])('answers the JSON 500 and logs it when the hook throws %s instead of an Error', async (_name, thrown, logged) => {
    const proxy = await start({
      auth: {
        authorize: () => {
          throw thrown;
        },
      },
    });
    const answer = await request('/clients');
    expect(answer.status).toBe(500);
    expect(await answer.json()).toEqual({ error: { code: 'internal', message: expect.any(String) } });
    const lines = proxy.logs.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ level: 'error', msg: 'unhandled error', error: expect.stringContaining(logged) }));
    // ...and the request still gets its own log line.
    expect(lines).toContainEqual(expect.objectContaining({ route: '/clients', status: 500 }));
  });
});

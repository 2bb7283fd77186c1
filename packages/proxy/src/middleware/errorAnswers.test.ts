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
});

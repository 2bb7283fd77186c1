import { sign } from 'hono/jwt';
import { describe, expect, it } from 'vitest';
import { bearer, nowSeconds, TEST_JWT_SECRET } from './test/testJwt.js';
import { TEST_TOKEN, setupLiveProxy } from './test/setupLiveProxy.js';

const { upstream, start, request } = setupLiveProxy();

describe('the Chat2Desk token', () => {
  it('never appears in any response body, header or log line, whatever happens', async () => {
    const proxy = await start({ auth: { jwtSecret: TEST_JWT_SECRET }, timeoutMs: 500, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 10 } });
    const jwt = await sign({ exp: nowSeconds() + 60 }, TEST_JWT_SECRET, 'HS256');
    const auth = bearer(jwt);
    // Chat2Desk echoing the token back in an error must not carry it through either.
    upstream.on('POST', '/v1/messages', { status: 400, body: { status: 'error', message: `token ${TEST_TOKEN} is not allowed to send` } });
    upstream.on('GET', '/v1/clients/1', { status: 401, raw: '' });
    upstream.on('GET', '/v1/clients/2', { status: 500, body: { status: 'error', message: TEST_TOKEN } });
    // Only this call outlasts the timeout: a cold proxy on a busy machine may take 100 ms for the others.
    upstream.on('GET', '/v1/clients/3', { latencyMs: 1500 });
    upstream.on('GET', '/v1/clients/4', { raw: `not json ${TEST_TOKEN}` });
    upstream.on('GET', '/v1/clients/5', { status: 429, headers: { 'retry-after': '60' } });
    upstream.on('GET', '/v1/dialogs/5501', { body: { data: { id: TEST_TOKEN }, status: 'success' } });

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
      ['/dialogs/5501', { headers: auth }],
      ['/transfers?dialogId=5501', { headers: auth }],
      ['/messages', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ clientId: 11, text: 'hi' }) }],
      ['/nope', { headers: auth }],
    ];
    const answers = await Promise.all(
      requests.map(async ([path, init]) => {
        const response = await request(path, init);
        return { status: response.status, text: await response.text(), headers: [...response.headers] };
      }),
    );
    for (const answer of answers) {
      expect(answer.text).not.toContain(TEST_TOKEN);
      for (const [name, value] of answer.headers) expect(`${name}: ${value}`).not.toContain(TEST_TOKEN);
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 401, 502, 502, 504, 502, 429, 404, 400, 502, 200, 400, 404]);
    expect(proxy.logs.length).toBeGreaterThanOrEqual(requests.length);
    for (const line of proxy.logs) expect(line).not.toContain(TEST_TOKEN);
    // The check means something only if the token really travelled upstream.
    expect(upstream.calls.every((c) => c.headers.authorization === TEST_TOKEN)).toBe(true);
  });
});

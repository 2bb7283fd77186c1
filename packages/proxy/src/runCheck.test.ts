import { describe, expect, it } from 'vitest';
import * as c2d from '../test/fixtures/chat2desk/index.js';
import { formatCheck, runCheck } from './runCheck.js';
import { createSandboxApp } from './sandbox/createSandboxApp.js';
import { setupFakeUpstream, TEST_TOKEN } from './test/setupLiveProxy.js';

const upstream = setupFakeUpstream();
const fetchUpstream = (url: string, init: RequestInit) => fetch(url, init);

describe('runCheck: the calls the console needs, read-only', () => {
  it('against the contract fixtures: every call works, in order, with what came back', async () => {
    upstream.reset();
    const result = await runCheck({ baseUrl: upstream.url, token: TEST_TOKEN, fetch: fetchUpstream });
    expect(result.ok).toBe(true);
    expect(result.rows.map((r) => [r.name, r.call, r.outcome, r.detail])).toEqual([
      ['token', 'GET /v1/companies/api_info', 'ok', 'accepted; 18234 API requests this month'],
      ['clients', 'GET /v1/clients?limit=1&offset=0', 'ok', '2 clients'],
      ['one client', 'GET /v1/clients/1201', 'ok', 'client 1201'],
      ['client channels', 'GET /v1/clients/1201/transport', 'ok', '3 ways to reach client 1201'],
      ['messages', 'GET /v1/messages?client_id=1201&limit=20&offset=0&order=desc', 'ok', "8 of client 1201's latest messages"],
      ['dialog', 'GET /v1/dialogs/5501', 'ok', 'dialog 5501, open, client 1201'],
      ['channels', 'GET /v1/channels?limit=200', 'ok', '2 channels'],
      ['operators', 'GET /v1/operators?limit=200&offset=0', 'ok', '2 operators'],
    ]);
    // Read-only: nothing but GETs.
    expect(upstream.calls.every((c) => c.method === 'GET')).toBe(true);
    expect(upstream.calls.every((c) => c.headers.authorization === TEST_TOKEN)).toBe(true);
  });

  it('against the sandbox’s fake Chat2Desk (c2d-proxy --fake-chat2desk): all green', async () => {
    const { app } = createSandboxApp({ clients: 20 });
    const result = await runCheck({ baseUrl: 'http://fake.invalid', token: 'any', fetch: async (url, init) => app.fetch(new Request(url, init)) });
    expect(result.rows.map((r) => `${r.name}: ${r.outcome}`)).toEqual([
      'token: ok',
      'clients: ok',
      'one client: ok',
      'client channels: ok',
      'messages: ok',
      'dialog: ok',
      'channels: ok',
      'operators: ok',
    ]);
    expect(formatCheck(result, 'http://fake.invalid')).toContain('All 8 checks passed');
  });

  it('with a wrong token: asks nothing more, and says so in one line', async () => {
    upstream.reset();
    upstream.on('GET', '/v1/companies/api_info', { body: c2d.errorTokenIncorrect });
    const result = await runCheck({ baseUrl: upstream.url, token: 'wrong', fetch: fetchUpstream });
    expect(result).toMatchObject({ ok: false, tokenRejected: true });
    expect(upstream.calls).toHaveLength(1);
    const text = formatCheck(result, upstream.url);
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(/^✗ Chat2Desk at http:\/\/127\.0\.0\.1:\d+ rejected the token: Set CHAT2DESK_API_TOKEN/);
  });

  it('names what does not work and what to do, and goes on with the rest', async () => {
    upstream.reset();
    upstream.on('GET', '/v1/channels', { body: { status: 'success', data: [{ id: 'three' }] } });
    upstream.on('GET', '/v1/operators', { body: c2d.errorQuota });
    const result = await runCheck({ baseUrl: upstream.url, token: TEST_TOKEN, fetch: fetchUpstream });
    expect(result.ok).toBe(false);
    const failed = result.rows.filter((r) => r.outcome === 'failed');
    expect(failed.map((r) => [r.name, r.code])).toEqual([
      ['channels', 'upstream_error'],
      ['operators', 'upstream_quota'],
    ]);
    const text = formatCheck(result, upstream.url);
    expect(text).toContain('✗ operators');
    expect(text).toContain('→ The account\'s monthly API quota is used up');
    expect(text).toContain('→ Chat2Desk answered something the proxy cannot read');
    expect(text).toContain('2 of 8 checks failed.');
  });

  it('says where to look when Chat2Desk cannot be reached, and asks nothing more', async () => {
    const result = await runCheck({ baseUrl: 'http://127.0.0.1:9', token: TEST_TOKEN, fetch: fetchUpstream, timeoutMs: 2000 });
    expect(result.rows).toEqual([
      expect.objectContaining({ outcome: 'failed', code: 'upstream_error', fix: expect.stringContaining('Check CHAT2DESK_API_URL (now http://127.0.0.1:9)') }),
      expect.objectContaining({ name: 'the rest', outcome: 'skipped' }),
    ]);
    expect(formatCheck(result, 'http://127.0.0.1:9')).toContain('1 of 2 checks failed.');
  });
});

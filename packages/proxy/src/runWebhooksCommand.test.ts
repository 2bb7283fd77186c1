import { describe, expect, it } from 'vitest';
import * as c2d from '../test/fixtures/chat2desk/index.js';
import { CONSOLE_HOOK_TYPES, runWebhooksCommand } from './runWebhooksCommand.js';
import { setupFakeUpstream, TEST_TOKEN } from './test/setupLiveProxy.js';

const upstream = setupFakeUpstream();
const SECRET = 'whsec-cli-0123456789abcdef';
const run = (args: string[], { secret }: { secret?: string } = { secret: SECRET }) =>
  runWebhooksCommand(args, { baseUrl: upstream.url, token: TEST_TOKEN, secret, fetch: (url, init) => fetch(url, init) });

describe('c2d-proxy webhooks', () => {
  it('register posts the proxy’s webhook route, with the secret, for the events the console uses, and never prints the secret', async () => {
    upstream.reset();
    upstream.on('POST', '/v1/webhooks', { body: { status: 'success', data: { id: 32 } } });
    const result = await run(['register', '--url', 'https://crm.example.com/api/c2d/']);
    expect(result.ok).toBe(true);
    expect(upstream.callsTo('/v1/webhooks', 'POST')[0]?.body).toEqual({
      name: 'c2d-console',
      url: `https://crm.example.com/api/c2d/webhooks/chat2desk/${SECRET}`,
      events: ['inbox', 'outbox', 'comment', 'new_client', 'client_updated', 'new_request', 'close_dialog', 'dialog_transferred'],
      status: 'enable',
    });
    expect(CONSOLE_HOOK_TYPES).toHaveLength(8);
    expect(result.output).toContain('Registered webhook #32 "c2d-console" → https://crm.example.com/api/c2d/webhooks/chat2desk/<secret>');
    expect(result.output).not.toContain(SECRET);
  });

  it('register says why it cannot: no secret, no or a bad URL, or Chat2Desk refusing it', async () => {
    upstream.reset();
    expect((await run(['register', '--url', 'https://crm.example.com'], {})).output).toMatch(/^Set C2D_WEBHOOK_SECRET/);
    expect((await run(['register'])).output).toMatch(/Give the proxy's public URL: --url https:\/\//);
    expect((await run(['register', '--url', 'http://crm.example.com'])).output).toMatch(/--url must be https:\/\//);
    expect((await run(['register', '--url', 'https://crm.example.com/?x=1'])).output).toMatch(/no query or fragment/);
    expect(upstream.calls).toEqual([]);
    upstream.on('POST', '/v1/webhooks', { body: c2d.webhookUrlUsed });
    const refused = await run(['register', '--url', 'http://localhost:8787']);
    expect(refused.ok).toBe(false);
    expect(refused.output).toMatch(/Chat2Desk refused the request: Validation failed.*url.*has already been used/);
    expect(refused.output).not.toContain(SECRET);
  });

  it('list shows each webhook, its events and the delivery errors Chat2Desk reports, the secret hidden', async () => {
    upstream.reset();
    upstream.on('GET', '/v1/webhooks', { body: c2d.webhooksList });
    const result = await run(['list']);
    expect(result).toEqual({
      ok: true,
      output: [
        '#31 c2d-console enabled',
        '    url     https://crm.example.com/api/c2d/webhooks/chat2desk/<secret>',
        '    events  inbox, outbox, dialog_transferred',
        '    errors  1 delivery error reported by Chat2Desk:',
        '            2025-09-09T13:20:25.000Z  Connection timed out',
        '',
      ].join('\n'),
    });
  });

  it('delete removes the account’s c2d-console webhooks, or the one given by --id', async () => {
    upstream.reset();
    upstream.on('GET', '/v1/webhooks', { body: { status: 'success', data: [...c2d.webhooksList.data, { ...c2d.webhooksList.data[0], id: 40, name: 'crm', url: 'https://other.example.com/hook' }] } });
    upstream.on('DELETE', '/v1/webhooks/31', { body: { status: 'success' } });
    upstream.on('DELETE', '/v1/webhooks/40', { body: { status: 'success' } });
    expect(await run(['delete'])).toEqual({ ok: true, output: 'Deleted webhook #31\n' });
    expect(await run(['delete', '--id', '40'])).toEqual({ ok: true, output: 'Deleted webhook #40\n' });
    expect(upstream.calls.filter((c) => c.method === 'DELETE').map((c) => c.path)).toEqual(['/v1/webhooks/31', '/v1/webhooks/40']);
    expect((await run(['delete', '--id', 'all'])).output).toMatch(/--id must be a webhook id/);
  });

  it('prints its usage for an unknown command or option', async () => {
    expect((await run(['add'])).output).toMatch(/^Unknown command "webhooks add"\.\nUsage:/);
    expect((await run(['list', '--verbose'])).output).toMatch(/Unknown option '--verbose'/);
    expect((await run([])).ok).toBe(false);
  });
});

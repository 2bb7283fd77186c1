import type { Client, Message } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import { TEST_TOKEN, setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('clients routes', () => {
  it('GET /clients maps every client field to camelCase and passes the paging through', async () => {
    await start();
    const { status, body, headers } = await call('/clients');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/json/);
    expect(body.meta).toEqual({ total: 2, limit: 20, offset: 0 });
    expect(body.data[0]).toEqual({
      id: 11,
      name: 'Айгерим Касымова',
      phone: '77011234567',
      assignedName: 'Айгерим (VIP)',
      comment: 'prefers WhatsApp',
      avatar: 'https://cdn.example/a.png',
      regionId: 2,
      countryId: 7,
      firstClientMessage: '2026-10-01T08:00:00.000Z',
      lastClientMessage: '2026-11-01T11:30:15.000Z',
      extraComment1: 'one',
      extraComment2: null,
      extraComment3: 'three',
      externalId: 'CRM-11',
    } satisfies Client);
    expect(body.data[1]).toMatchObject({ id: 12, assignedName: null, firstClientMessage: null, externalId: null });
    const [upstreamCall] = upstream.calls;
    expect(upstreamCall?.path).toBe('/v1/clients?limit=20&offset=0');
    // Chat2Desk wants the bare token, no "Bearer".
    expect(upstreamCall?.headers.authorization).toBe(TEST_TOKEN);
  });

  it('GET /clients turns phone and q into Chat2Desk filters', async () => {
    await start();
    await call('/clients?limit=1&offset=1&phone=%2B7%20(701)%20123-45-67');
    await call('/clients?q=%2B7%20701');
    await call('/clients?q=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC');
    expect(upstream.calls.map((c) => Object.fromEntries(c.query))).toEqual([
      { limit: '1', offset: '1', phone: '77011234567' },
      { limit: '20', offset: '0', phone: '7701' },
      { limit: '20', offset: '0', q: 'Айгерим' },
    ]);
  });

  it('GET /clients/:id answers one client, and 404 not_found for an unknown one', async () => {
    await start();
    const found = await call('/clients/12');
    expect(found.status).toBe(200);
    expect(found.body.data).toMatchObject({ id: 12, name: 'James Brown', phone: '447700900123' });
    const missing = await call('/clients/999');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Client 999 not found' } } });
    expect(upstream.calls.map((c) => c.path)).toEqual(['/v1/clients/12', '/v1/clients/999']);
  });

  it('GET /clients/:id/channels maps the client transports', async () => {
    await start();
    const { body } = await call('/clients/11/channels');
    expect(body).toEqual({
      data: [
        { channelId: 3, transport: 'whatsapp', name: '+7 701 000 00 01' },
        { channelId: 4, transport: 'telegram', name: null },
      ],
    });
    expect(upstream.calls[0]?.path).toBe('/v1/clients/11/transport');
  });

  it('GET /clients/:id/messages asks for the newest first and maps messages with attachments', async () => {
    await start();
    const { body } = await call('/clients/11/messages?limit=5&offset=0');
    expect(upstream.calls[0]?.path).toBe('/v1/messages?client_id=11&limit=5&offset=0&order=desc');
    expect(body.meta).toEqual({ total: 2, limit: 5, offset: 0 });
    expect(body.data).toEqual([
      {
        id: 502,
        text: 'Ваш заказ в пути',
        type: 'to_client',
        transport: 'whatsapp',
        channelId: 3,
        operatorId: 7,
        dialogId: 900,
        clientId: 11,
        created: '2026-11-01T11:31:00.000Z',
        read: true,
        attachments: [{ url: 'https://cdn.example/invoice.pdf', kind: 'document', name: 'invoice.pdf' }],
      },
      {
        id: 501,
        text: '',
        type: 'from_client',
        transport: 'whatsapp',
        channelId: 3,
        operatorId: null,
        dialogId: 900,
        clientId: 11,
        created: '2026-11-01T11:30:15.000Z',
        read: false,
        attachments: [{ url: 'https://cdn.example/photo.jpg', kind: 'photo', name: null }],
      },
    ] satisfies Message[]);
  });
});

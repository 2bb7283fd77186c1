import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { mapClient, mapMessageList } from '../upstream/mappers.js';
import { TEST_TOKEN, setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

// The fake Chat2Desk answers the contract fixtures (test/fixtures/chat2desk); the mappers'
// own tests pin each field, these the routes around them.
describe('clients routes', () => {
  it('GET /clients answers the mapped clients and passes the paging through', async () => {
    await start();
    const { status, body, headers } = await call('/clients');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toMatch(/application\/json/);
    expect(body.meta).toEqual({ total: 2, limit: 20, offset: 0 });
    expect(body.data).toEqual([mapClient(c2d.clientItem), mapClient({ data: c2d.clientTwo })]);
    const [upstreamCall] = upstream.calls;
    expect(upstreamCall?.path).toBe('/v1/clients?limit=20&offset=0');
    // Chat2Desk wants the bare token, no "Bearer".
    expect(upstreamCall?.headers.authorization).toBe(TEST_TOKEN);
  });

  it('GET /clients sends a phone, in any format, upstream as phone digits', async () => {
    await start();
    await call('/clients?limit=1&offset=1&phone=%2B7%20(701)%20123-45-67');
    await call('/clients?q=%2B7%20701');
    await call('/clients?q=%2B44%207700%20900.123');
    expect(upstream.calls.map((c) => Object.fromEntries(c.query))).toEqual([
      { limit: '1', offset: '1', phone: '77011234567' },
      { limit: '20', offset: '0', phone: '7701' },
      { limit: '20', offset: '0', phone: '447700900123' },
    ]);
  });

  it('GET /clients?tagId= filters by the tag upstream (Chat2Desk’s own tags filter), with the phone too', async () => {
    await start();
    await call('/clients?tagId=77&limit=5');
    await call('/clients?tagId=78&q=%2B7%20701');
    expect(upstream.calls.map((c) => c.path)).toEqual(['/v1/clients?limit=5&offset=0&tags=77', '/v1/clients?limit=20&offset=0&phone=7701&tags=78']);
  });

  it('GET /clients refuses a tag filter on a name search (the index keeps no tags) and a bad tagId, naming them', async () => {
    await start();
    expect(await call('/clients?tagId=77&q=Айгерим')).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('tagId cannot be combined with a name q') } } });
    expect(await call('/clients?tagId=vip')).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('tagId must be a positive integer') } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('GET /clients?q=<name> never sends q upstream: with nothing indexed, it answers that nothing could be searched yet', async () => {
    await start();
    const { status, body } = await call('/clients?q=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC&limit=50');
    expect(status).toBe(200);
    expect(body).toEqual({ data: [], meta: { total: 0, limit: 50, offset: 0, search: { indexed: 0, total: null, complete: false } } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('GET /clients/:id answers one client, and 404 not_found for an unknown one', async () => {
    await start();
    const found = await call('/clients/1202');
    expect(found.status).toBe(200);
    expect(found.body.data).toMatchObject({ id: 1202, name: 'James Brown', phone: '447700900123' });
    const missing = await call('/clients/999');
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Client 999 not found' } } });
    expect(upstream.calls.map((c) => c.path)).toEqual(['/v1/clients/1202', '/v1/clients/999']);
  });

  it('GET /clients/:id/channels answers one entry per channel and transport, named from /v1/channels (kept for minutes)', async () => {
    await start();
    const { body } = await call('/clients/1201/channels');
    expect(body).toEqual({
      data: [
        { channelId: 3, transport: 'whatsapp', name: 'Москва — support' },
        { channelId: 3, transport: 'telegram', name: 'Москва — support' },
        { channelId: 1, transport: 'sms', name: 'Алматы — продажи' },
      ],
    });
    await call('/clients/1202/channels');
    expect(upstream.calls.map((c) => c.path).toSorted()).toEqual(['/v1/channels?limit=200', '/v1/clients/1201/transport', '/v1/clients/1202/transport']);
  });

  it('GET /clients/:id/channels still answers, unnamed, when the channels list fails', async () => {
    await start({ retry: { retries: 0 } });
    upstream.on('GET', '/v1/channels', { status: 500 });
    const { status, body } = await call('/clients/1201/channels');
    expect(status).toBe(200);
    expect(body.data.map((c) => c.name)).toEqual([null, null, null]);
  });

  it('GET /clients/:id/messages asks for the newest first and maps the page', async () => {
    await start();
    const { body } = await call('/clients/1201/messages?limit=5&offset=0');
    expect(upstream.calls[0]?.path).toBe('/v1/messages?client_id=1201&limit=5&offset=0&order=desc');
    expect(body.meta).toEqual({ total: 8, limit: 5, offset: 0 });
    expect(body.data).toEqual(mapMessageList(c2d.messagesList).data.slice(0, 5));
  });
});

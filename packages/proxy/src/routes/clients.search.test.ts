import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { postWebhook } from '../test/liveEvents.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

/** `meta.search` of a `GET /clients?q=` answer. */
const searchOf = async (path: string) => (await call(path)).body.meta.search as { indexed: number; total: number | null; complete: boolean } | undefined;

/** An account of `count` clients in Chat2Desk's shape, one in three named in Cyrillic with an accent-free twin in Latin. */
function account(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    ...c2d.clientTwo,
    id: 5000 + i,
    name: i % 3 === 0 ? `Фёдор Ёлкин ${i}` : i % 3 === 1 ? `José Álvarez ${i}` : `Client ${i}`,
    assigned_name: null,
    phone: `7701${String(i).padStart(7, '0')}`,
    last_client_message: `2025-09-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00 UTC`,
  }));
}

describe('GET /clients?q=<name> from the client index', () => {
  it('indexes every client in the background, then searches names in Cyrillic and Latin, case- and accent-insensitively', async () => {
    await start({ clientIndex: { pauseMs: 0 } });
    await expect.poll(() => searchOf('/clients?q=x'), { timeout: 5000 }).toEqual({ indexed: 2, total: 2, complete: true });

    const found = await call('/clients?q=%D0%B0%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC'); // "айгерим", lower case
    expect(found.body).toEqual({
      data: [
        {
          id: 1201,
          name: 'Айгерим Касымова',
          phone: '77011234567',
          assignedName: 'Айгерим (VIP)',
          comment: null,
          avatar: null,
          regionId: null,
          countryId: null,
          firstClientMessage: null,
          lastClientMessage: '2025-09-09T13:20:25.000Z',
          extraComment1: null,
          extraComment2: null,
          extraComment3: null,
          externalId: null,
          tags: [],
          customFields: {},
        },
      ],
      meta: { total: 1, limit: 20, offset: 0, search: { indexed: 2, total: 2, complete: true } },
    });
    expect((await call('/clients?q=BROWN')).body.data.map((c) => c.id)).toEqual([1202]);
    // The pages were read fresh, not through the cache, and a name never went upstream.
    const pages = upstream.callsTo('/v1/clients');
    expect(pages.map((c) => c.path)).toEqual(['/v1/clients?limit=200&offset=0']);
    expect(upstream.calls.some((c) => c.query.has('q'))).toBe(false);
  });

  it('stays fresh from new_client, client_updated and inbox webhooks', async () => {
    const proxy = await start({ clientIndex: { pauseMs: 0 } });
    await expect.poll(async () => (await searchOf('/clients?q=x'))?.complete).toBe(true);
    await postWebhook(proxy, c2d.hookNewClient);
    expect((await call('/clients?q=%D0%B5%D1%80%D0%BB%D0%B0%D0%BD')).body.data.map((c) => c.id)).toEqual([1299]); // "ерлан"
    await postWebhook(proxy, { ...c2d.hookClientUpdated, client: { ...c2d.hookClientUpdated.client, assigned_name: 'Aigerim from Almaty' } });
    expect((await call('/clients?q=almaty')).body.data.map((c) => c.id)).toEqual([1201]);
    // Whoever wrote last comes first.
    await postWebhook(proxy, { ...c2d.hookInbox, client_id: 1202, message_id: 1, client: { ...c2d.hookInbox.client, id: 1202, name: 'James Brown', assigned_name: null }, event_time: '2026-01-01T00:00:00Z' });
    const everyone = await call('/clients?q=a');
    expect(everyone.body.data[0]).toMatchObject({ id: 1202, lastClientMessage: '2026-01-01T00:00:00.000Z' });
  });

  it('says in meta that it is still indexing, and how far it has come, until every page is read', async () => {
    const clients = account(450);
    upstream.on('GET', '/v1/clients', (request) => {
      const limit = Number(request.query.get('limit'));
      const offset = Number(request.query.get('offset'));
      return { body: { status: 'success', data: clients.slice(offset, offset + limit), meta: { total: clients.length, limit, offset } } };
    });
    await start({ clientIndex: { pauseMs: 60_000 } });
    await expect.poll(async () => (await searchOf('/clients?q=%D1%91%D0%BB%D0%BA%D0%B8%D0%BD'))?.indexed).toBe(200); // "ёлкин"
    const partial = await call('/clients?q=%D0%B5%D0%BB%D0%BA%D0%B8%D0%BD&limit=200'); // "елкин" finds "Ёлкин" too
    expect(partial.body.meta).toEqual({ total: 67, limit: 200, offset: 0, search: { indexed: 200, total: 450, complete: false } });
    expect((await call('/clients?q=alvarez&limit=1')).body.meta.total).toBe(67); // "José Álvarez"
    expect(upstream.callsTo('/v1/clients')).toHaveLength(1); // the next page waits its minute
  });
});

import type { Client, ClientListResponse } from '@c2d-console/core';
import { Hono } from 'hono';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import type { ClientIndex, ClientIndexEntry } from '../store/clientIndex/ClientIndex.js';
import { cachedFor } from '../upstream/cachedFor.js';
import { mapChannelNames, mapClient, mapClientList, mapClientTransports, mapMessageList, toClientChannels } from '../upstream/mappers.js';
import { channelsPath, clientChannelsPath, clientPath, clientSearchOf, clientsPath, messagesPath, type Page } from '../upstream/paths.js';
import { cachedJson, listBody } from './cachedJson.js';
import { clientsQuerySchema, messagesQuerySchema } from './requestSchemas.js';
import { validId, validQuery } from './validators.js';

/** How long the account's channel names are kept: channels are added rarely, and every call is billed. */
const CHANNEL_NAMES_TTL_MS = 10 * 60_000;

/**
 * A client as the index knows them: name, phone, assigned name, when they last wrote. The rest
 * of the card is not indexed (null or empty here); `GET /clients/:id` answers all of it.
 */
function indexedClient(entry: ClientIndexEntry): Client {
  return {
    id: entry.id,
    name: entry.name,
    phone: entry.phone,
    assignedName: entry.assignedName,
    comment: null,
    avatar: null,
    regionId: null,
    countryId: null,
    firstClientMessage: null,
    lastClientMessage: entry.lastMessageAt,
    extraComment1: null,
    extraComment2: null,
    extraComment3: null,
    externalId: null,
    tags: [],
    customFields: {},
  };
}

/**
 * A name search, answered from the proxy's client index without Chat2Desk (⚠ it has no name
 * search and ignores `q`, so asking would return the unfiltered list as "results").
 * `meta.search` says how much of the account the index holds; until it is `complete`, the
 * browser also filters the clients it has loaded.
 */
async function nameSearchAnswer(index: ClientIndex, name: string, page: Page): Promise<ClientListResponse> {
  const [found, status, everyone] = await Promise.all([index.search(name, page), index.status(), index.search('', { limit: 1, offset: 0 })]);
  return {
    data: found.entries.map(indexedClient),
    meta: { total: found.total, limit: page.limit, offset: page.offset, search: { indexed: everyone.total, total: status.total, complete: status.complete } },
  };
}

/** `/clients`: the client list (and its search), one client, its channels and its messages (newest first). */
export function createClientsRoutes({ upstream, live }: ProxyDeps) {
  const notFound = (id: number) => ({ notFound: `Client ${id} not found` });
  // Names are a nicety: channels still answer, unnamed, when the channels list fails.
  const channelNames = cachedFor(CHANNEL_NAMES_TTL_MS, (stats) => upstream.get(channelsPath(), mapChannelNames, stats));
  return new Hono<ProxyEnv>()
    .get('/', validQuery(clientsQuerySchema), async (c) => {
      const { q, phone, ...page } = c.req.valid('query');
      const search = q === undefined ? undefined : clientSearchOf(q);
      if (search && 'name' in search && search.name !== '') return c.json(await nameSearchAnswer((await live.stores()).clientIndex, search.name, page));
      const phoneDigits = phone ?? (search && 'phone' in search ? search.phone : undefined);
      const list = await upstream.get(clientsPath({ ...page, phone: phoneDigits }), mapClientList, c.var.stats);
      return cachedJson(c, list, () => listBody(list, page));
    })
    .get('/:id', validId, async (c) => {
      const { id } = c.req.valid('param');
      const client = await upstream.get(clientPath(id), mapClient, c.var.stats, notFound(id));
      return cachedJson(c, client, () => ({ data: client }));
    })
    .get('/:id/channels', validId, async (c) => {
      const { id } = c.req.valid('param');
      const [transports, names] = await Promise.all([
        upstream.get(clientChannelsPath(id), mapClientTransports, c.var.stats, notFound(id)),
        channelNames(c.var.stats).catch(() => new Map<number, string | null>()),
      ]);
      return c.json({ data: toClientChannels(transports, names) });
    })
    .get('/:id/messages', validId, validQuery(messagesQuerySchema), async (c) => {
      const { id } = c.req.valid('param');
      const page = c.req.valid('query');
      const list = await upstream.get(messagesPath(id, page), mapMessageList, c.var.stats, notFound(id));
      return cachedJson(c, list, () => listBody(list, page));
    });
}

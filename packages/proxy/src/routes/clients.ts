import type { ClientListResponse } from '@c2d-console/core';
import { Hono } from 'hono';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { cachedFor } from '../upstream/cachedFor.js';
import { mapChannelNames, mapClient, mapClientList, mapClientTransports, mapMessageList, toClientChannels } from '../upstream/mappers.js';
import { channelsPath, clientChannelsPath, clientPath, clientSearchOf, clientsPath, messagesPath, type Page } from '../upstream/paths.js';
import { cachedJson, listBody } from './cachedJson.js';
import { clientsQuerySchema, messagesQuerySchema } from './requestSchemas.js';
import { validId, validQuery } from './validators.js';

/** How long the account's channel names are kept: channels are added rarely, and every call is billed. */
const CHANNEL_NAMES_TTL_MS = 10 * 60_000;

/**
 * A name search, answered without Chat2Desk (⚠ it has no name search and ignores `q`, so asking
 * would return the unfiltered list as "results"). The proxy has no client index yet: it says
 * it searched nothing, and the browser filters the clients it has loaded.
 */
function nameSearchAnswer(page: Page): ClientListResponse {
  return { data: [], meta: { total: 0, limit: page.limit, offset: page.offset, search: { indexed: 0, complete: false } } };
}

/** `/clients`: the client list (and its search), one client, its channels and its messages (newest first). */
export function createClientsRoutes({ upstream }: ProxyDeps) {
  const notFound = (id: number) => ({ notFound: `Client ${id} not found` });
  // Names are a nicety: channels still answer, unnamed, when the channels list fails.
  const channelNames = cachedFor(CHANNEL_NAMES_TTL_MS, (stats) => upstream.get(channelsPath(), mapChannelNames, stats));
  return new Hono<ProxyEnv>()
    .get('/', validQuery(clientsQuerySchema), async (c) => {
      const { q, phone, ...page } = c.req.valid('query');
      const search = q === undefined ? undefined : clientSearchOf(q);
      if (search && 'name' in search) return c.json(nameSearchAnswer(page));
      const list = await upstream.get(clientsPath({ ...page, phone: phone ?? search?.phone }), mapClientList, c.var.stats);
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

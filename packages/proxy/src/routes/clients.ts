import { Hono } from 'hono';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapClient, mapClientChannels, mapClientList, mapMessageList } from '../upstream/mappers.js';
import { clientChannelsPath, clientPath, clientsPath, messagesPath } from '../upstream/paths.js';
import { cachedJson, listBody } from './cachedJson.js';
import { clientsQuerySchema, messagesQuerySchema } from './requestSchemas.js';
import { validId, validQuery } from './validators.js';

/** `/clients`: the client list, one client, its channels and its messages (newest first). */
export function createClientsRoutes({ upstream }: ProxyDeps) {
  const notFound = (id: number) => ({ notFound: `Client ${id} not found` });
  return new Hono<ProxyEnv>()
    .get('/', validQuery(clientsQuerySchema), async (c) => {
      const query = c.req.valid('query');
      const list = await upstream.get(clientsPath(query), mapClientList, c.var.stats);
      return cachedJson(c, list, () => listBody(list, query));
    })
    .get('/:id', validId, async (c) => {
      const { id } = c.req.valid('param');
      const client = await upstream.get(clientPath(id), mapClient, c.var.stats, notFound(id));
      return cachedJson(c, client, () => ({ data: client }));
    })
    .get('/:id/channels', validId, async (c) => {
      const { id } = c.req.valid('param');
      const channels = await upstream.get(clientChannelsPath(id), mapClientChannels, c.var.stats, notFound(id));
      return cachedJson(c, channels, () => ({ data: channels }));
    })
    .get('/:id/messages', validId, validQuery(messagesQuerySchema), async (c) => {
      const { id } = c.req.valid('param');
      const page = c.req.valid('query');
      const list = await upstream.get(messagesPath(id, page), mapMessageList, c.var.stats, notFound(id));
      return cachedJson(c, list, () => listBody(list, page));
    });
}

import type { Client, ClientListResponse, Dialog } from '@c2d-console/core';
import { Hono } from 'hono';
import { can } from '../middleware/can.js';
import { limitBody } from '../middleware/limitBody.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { ProxyError } from '../ProxyError.js';
import type { ClientIndex, ClientIndexEntry } from '../store/clientIndex/ClientIndex.js';
import { cachedFor } from '../upstream/cachedFor.js';
import { findClientDialog } from '../upstream/findClientDialog.js';
import { mapChannelNames, mapClient, mapClientList, mapClientTransports, mapDialog, mapMessageList, toClientChannels } from '../upstream/mappers.js';
import { channelsPath, clientChannelsPath, clientPath, clientSearchOf, clientsPath, messagesPath, type Page } from '../upstream/paths.js';
import { cachedJson, listBody } from './cachedJson.js';
import { setClientTags, updateClient } from './clientEdits.js';
import { clientsQuerySchema, clientTagsSchema, clientUpdateSchema, messagesQuerySchema } from './requestSchemas.js';
import { runOnce, writeFingerprint } from './runOnce.js';
import { jsonBody, validId, validJson, validQuery } from './validators.js';

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

/**
 * `/clients`: the client list (its name search, its tag filter), one client, its channels, its
 * messages (newest first) and its current dialog; and the card's writes (edits, tags), each at
 * most once per `idempotencyKey`, never retried upstream, answering the card as it is now.
 */
export function createClientsRoutes(deps: ProxyDeps) {
  const { upstream, live, idempotency, options } = deps;
  const notFound = (id: number) => ({ notFound: `Client ${id} not found` });
  // Names are a nicety: channels still answer, unnamed, when the channels list fails.
  const channelNames = cachedFor(CHANNEL_NAMES_TTL_MS, (stats) => upstream.get(channelsPath(), mapChannelNames, stats));
  // A dialog read tells the transfer recorder who holds it, as `GET /dialogs/:id` does.
  const mapAndNote = (payload: unknown): Dialog => {
    const dialog = mapDialog(payload);
    live.recorder.noteDialogOperator(dialog.id, dialog.operatorId);
    return dialog;
  };
  return new Hono<ProxyEnv>()
    .get('/', can('read'), validQuery(clientsQuerySchema), async (c) => {
      const { q, phone, tagId, ...page } = c.req.valid('query');
      const search = q === undefined ? undefined : clientSearchOf(q);
      if (search && 'name' in search && search.name !== '') {
        // The index keeps no tags: a name search filtered by a tag would silently ignore the tag.
        if (tagId !== undefined) throw new ProxyError(400, 'bad_request', 'Invalid query parameter: tagId cannot be combined with a name q (the name search has no tags); filter by one of them');
        return c.json(await nameSearchAnswer((await live.stores()).clientIndex, search.name, page));
      }
      const phoneDigits = phone ?? (search && 'phone' in search ? search.phone : undefined);
      const list = await upstream.get(clientsPath({ ...page, phone: phoneDigits, tagId }), mapClientList, c.var.stats);
      return cachedJson(c, list, () => listBody(list, page));
    })
    .get('/:id', can('read'), validId, async (c) => {
      const { id } = c.req.valid('param');
      const client = await upstream.get(clientPath(id), mapClient, c.var.stats, notFound(id));
      return cachedJson(c, client, () => ({ data: client }));
    })
    .patch('/:id', can('edit_client'), validId, limitBody(options.maxBodyBytes), jsonBody, validJson(clientUpdateSchema), async (c) => {
      const { id } = c.req.valid('param');
      const { idempotencyKey, ...fields } = c.req.valid('json');
      const ctx = { deps, caller: c.var.caller, stats: c.var.stats };
      const client = await runOnce(idempotency, c.var.caller, { key: idempotencyKey, fingerprint: writeFingerprint('edit_client', id, fields) }, () => updateClient(ctx, id, fields));
      return c.json({ data: client });
    })
    .post('/:id/tags', can('tag'), validId, limitBody(options.maxBodyBytes), jsonBody, validJson(clientTagsSchema), async (c) => {
      const { id } = c.req.valid('param');
      const { idempotencyKey, tagIds } = c.req.valid('json');
      const ctx = { deps, caller: c.var.caller, stats: c.var.stats };
      // The same set in any order is the same request.
      const fingerprint = writeFingerprint('tag', id, { tagIds: tagIds.toSorted((a, b) => a - b) });
      const client = await runOnce(idempotency, c.var.caller, { key: idempotencyKey, fingerprint }, () => setClientTags(ctx, id, tagIds));
      return c.json({ data: client });
    })
    .get('/:id/dialog', can('read'), validId, async (c) => {
      const { id } = c.req.valid('param');
      const dialog = await findClientDialog(upstream, id, c.var.stats, mapAndNote);
      if (!dialog) throw new ProxyError(404, 'not_found', `Client ${id} has no dialog yet`);
      return cachedJson(c, dialog, () => ({ data: dialog }));
    })
    .get('/:id/channels', can('read'), validId, async (c) => {
      const { id } = c.req.valid('param');
      const [transports, names] = await Promise.all([
        upstream.get(clientChannelsPath(id), mapClientTransports, c.var.stats, notFound(id)),
        channelNames(c.var.stats).catch(() => new Map<number, string | null>()),
      ]);
      return c.json({ data: toClientChannels(transports, names) });
    })
    .get('/:id/messages', can('read'), validId, validQuery(messagesQuerySchema), async (c) => {
      const { id } = c.req.valid('param');
      const page = c.req.valid('query');
      const list = await upstream.get(messagesPath(id, page), mapMessageList, c.var.stats, notFound(id));
      return cachedJson(c, list, () => listBody(list, page));
    });
}

import type { Client, ClientUpdateInput } from '@c2d-console/core';
import type { Caller } from '../Caller.js';
import type { WriteEcho } from '../events/createConsoleWrites.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import { ProxyError } from '../ProxyError.js';
import { isWholeList } from '../upstream/createLookups.js';
import type { CallStats } from '../upstream/createUpstreamClient.js';
import { clientUpdateBody, ignoreWriteAnswer, mapClient, tagAssignBody } from '../upstream/mappers.js';
import { C2D_PATHS, clientPath, tagDeleteFromPath } from '../upstream/paths.js';
import type { WebhookTouches } from '../upstream/readWebhook.js';

/** Who edits a client card, and where the upstream calls are counted. */
export interface ClientWriteContext {
  deps: ProxyDeps;
  caller: Caller;
  stats: CallStats;
}

/** What a card edit makes stale: the card (and its channels) and the client lists. */
const cardTouches = (clientId: number): WebhookTouches => ({ clientId, dialogId: null, messages: false, client: true, dialog: false });

const readClient = ({ deps, stats }: ClientWriteContext, id: number): Promise<Client> =>
  deps.upstream.get(clientPath(id), mapClient, stats, { fresh: true, notFound: `Client ${id} not found` });

/**
 * Sends the writes of one card edit (see `ConsoleWrites.send`), reads the card as it is now, updates the client index (names are searchable at once) and tells every open console (a
 * `client` event).
 */
async function editCard(ctx: ClientWriteContext, id: number, echoes: WriteEcho[], writes: () => Promise<void>, what: string, input: unknown): Promise<Client> {
  const { live } = ctx.deps;
  await live.writes.send({ echoes, touches: cardTouches(id) }, writes);
  const after = await readClient(ctx, id);
  const { clientIndex } = await live.stores();
  await clientIndex.upsert([{ id, name: after.name, phone: after.phone, assignedName: after.assignedName }]).catch(() => undefined);
  await live.writes.announce({
    dedupeKey: `write:${what}:${id}:${crypto.randomUUID()}`,
    touches: cardTouches(id),
    events: [{ type: 'client', time: new Date().toISOString(), data: { change: 'updated', clientId: id } }],
    payload: { write: what, clientId: id, initiatorId: ctx.caller.operatorId, input },
  });
  return after;
}

/** Edits a client card (`PUT /v1/clients/{id}`, only the fields given); answers the card as it is now. */
export function updateClient(ctx: ClientWriteContext, id: number, fields: Omit<ClientUpdateInput, 'idempotencyKey'>): Promise<Client> {
  const write = async () => {
    await ctx.deps.upstream.put(clientPath(id), clientUpdateBody(fields), ignoreWriteAnswer, ctx.stats, { notFound: `Client ${id} not found` });
  };
  return editCard(ctx, id, [{ hookType: 'client_updated', id }], write, 'edit_client', fields);
}

/**
 * Sets a client's tags to `tagIds`: the missing ones added in one `POST /v1/tags/assign_to`,
 * the extra ones taken off one by one (`DELETE /v1/tags/{id}/delete_from`). Tags the account
 * does not have are refused by name (when its tag list is whole); tags already right are
 * answered as they are, with no write.
 */
export async function setClientTags(ctx: ClientWriteContext, id: number, tagIds: readonly number[]): Promise<Client> {
  const { upstream, lookups } = ctx.deps;
  const tags = await lookups.tags(ctx.stats);
  const unknown = tagIds.filter((tagId) => !tags.data.some((tag) => tag.id === tagId));
  if (unknown.length > 0 && isWholeList(tags)) {
    throw new ProxyError(400, 'bad_request', `Invalid body: tagIds: the account has no tag ${unknown.join(', ')} (GET /tags lists them)`);
  }
  const before = await readClient(ctx, id);
  const held = new Set(before.tags.map((tag) => tag.id));
  const add = tagIds.filter((tagId) => !held.has(tagId));
  const remove = [...held].filter((tagId) => !tagIds.includes(tagId));
  if (add.length === 0 && remove.length === 0) return before;
  const echoes: WriteEcho[] = [];
  if (add.length > 0) echoes.push({ hookType: 'add_tag_to_client', id, count: add.length });
  if (remove.length > 0) echoes.push({ hookType: 'delete_tag_from_client', id, count: remove.length });
  const writes = async () => {
    if (add.length > 0) await upstream.post(C2D_PATHS.tagsAssign, tagAssignBody(id, add), ignoreWriteAnswer, ctx.stats, { notFound: `Client ${id} not found` });
    for (const tagId of remove) {
      // oxlint-disable-next-line no-await-in-loop -- one write at a time: a failure stops the rest
      await upstream.delete(tagDeleteFromPath(tagId, id), ignoreWriteAnswer, ctx.stats, { notFound: `Client ${id} has no tag ${tagId} any more` });
    }
  };
  return editCard(ctx, id, echoes, writes, 'tag', { tagIds });
}

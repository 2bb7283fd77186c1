import type { Client, Dialog, InboxClient, InboxDialog, ListMeta } from '@c2d-console/core';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ClientIndexEntry } from '../store/clientIndex/ClientIndex.js';
import type { CallStats } from '../upstream/createUpstreamClient.js';
import { mapClient, mapDialogList, type UpstreamList } from '../upstream/mappers.js';
import { clientPath, dialogsPath, type DialogsFilter, type Page } from '../upstream/paths.js';

/**
 * Clients the inbox reads from Chat2Desk, at most, to name one page's dialogs the client index
 * does not know; the others go unnamed (`client: null`) rather than spending the rate budget.
 * A client read once is added to the index, so the next page costs nothing.
 */
export const MAX_NAME_READS = 5;

/** Dialogs an `unassigned` inbox looks at, at most (Chat2Desk cannot filter by "no operator"). */
export const MAX_UNASSIGNED_SCAN = 1000;

/** Chat2Desk's largest page, the step of the `unassigned` scan. */
const SCAN_PAGE = 200;

/** What `GET /dialogs` answers: the page, and for `unassigned` how far the proxy looked. */
export interface InboxPage {
  data: InboxDialog[];
  meta: ListMeta & {
    /**
     * `unassigned` only: Chat2Desk has no such filter, so the proxy filtered the newest `scanned`
     * dialogs itself; `complete` false means older ones were not looked at (and `total` counts
     * what was found among those scanned).
     */
    scan?: { scanned: number; complete: boolean };
  };
}

/** The inbox's query, as `dialogsQuerySchema` validated it. */
export interface InboxQuery extends DialogsFilter, Page {
  unassigned?: boolean;
}

/** Newest activity first (the last message's time; a dialog without one last), then the higher id. */
const newestActivityFirst = (a: Dialog, b: Dialog): number =>
  (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? '') || b.id - a.id;

const inboxClientOf = (client: Pick<ClientIndexEntry, 'id' | 'name' | 'assignedName' | 'phone'>): InboxClient => ({
  id: client.id,
  name: client.name,
  assignedName: client.assignedName,
  phone: client.phone,
});

/**
 * Names the dialogs' clients: from the proxy's client index, else from Chat2Desk (its cache
 * first) for at most {@link MAX_NAME_READS} clients and only while no console request waits for
 * the rate limit. What cannot be named within that stays `client: null`.
 */
async function nameClients({ upstream, live }: ProxyDeps, dialogs: Dialog[], stats: CallStats): Promise<InboxDialog[]> {
  const ids = [...new Set(dialogs.flatMap((d) => (d.clientId === null ? [] : [d.clientId])))];
  const index = (await live.stores()).clientIndex;
  const named = new Map<number, InboxClient>();
  for (const entry of (await index.get?.(ids)) ?? []) named.set(entry.id, inboxClientOf(entry));
  const missing = ids.filter((id) => !named.has(id)).slice(0, MAX_NAME_READS);
  if (missing.length > 0 && upstream.queued === 0) {
    const read = await Promise.all(missing.map((id) => upstream.get(clientPath(id), mapClient, stats).catch(() => undefined)));
    const found = read.filter((client): client is Client => client !== undefined);
    for (const client of found) named.set(client.id, inboxClientOf(client));
    // Kept for the next page (a nicety: the page answers without it when the index fails).
    await index
      .upsert(found.map((c) => ({ id: c.id, name: c.name, phone: c.phone, assignedName: c.assignedName, lastMessageAt: c.lastClientMessage })))
      .catch(() => undefined);
  }
  return dialogs.map((dialog) => ({ ...dialog, client: dialog.clientId === null ? null : (named.get(dialog.clientId) ?? null) }));
}

/**
 * The dialogs no operator holds: Chat2Desk's newest dialogs (in the state asked for) read in
 * pages of 200 and filtered here, until the page asked for is full, the account has no more, or
 * {@link MAX_UNASSIGNED_SCAN} were looked at.
 */
async function scanUnassigned({ upstream }: ProxyDeps, query: InboxQuery, stats: CallStats) {
  const found: Dialog[] = [];
  let scanned = 0;
  let complete = false;
  while (!complete && scanned < MAX_UNASSIGNED_SCAN && found.length < query.offset + query.limit) {
    // oxlint-disable-next-line no-await-in-loop -- one page after another, and only as many as needed
    const page: UpstreamList<Dialog> = await upstream.get(dialogsPath({ state: query.state }, { limit: SCAN_PAGE, offset: scanned }), mapDialogList, stats);
    scanned += page.data.length;
    found.push(...page.data.filter((d) => d.operatorId === null));
    complete = page.data.length < SCAN_PAGE || (page.meta.total !== undefined && scanned >= page.meta.total);
  }
  return { dialogs: found.toSorted(newestActivityFirst).slice(query.offset, query.offset + query.limit), total: found.length, scanned, complete };
}

/**
 * `GET /dialogs`: one page of the inbox, newest activity first, each dialog with its client's
 * name and phone. ⚠ Chat2Desk orders its pages by its own `order=desc` (by dialog, L): each
 * page is sorted by the last message's time, the pages follow Chat2Desk's order.
 */
export async function inboxPage(deps: ProxyDeps, query: InboxQuery, stats: CallStats): Promise<InboxPage> {
  const page = { limit: query.limit, offset: query.offset };
  if (query.unassigned) {
    const scan = await scanUnassigned(deps, query, stats);
    return {
      data: await nameClients(deps, scan.dialogs, stats),
      meta: { total: scan.total, ...page, scan: { scanned: scan.scanned, complete: scan.complete } },
    };
  }
  const notFound = query.operatorId === undefined ? undefined : `Operator ${query.operatorId} not found`;
  const list = await deps.upstream.get(dialogsPath({ state: query.state, operatorId: query.operatorId }, page), mapDialogList, stats, { notFound });
  return {
    data: await nameClients(deps, list.data.toSorted(newestActivityFirst), stats),
    meta: { total: list.meta.total ?? page.offset + list.data.length, limit: list.meta.limit ?? page.limit, offset: list.meta.offset ?? page.offset },
  };
}

import type { WebhookTouches } from './readWebhook.js';

/**
 * Chat2Desk request paths: how the proxy's validated requests become upstream URLs (path and
 * query). Cache keys are these paths, so a path also decides what is cached and invalidated.
 * The facts are in shared/chat2desk-api.md, "Endpoints".
 */

/**
 * Upstream paths, in one place. There is no `/v1/transfers` (⚠ in chat2desk-api.md): transfers
 * are recorded from `dialog_transferred` webhooks, never asked for.
 */
export const C2D_PATHS = {
  clients: '/v1/clients',
  client: (id: number) => `/v1/clients/${id}`,
  clientTransport: (id: number) => `/v1/clients/${id}/transport`,
  messages: '/v1/messages',
  dialogs: '/v1/dialogs',
  dialog: (id: number) => `/v1/dialogs/${id}`,
  operators: '/v1/operators',
  operatorGroups: '/v1/operators_groups',
  templates: '/v1/templates',
  tags: '/v1/tags',
  tagsAssign: '/v1/tags/assign_to',
  tagDeleteFrom: (tagId: number) => `/v1/tags/${tagId}/delete_from`,
  /** ⚠ A GET with side effects: never cached or retried. */
  transferToGroup: (messageId: number) => `/v1/messages/${messageId}/transfer_to_group`,
  channels: '/v1/channels',
  apiInfo: '/v1/companies/api_info',
  webhooks: '/v1/webhooks',
  webhook: (id: number) => `/v1/webhooks/${id}`,
} as const;

/** Paging as the proxy validated it. */
export interface Page {
  limit: number;
  offset: number;
}

function withQuery(path: string, params: Array<[string, string | number | undefined]>): string {
  const search = new URLSearchParams();
  for (const [key, value] of params) {
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

/** What a client search (`q`) is: a phone in any format (`+7 (701) 123-45-67`), or a name. */
export type ClientSearch = { phone: string } | { name: string };

/**
 * Reads a search text: digits with the `+`, spaces, dots, dashes and brackets people write
 * phones with (at least 3 digits) are a phone, sent upstream as its digits; anything else is
 * a name. ⚠ Chat2Desk has no name search (it ignores `q`), so a name never goes upstream.
 */
export function clientSearchOf(q: string): ClientSearch {
  const trimmed = q.trim();
  const digits = trimmed.replace(/\D/g, '');
  return /^\+?[\d\s().-]+$/.test(trimmed) && digits.length >= 3 ? { phone: digits } : { name: trimmed };
}

/**
 * `GET /v1/clients`, filtered by phone digits and by a tag when given (Chat2Desk's filters).
 * ⚠ `tags` takes comma-separated tag ids (M: dgolovachev/Chat2DeskClient; jkasemenov/c2d_api
 * passes it through): the proxy sends one.
 */
export function clientsPath(params: Page & { phone?: string; tagId?: number }): string {
  return withQuery(C2D_PATHS.clients, [
    ['limit', params.limit],
    ['offset', params.offset],
    ['phone', params.phone?.replace(/\D/g, '')],
    ['tags', params.tagId],
  ]);
}

/** `GET /v1/clients/{id}`. */
export const clientPath = (id: number): string => C2D_PATHS.client(id);

/** `GET /v1/clients/{id}/transport`. */
export const clientChannelsPath = (id: number): string => C2D_PATHS.clientTransport(id);

/** `GET /v1/channels`: the account's channels (a few), one page of the API's maximum. */
export const channelsPath = (): string => withQuery(C2D_PATHS.channels, [['limit', 200]]);

/**
 * Prefix shared by every cached page of a client's messages: `client_id` always comes first in
 * {@link messagesPath}, so a send can drop exactly that client's pages.
 */
export const messagesCachePrefix = (clientId: number): string => `${C2D_PATHS.messages}?client_id=${clientId}&`;

/** `GET /v1/messages?client_id=…`, newest first. */
export function messagesPath(clientId: number, page: Page): string {
  return withQuery(C2D_PATHS.messages, [
    ['client_id', clientId],
    ['limit', page.limit],
    ['offset', page.offset],
    ['order', 'desc'],
  ]);
}

/**
 * The cache key prefixes a change makes stale: a client's messages, card and channels (and
 * the client lists, which show when clients last wrote), a dialog (and the dialog lists).
 * Prefixes, so `/v1/clients/12` also drops `/v1/clients/120`: a stray refetch, never a stale answer.
 */
export function stalePrefixes(touches: WebhookTouches): string[] {
  const prefixes: string[] = [];
  if (touches.clientId !== null) {
    if (touches.messages) prefixes.push(messagesCachePrefix(touches.clientId));
    if (touches.client) prefixes.push(clientPath(touches.clientId));
  }
  if (touches.client) prefixes.push(`${C2D_PATHS.clients}?`);
  if (touches.dialog) {
    if (touches.dialogId !== null) prefixes.push(dialogPath(touches.dialogId));
    prefixes.push(`${C2D_PATHS.dialogs}?`);
  }
  return prefixes;
}

/** `GET /v1/dialogs/{id}`. */
export const dialogPath = (id: number): string => C2D_PATHS.dialog(id);

/** What `GET /v1/dialogs` filters by: its state and its operator. */
export interface DialogsFilter {
  state?: 'open' | 'closed';
  operatorId?: number;
}

/** `GET /v1/dialogs?state&operator_id`, newest first (Chat2Desk's `order=desc`). */
export function dialogsPath(filter: DialogsFilter, page: Page): string {
  return withQuery(C2D_PATHS.dialogs, [
    ['state', filter.state],
    ['operator_id', filter.operatorId],
    ['order', 'desc'],
    ['limit', page.limit],
    ['offset', page.offset],
  ]);
}

/** Prefix of every cached dialogs list (a dialog's change may move it in any of them). */
export const dialogListsPrefix = (): string => `${C2D_PATHS.dialogs}?`;

/** Prefix of every cached clients list (a card's change shows in them). */
export const clientListsPrefix = (): string => `${C2D_PATHS.clients}?`;

/**
 * ⚠ `GET /v1/messages/{id}/transfer_to_group?group_id=N`: hands the message's dialog to a group
 * (H for the path; `force_assign` since 2025-07, its spelling in a query is not documented: L).
 */
export function transferToGroupPath(messageId: number, groupId: number, force: boolean): string {
  return withQuery(C2D_PATHS.transferToGroup(messageId), [
    ['group_id', groupId],
    ['force_assign', force ? 1 : undefined],
  ]);
}

/**
 * ⚠ `DELETE /v1/tags/{id}/delete_from?client_id=N`: takes a tag off a client (M:
 * jkasemenov/c2d_api sends `client_id` in the query, dgolovachev/Chat2DeskClient in a body).
 */
export const tagDeleteFromPath = (tagId: number, clientId: number): string =>
  withQuery(C2D_PATHS.tagDeleteFrom(tagId), [['client_id', clientId]]);

/** `GET /v1/operators_groups` (one answer, no paging). */
export const operatorGroupsPath = (): string => C2D_PATHS.operatorGroups;

/** `GET /v1/templates`, one page of the API's maximum: quick replies are a short list. */
export const templatesPath = (): string => withQuery(C2D_PATHS.templates, [['limit', 200], ['offset', 0]]);

/** `GET /v1/tags`, one page of the API's maximum. */
export const tagsPath = (): string => withQuery(C2D_PATHS.tags, [['limit', 200], ['offset', 0]]);

/** `GET /v1/operators`; by default one page of the API's maximum, so transfers can name everyone. */
export const operatorsPath = (page: Page = { limit: 200, offset: 0 }): string =>
  withQuery(C2D_PATHS.operators, [['limit', page.limit], ['offset', page.offset]]);

/** `GET /v1/companies/api_info`: the health probe's token check. */
export const apiInfoPath = (): string => C2D_PATHS.apiInfo;

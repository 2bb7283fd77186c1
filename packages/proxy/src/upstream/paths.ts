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

/** `GET /v1/clients`, filtered by phone digits when given (Chat2Desk's only client filter). */
export function clientsPath(params: Page & { phone?: string }): string {
  return withQuery(C2D_PATHS.clients, [
    ['limit', params.limit],
    ['offset', params.offset],
    ['phone', params.phone?.replace(/\D/g, '')],
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

/** `GET /v1/operators`; by default one page of the API's maximum, so transfers can name everyone. */
export const operatorsPath = (page: Page = { limit: 200, offset: 0 }): string =>
  withQuery(C2D_PATHS.operators, [['limit', page.limit], ['offset', page.offset]]);

/** `GET /v1/companies/api_info`: the health probe's token check. */
export const apiInfoPath = (): string => C2D_PATHS.apiInfo;

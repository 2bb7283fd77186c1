/**
 * Chat2Desk request paths: how the proxy's validated requests become upstream URLs (path and
 * query). Cache keys are these paths, so a path also decides what is cached and invalidated.
 * Unconfirmed facts of the API are marked where they are used.
 */

/** Upstream paths, in one place (the transfers path is unconfirmed). */
export const C2D_PATHS = {
  clients: '/v1/clients',
  client: (id: number) => `/v1/clients/${id}`,
  clientTransport: (id: number) => `/v1/clients/${id}/transport`,
  messages: '/v1/messages',
  dialogs: '/v1/dialogs',
  dialog: (id: number) => `/v1/dialogs/${id}`,
  operators: '/v1/operators',
  channels: '/v1/channels',
  transfers: '/v1/transfers',
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

/** Digits of a phone-like search (`+7 701 123-45-67`), or undefined when it is not one. */
function phoneDigits(value: string): string | undefined {
  if (!/^[\d\s()+-]+$/.test(value)) return undefined;
  const digits = value.replace(/\D/g, '');
  return digits.length >= 3 ? digits : undefined;
}

/**
 * `GET /v1/clients`. Chat2Desk filters by `phone`; a phone-like `q` becomes a phone filter too.
 * Unconfirmed: other `q` values go upstream as `q` (a name search).
 */
export function clientsPath(params: Page & { phone?: string; q?: string }): string {
  const qPhone = params.q === undefined ? undefined : phoneDigits(params.q);
  const phone = params.phone === undefined ? qPhone : params.phone.replace(/\D/g, '');
  return withQuery(C2D_PATHS.clients, [
    ['limit', params.limit],
    ['offset', params.offset],
    ['phone', phone],
    ['q', qPhone === undefined ? params.q?.trim() : undefined],
  ]);
}

/** `GET /v1/clients/{id}`. */
export const clientPath = (id: number): string => C2D_PATHS.client(id);

/** `GET /v1/clients/{id}/transport`. */
export const clientChannelsPath = (id: number): string => C2D_PATHS.clientTransport(id);

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

/** `GET /v1/dialogs/{id}`. */
export const dialogPath = (id: number): string => C2D_PATHS.dialog(id);

/** `GET /v1/operators`; by default one page of the API's maximum, so transfers can name everyone. */
export const operatorsPath = (page: Page = { limit: 200, offset: 0 }): string =>
  withQuery(C2D_PATHS.operators, [['limit', page.limit], ['offset', page.offset]]);

/** Unconfirmed: `GET /v1/transfers?dialog_id&client_id&operator_id&limit&offset`, newest first. */
export function transfersPath(params: Page & { dialogId?: number; clientId?: number; operatorId?: number }): string {
  return withQuery(C2D_PATHS.transfers, [
    ['dialog_id', params.dialogId],
    ['client_id', params.clientId],
    ['operator_id', params.operatorId],
    ['limit', params.limit],
    ['offset', params.offset],
  ]);
}

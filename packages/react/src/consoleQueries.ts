import {
  consoleKeys,
  isConsoleApiError,
  type ClientListResponse,
  type ClientsParams,
  type ConsoleClient,
  type Dialog,
  type DialogsParams,
  type InboxDialog,
  type ListResponse,
  type Message,
  type RequestOptions,
  type Transfer,
  type TransfersParams,
} from '@c2d-console/core';
import { infiniteQueryOptions, queryOptions, skipToken, type InfiniteData } from '@tanstack/react-query';
import { nextOffset } from './nextOffset.js';

/** A message as the console shows it: optimistic ones carry a delivery status until confirmed. */
export type ConsoleMessage = Message & { status?: 'sending' };

/**
 * The cached pages of a clients list (`consoleQueries.clients`), newest client first. A name
 * search's pages say in `meta.search` how much the proxy could search.
 */
export type ClientPages = InfiniteData<ClientListResponse>;

/** The cached pages of a client's history (`consoleQueries.messages`), newest page first, each newest message first. */
export type MessagePages = InfiniteData<ListResponse<ConsoleMessage>>;

/**
 * A transfer as the console shows it: one the operator just asked for is `pending` until the
 * proxy answers, and stays (confirmed) until the recorded one replaces it.
 */
export type ConsoleTransfer = Transfer & { status?: 'pending' };

/** The cached pages of a transfer history (`consoleQueries.transfers`), newest first. */
export type TransferPages = InfiniteData<ListResponse<ConsoleTransfer>>;

/** The cached pages of a dialog inbox (`consoleQueries.dialogs`), newest activity first. */
export type DialogPages = InfiniteData<ListResponse<InboxDialog>>;

/** Default page size of a clients list. */
export const CLIENTS_PAGE_SIZE = 50;

/**
 * How often an open history asks for new messages (ms) while the provider's event stream is
 * down or off: replies sent inside the Chat2Desk frame show up. While it is live, nothing polls.
 */
export const MESSAGES_REFETCH_INTERVAL = 10_000;

const MESSAGES_PAGE_SIZE = 30;
const TRANSFERS_PAGE_SIZE = 20;
/** Default page size of a dialog inbox. */
export const DIALOGS_PAGE_SIZE = 50;
/** Lookups (operators, groups, quick replies, tags) change rarely: cached this long (ms) before a refetch. */
const LOOKUP_STALE_TIME = 5 * 60_000;

/** What a clients list asks for: a search (name or phone fragment, or phone digits), a tag, and a page size. */
export interface ClientListOptions {
  /** Name or phone fragment. */
  q?: string;
  /** Phone digits. */
  phone?: string;
  /** Only clients with this tag. */
  tagId?: number;
  /** Clients per request (1..200, default 50). */
  pageSize?: number;
}

/** Which transfers to list: give at least one id (without one the query stays idle). */
export interface TransferListOptions {
  dialogId?: number;
  clientId?: number;
  operatorId?: number;
  /** Transfers per request (1..200, default 20). */
  pageSize?: number;
}

/** Which dialogs an inbox lists: by state, by operator ("mine") or only unassigned ones, and a page size. */
export interface DialogListOptions {
  state?: 'open' | 'closed';
  /** Only this operator's dialogs. */
  operatorId?: number;
  /** Only dialogs no operator holds. */
  unassigned?: boolean;
  /** Dialogs per request (1..200, default 50). */
  pageSize?: number;
}

/** A lookup's query: fetched once a widget needs it, cached {@link LOOKUP_STALE_TIME} ms. */
function lookup<T, K extends readonly unknown[]>(queryKey: K, load: (options: RequestOptions) => Promise<T>) {
  return queryOptions({ queryKey, queryFn: ({ signal }) => load({ signal }), staleTime: LOOKUP_STALE_TIME });
}

/** A query of one thing by id, keyed by `key(id)`; idle (`skipToken`) while `id` is undefined. */
function byId<T, K extends readonly unknown[]>(
  key: (id: number) => K,
  id: number | undefined,
  load: (id: number, options: RequestOptions) => Promise<T>,
) {
  return queryOptions({ queryKey: key(id ?? 0), queryFn: id === undefined ? skipToken : ({ signal }) => load(id, { signal }) });
}

/** A list's query, page by page (`offset` paging, `params` in every request), polled every `refetchInterval` ms if given; idle (`skipToken`) without `load`. */
function paged<R extends ListResponse<unknown>, K extends readonly unknown[], P>(
  queryKey: K,
  params: P,
  load: ((params: P & { offset: number }, options: RequestOptions) => Promise<R>) | false,
  refetchInterval?: number | false,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: load ? ({ pageParam, signal }) => load({ ...params, offset: pageParam }, { signal }) : skipToken,
    initialPageParam: 0,
    getNextPageParam: nextOffset,
    refetchInterval,
  });
}

/** `params` without its blank fields (undefined, empty, false), as keys and requests hold them. */
function withoutBlanks<T extends object>(params: T): T {
  return Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined && value !== '' && value !== false)) as T;
}

/** @internal The query params (and key) of a clients list: blank search fields are left out. */
export function clientListParams({ q, phone, tagId, pageSize = CLIENTS_PAGE_SIZE }: ClientListOptions): Omit<ClientsParams, 'offset'> {
  return withoutBlanks({ q: q?.trim(), phone: phone?.trim(), tagId, limit: pageSize });
}

/**
 * TanStack Query options for every console query: the key (from `consoleKeys`) and the fetch
 * travel together, and the key is tagged with its data type, so a host can prefetch and read the
 * cache with types and no cast:
 *
 * ```ts
 * await queryClient.prefetchQuery(consoleQueries.client(api, 1007));
 * const client = queryClient.getQueryData(consoleQueries.client(api, 1007).queryKey); // Client | undefined
 * ```
 *
 * `api` is the provider's proxy client (`useConsoleClient()`) or one from `createConsoleClient`;
 * its methods are called unbound, as those of `createConsoleClient` can be. A missing id switches the query off with `skipToken` (idle, nothing sent).
 */
export const consoleQueries = {
  /** The account's clients, page by page (`offset` paging), newest first; blank search fields are left out of the key. */
  clients: (api: ConsoleClient, options: ClientListOptions = {}) => {
    const params = clientListParams(options);
    return paged(consoleKeys.clientList(params), params, api.listClients);
  },

  /** One client by id; idle while `id` is undefined. */
  client: (api: ConsoleClient, id: number | undefined) => byId(consoleKeys.client, id, api.getClient),

  /** The channels a client can be reached through; idle while `clientId` is undefined. */
  clientChannels: (api: ConsoleClient, clientId: number | undefined) =>
    byId(consoleKeys.clientChannels, clientId, api.listClientChannels),

  /**
   * A client's messages, newest page first (the next page is older), polled every
   * {@link MESSAGES_REFETCH_INTERVAL} ms while observed, unless `live` (the provider's event
   * stream is open and refreshes it); idle while `clientId` is undefined.
   */
  messages: (
    api: ConsoleClient,
    clientId: number | undefined,
    { pageSize = MESSAGES_PAGE_SIZE, live = false }: { pageSize?: number; live?: boolean } = {},
  ) =>
    paged(
      consoleKeys.messages(clientId ?? 0),
      { limit: pageSize },
      clientId !== undefined &&
        ((params, options): Promise<ListResponse<ConsoleMessage>> => api.listMessages(clientId, params, options)),
      live ? false : MESSAGES_REFETCH_INTERVAL,
    ),

  /** Dialog transfers (who handed a dialog to whom), newest first; idle until a dialog, client or operator id is given. */
  transfers: (api: ConsoleClient, { dialogId, clientId, operatorId, pageSize = TRANSFERS_PAGE_SIZE }: TransferListOptions) => {
    const params: Omit<TransfersParams, 'offset'> = withoutBlanks({ limit: pageSize, dialogId, clientId, operatorId });
    return paged(
      consoleKeys.transfers(params),
      params,
      (dialogId ?? clientId ?? operatorId) !== undefined &&
        (api.listTransfers as (params: TransfersParams, options: RequestOptions) => Promise<ListResponse<ConsoleTransfer>>),
    );
  },

  /** The dialog inbox, page by page, newest activity first; filters left out of the key when absent. */
  dialogs: (api: ConsoleClient, { state, operatorId, unassigned, pageSize = DIALOGS_PAGE_SIZE }: DialogListOptions = {}) => {
    const params: Omit<DialogsParams, 'offset'> = withoutBlanks({ limit: pageSize, state, operatorId, unassigned });
    return paged(consoleKeys.dialogList(params), params, api.listDialogs);
  },

  /** One dialog by id; idle while `id` is undefined. */
  dialog: (api: ConsoleClient, id: number | undefined) => byId(consoleKeys.dialog, id, api.getDialog),

  /**
   * A client's current dialog (the open one, else the latest), or null when the client has none
   * (the proxy's 404 `not_found`: a normal state, not an error); idle while `clientId` is undefined.
   */
  clientDialog: (api: ConsoleClient, clientId: number | undefined) =>
    byId(consoleKeys.clientDialog, clientId, (id, options): Promise<Dialog | null> =>
      api.getClientDialog(id, options).catch((error: unknown) => {
        if (isConsoleApiError(error) && error.code === 'not_found') return null;
        throw error;
      }),
    ),

  /** The account's operators (with `online` and their open dialogs), cached for 5 minutes. */
  operators: (api: ConsoleClient) => lookup(consoleKeys.operators(), api.listOperators),

  /** The account's operator groups, cached for 5 minutes. */
  operatorGroups: (api: ConsoleClient) => lookup(consoleKeys.operatorGroups(), api.listOperatorGroups),

  /** Quick replies, cached for 5 minutes. */
  templates: (api: ConsoleClient) => lookup(consoleKeys.templates(), api.listTemplates),

  /** The tags a client can be given, cached for 5 minutes. */
  tags: (api: ConsoleClient) => lookup(consoleKeys.tags(), api.listTags),
};

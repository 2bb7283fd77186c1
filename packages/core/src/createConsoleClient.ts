import { ConsoleApiError } from './ConsoleApiError.js';
import type { ConsoleEvent } from './events.js';
import type {
  ClientTagsInput,
  ClientUpdateInput,
  DialogActionInput,
  DialogsParams,
  DialogTransferInput,
  InboxDialog,
  OperatorGroup,
  Tag,
  Template,
} from './operatorWork.js';
import { readEventStream } from './readEventStream.js';
import type {
  ApiErrorCode,
  Client,
  ClientChannel,
  ClientListResponse,
  ClientsParams,
  Dialog,
  HealthResponse,
  ItemResponse,
  ListResponse,
  Message,
  MessagesParams,
  Operator,
  SendMessageInput,
  SendMessageResult,
  Transfer,
  TransfersParams,
} from './types.js';

/** Options of {@link createConsoleClient}. */
export interface ConsoleClientOptions {
  /** Base URL of the c2d-console proxy, e.g. `/api` or `https://crm.example.com/c2d`. */
  apiUrl: string;
  /** Returns the host app's bearer token for the proxy (a JWT), or null when there is none. */
  getAuthToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** A `fetch` to use instead of the global one (tests, SSR). */
  fetch?: typeof fetch;
}

/** Per-call options. */
export interface RequestOptions {
  /** Aborts the request, e.g. TanStack Query's `signal` when a component unmounts. */
  signal?: AbortSignal;
}

/** A typed client for the c2d-console proxy's HTTP API. Every method throws {@link ConsoleApiError}. */
export interface ConsoleClient {
  /** The proxy's health; also when it answers 503 because Chat2Desk rejects its token (`upstream.tokenValid` false). */
  health(options?: RequestOptions): Promise<HealthResponse>;
  /** Clients, newest first; a name search says in `meta.search` how much it could look at. */
  listClients(params?: ClientsParams, options?: RequestOptions): Promise<ClientListResponse>;
  getClient(id: number, options?: RequestOptions): Promise<Client>;
  listClientChannels(id: number, options?: RequestOptions): Promise<ClientChannel[]>;
  listMessages(
    clientId: number,
    params?: MessagesParams,
    options?: RequestOptions,
  ): Promise<ListResponse<Message>>;
  sendMessage(input: SendMessageInput, options?: RequestOptions): Promise<SendMessageResult>;
  listTransfers(params?: TransfersParams, options?: RequestOptions): Promise<ListResponse<Transfer>>;
  getDialog(id: number, options?: RequestOptions): Promise<Dialog>;
  listOperators(options?: RequestOptions): Promise<Operator[]>;
  /**
   * Opens `GET /events` (Server-Sent Events, read with `fetch` so the bearer token can be sent)
   * and calls `onEvent` for each event until the proxy ends the stream (resolves) or the
   * connection breaks (rejects with a `network_error`). Reconnecting is the caller's: pass the
   * last event's id as `lastEventId` to get everything newer.
   */
  streamEvents(options: StreamEventsOptions): Promise<void>;
  /** The dialog inbox, newest activity first, each dialog with its client's name and phone. */
  listDialogs(params?: DialogsParams, options?: RequestOptions): Promise<ListResponse<InboxDialog>>;
  /** The client's current dialog (the open one, else the latest); a `not_found` error when there is none. */
  getClientDialog(clientId: number, options?: RequestOptions): Promise<Dialog>;
  /** Hands a dialog to an operator or a group; answers the dialog as it is now. */
  transferDialog(dialogId: number, input: DialogTransferInput, options?: RequestOptions): Promise<Dialog>;
  /** Closes a dialog; answers the dialog as it is now. */
  closeDialog(dialogId: number, input?: DialogActionInput, options?: RequestOptions): Promise<Dialog>;
  /** Reopens a closed dialog; answers the dialog as it is now. */
  reopenDialog(dialogId: number, input?: DialogActionInput, options?: RequestOptions): Promise<Dialog>;
  listOperatorGroups(options?: RequestOptions): Promise<OperatorGroup[]>;
  /** Quick replies. */
  listTemplates(options?: RequestOptions): Promise<Template[]>;
  listTags(options?: RequestOptions): Promise<Tag[]>;
  /** Edits the client card (name, comments); answers the client as it is now. */
  updateClient(clientId: number, input: ClientUpdateInput, options?: RequestOptions): Promise<Client>;
  /** Sets the client's tags (the proxy adds and removes the difference); answers the client as it is now. */
  setClientTags(clientId: number, input: ClientTagsInput, options?: RequestOptions): Promise<Client>;
}

/** Options of {@link ConsoleClient.streamEvents}. */
export interface StreamEventsOptions extends RequestOptions {
  /** The id of the last event seen: the proxy replays every newer one first. */
  lastEventId?: string;
  onEvent: (event: ConsoleEvent) => void;
  /** Called once the proxy accepted the stream (HTTP 200), before any event. */
  onOpen?: () => void;
  /**
   * Called for each comment line: the proxy's heartbeat (every 20 s) and its greeting on open.
   * Silence longer than that means the connection died without an error, or something between
   * buffers the stream.
   */
  onHeartbeat?: () => void;
}

type Query = Record<string, string | number | boolean | undefined>;
type Method = 'GET' | 'POST' | 'PATCH';

/** How one request is sent: its `Accept`, extra headers, and error statuses whose body is still the answer. */
interface SendOptions extends RequestOptions {
  accept?: string;
  headers?: Record<string, string>;
  answeredStatuses?: readonly number[];
}

/** Creates a {@link ConsoleClient} for the proxy at `apiUrl`. */
export function createConsoleClient(options: ConsoleClientOptions): ConsoleClient {
  const base = options.apiUrl.replace(/\/+$/, '');

  /** Sends one request; throws {@link ConsoleApiError} for a network failure or a non-2xx answer. */
  async function send(
    method: Method,
    path: string,
    query: Query | undefined,
    body: unknown,
    { signal, accept = 'application/json', headers: extra, answeredStatuses = [] }: SendOptions = {},
  ): Promise<{ response: Response; payload?: unknown }> {
    const doFetch = options.fetch ?? globalThis.fetch;
    const headers: Record<string, string> = { accept, ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = await options.getAuthToken?.();
    if (token) headers.authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await doFetch(base + path + toSearch(query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      if (signal?.aborted) throw error;
      throw new ConsoleApiError(
        0,
        'network_error',
        `Could not reach the console proxy at ${base || '/'}: ${(error as Error)?.message ?? error}`,
      );
    }
    if (response.ok) return { response };
    let payload: unknown;
    try {
      payload = await response.json();
    } catch {
      payload = undefined;
    }
    // A degraded health check answers 503 with its usual body: that body is the answer.
    const answered = answeredStatuses.includes(response.status) && typeof payload === 'object' && payload !== null && !('error' in payload);
    if (!answered) {
      const envelope = (payload as { error?: { code?: string; message?: string } } | undefined)?.error;
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ConsoleApiError(
        response.status,
        (envelope?.code as ApiErrorCode | undefined) ?? statusCode(response.status),
        envelope?.message ?? `The console proxy answered HTTP ${response.status}`,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    return { response, payload };
  }

  async function request<T>(
    method: Method,
    path: string,
    query: Query | undefined,
    body: unknown,
    requestOptions: SendOptions = {},
  ): Promise<T> {
    const sent = await send(method, path, query, body, requestOptions);
    const { response } = sent;
    let payload = sent.payload;
    if (payload === undefined) {
      try {
        payload = await response.json();
      } catch {
        payload = undefined;
      }
    }
    if (payload === undefined || payload === null || typeof payload !== 'object') {
      throw new ConsoleApiError(response.status, 'bad_response', 'The console proxy answered something other than JSON');
    }
    return payload as T;
  }

  const get = <T>(path: string, query: Query | undefined, opts?: RequestOptions) =>
    request<T>('GET', path, query, undefined, opts);
  const data = async <T>(promise: Promise<ItemResponse<T>>) => (await promise).data;
  const write = <T>(method: Method, path: string, body: unknown, opts?: RequestOptions) =>
    data(request<ItemResponse<T>>(method, path, undefined, body, opts));
  const list = async <T>(path: string, opts?: RequestOptions) => (await get<ListResponse<T>>(path, undefined, opts)).data;
  const id = (value: number) => encodeURIComponent(String(value));

  return {
    health: (opts) => request<HealthResponse>('GET', '/health', undefined, undefined, { ...opts, answeredStatuses: [503] }),
    listClients: (params = {}, opts) => get('/clients', { ...params }, opts),
    getClient: (clientId, opts) => data(get(`/clients/${id(clientId)}`, undefined, opts)),
    listClientChannels: (clientId, opts) =>
      data(get(`/clients/${id(clientId)}/channels`, undefined, opts)),
    listMessages: (clientId, params = {}, opts) =>
      get(`/clients/${id(clientId)}/messages`, { ...params }, opts),
    sendMessage: (input, opts) => data(request('POST', '/messages', undefined, input, opts)),
    listTransfers: (params = {}, opts) => get('/transfers', { ...params }, opts),
    getDialog: (dialogId, opts) => data(get(`/dialogs/${id(dialogId)}`, undefined, opts)),
    listOperators: (opts) => list<Operator>('/operators', opts),
    listDialogs: (params = {}, opts) => get('/dialogs', { ...params }, opts),
    getClientDialog: (clientId, opts) => data(get(`/clients/${id(clientId)}/dialog`, undefined, opts)),
    transferDialog: (dialogId, input, opts) => write('POST', `/dialogs/${id(dialogId)}/transfer`, input, opts),
    closeDialog: (dialogId, input = {}, opts) => write('POST', `/dialogs/${id(dialogId)}/close`, input, opts),
    reopenDialog: (dialogId, input = {}, opts) => write('POST', `/dialogs/${id(dialogId)}/reopen`, input, opts),
    listOperatorGroups: (opts) => list<OperatorGroup>('/operator-groups', opts),
    listTemplates: (opts) => list<Template>('/templates', opts),
    listTags: (opts) => list<Tag>('/tags', opts),
    updateClient: (clientId, input, opts) => write('PATCH', `/clients/${id(clientId)}`, input, opts),
    setClientTags: (clientId, input, opts) => write('POST', `/clients/${id(clientId)}/tags`, input, opts),
    async streamEvents({ lastEventId, onEvent, onOpen, onHeartbeat, signal }) {
      const { response } = await send('GET', '/events', undefined, undefined, {
        signal,
        accept: 'text/event-stream',
        headers: lastEventId ? { 'last-event-id': lastEventId } : {},
      });
      if (!response.body) throw new ConsoleApiError(response.status, 'bad_response', 'The console proxy answered /events without a body');
      onOpen?.();
      try {
        await readEventStream(response.body, onEvent, signal, onHeartbeat);
      } catch (error) {
        if (signal?.aborted) throw error;
        throw new ConsoleApiError(0, 'network_error', `The event stream from ${base || '/'} broke off: ${(error as Error)?.message ?? error}`);
      }
    },
  };
}

function toSearch(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : '';
}

function statusCode(status: number): ApiErrorCode {
  if (status === 400) return 'bad_request';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status === 504) return 'upstream_timeout';
  return status >= 500 ? 'upstream_error' : 'bad_request';
}

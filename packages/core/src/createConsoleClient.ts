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

type Query = object;
type Method = 'GET' | 'POST' | 'PATCH';

/** How one request is sent: its query, JSON body and extra headers; `health` also takes its 503 as the answer. */
interface SendOptions extends RequestOptions {
  query?: Query | undefined;
  body?: unknown;
  headers?: Record<string, string>;
  /** A 503 whose body is not an error envelope is still the answer (a degraded health check). */
  degradedAnswer?: boolean;
}

/** HTTP statuses the proxy may answer without an envelope, and the code each stands for (else `bad_request`, or `upstream_error` from 500). */
const STATUS_CODES: Record<number, ApiErrorCode> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  429: 'rate_limited',
  504: 'upstream_timeout',
};

/**
 * The proxy route of each plain method: its HTTP method and path, `:id` standing for the
 * method's first argument. A GET route marked `list` takes the list's params next and answers
 * the whole page (`data` and `meta`); a write takes its JSON body next; every route but a
 * `list` answers the `data` of the proxy's answer. The last argument is the `RequestOptions`.
 */
const ROUTES: Record<Exclude<keyof ConsoleClient, 'health' | 'streamEvents'>, [Method, string, list?: true]> = {
  listClients: ['GET', '/clients', true],
  getClient: ['GET', '/clients/:id'],
  listClientChannels: ['GET', '/clients/:id/channels'],
  listMessages: ['GET', '/clients/:id/messages', true],
  sendMessage: ['POST', '/messages'],
  listTransfers: ['GET', '/transfers', true],
  getDialog: ['GET', '/dialogs/:id'],
  listOperators: ['GET', '/operators'],
  listDialogs: ['GET', '/dialogs', true],
  getClientDialog: ['GET', '/clients/:id/dialog'],
  transferDialog: ['POST', '/dialogs/:id/transfer'],
  closeDialog: ['POST', '/dialogs/:id/close'],
  reopenDialog: ['POST', '/dialogs/:id/reopen'],
  listOperatorGroups: ['GET', '/operator-groups'],
  listTemplates: ['GET', '/templates'],
  listTags: ['GET', '/tags'],
  updateClient: ['PATCH', '/clients/:id'],
  setClientTags: ['POST', '/clients/:id/tags'],
};

/** Creates a {@link ConsoleClient} for the proxy at `apiUrl`. */
export function createConsoleClient(options: ConsoleClientOptions): ConsoleClient {
  const base = options.apiUrl.replace(/\/+$/, '');
  /** A failure to reach the proxy (not an abort, which passes through as it is). */
  const unreachable = (error: unknown, signal: AbortSignal | undefined) =>
    signal?.aborted
      ? error
      : new ConsoleApiError(0, 'network_error', `Lost the console proxy at ${base || '/'}: ${(error as Error)?.message ?? error}`);
  /** An answer the client cannot read. */
  const unreadable = (status: number) => new ConsoleApiError(status, 'bad_response', 'The console proxy answered something unreadable');

  /**
   * Sends one request and answers the response with its JSON body (read only when `json`);
   * throws {@link ConsoleApiError} for a network failure or a non-2xx answer.
   */
  async function send(
    method: Method,
    path: string,
    { query, body, signal, headers: extra, degradedAnswer }: SendOptions = {},
    json = true,
  ): Promise<[Response, unknown]> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = await options.getAuthToken?.();
    if (token) headers.authorization = `Bearer ${token}`;

    let response: Response;
    try {
      response = await (options.fetch ?? globalThis.fetch)(base + path + toSearch(query), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (error) {
      throw unreachable(error, signal);
    }
    const payload = response.ok && !json ? undefined : await response.json().catch(() => undefined);
    const envelope = (payload as { error?: { code?: ApiErrorCode; message?: string } } | undefined)?.error;
    // A degraded health check answers 503 with its usual body: that body is the answer.
    if (!response.ok && !(degradedAnswer && response.status === 503 && payload && !envelope)) {
      const { status } = response;
      const retryAfter = Number(response.headers.get('retry-after'));
      throw new ConsoleApiError(
        status,
        envelope?.code ?? STATUS_CODES[status] ?? (status >= 500 ? 'upstream_error' : 'bad_request'),
        envelope?.message ?? `The console proxy answered HTTP ${status}`,
        Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
      );
    }
    if (json && (typeof payload !== 'object' || !payload)) throw unreadable(response.status);
    return [response, payload];
  }

  const client = {
    health: async (opts) => (await send('GET', '/health', { ...opts, degradedAnswer: true }))[1] as HealthResponse,
    async streamEvents({ lastEventId, onEvent, onOpen, onHeartbeat, signal }) {
      const [{ body, status }] = await send(
        'GET',
        '/events',
        { signal, headers: { accept: 'text/event-stream', ...(lastEventId && { 'last-event-id': lastEventId }) } },
        false,
      );
      if (!body) throw unreadable(status);
      onOpen?.();
      try {
        await readEventStream(body, onEvent, signal, onHeartbeat);
      } catch (error) {
        throw unreachable(error, signal);
      }
    },
  } as ConsoleClient;
  for (const [name, [method, path, list]] of Object.entries(ROUTES)) {
    (client as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      const url = path.replace(':id', () => encodeURIComponent(args.shift() as number));
      const input = (method !== 'GET' || list ? args.shift() : undefined) as object | undefined;
      const opts = args[0] as RequestOptions | undefined;
      const [, answer] = await send(method, url, method === 'GET' ? { ...opts, query: input } : { ...opts, body: input ?? {} });
      return list ? answer : (answer as ItemResponse<unknown>).data;
    };
  }
  return client;
}

function toSearch(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search && `?${search}`;
}

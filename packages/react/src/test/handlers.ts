import type { Client, ConsoleAction, ListResponse, SendMessageInput } from '@c2d-console/core';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  dialogIdOf,
  fixtureOperators,
  makeChannels,
  makeClients,
  makeMessages,
  makeTransfers,
} from './fixtures.js';
import { attachmentKind } from '../attachmentKind.js';
import { createFakeOperatorWork } from './fakeOperatorWork.js';
import { createFakeEventFeed, type FakeEventFeed } from './fakeEventFeed.js';

/** Options of {@link createConsoleHandlers}. */
export interface ConsoleHandlersOptions {
  /** Base URL the provider's `apiUrl` resolves to: `/api` in stories, `http://proxy.test` in jsdom. */
  baseUrl?: string;
  /** How many clients the fake proxy holds (default 120). */
  clients?: number | Client[];
  /** Messages per client (default 30). */
  messagesPerClient?: number;
  /** Latency of every answer, ms (default 0; `'infinite'` never answers). */
  latency?: number | 'infinite';
  /**
   * Whether the fake proxy can search names (a complete client index, as from issue 11 on).
   * Default false, as the proxy is today: a name `q` answers no clients with
   * `meta.search: { indexed: 0, complete: false }`, and `ClientList` searches what it loaded.
   */
  clientIndex?: boolean;
  /** Actions the proxy refuses with 403 `forbidden`, as for a seat whose token's `c2d_scope` leaves them out. */
  forbidden?: readonly ConsoleAction[];
  /**
   * What happens in the account while the console is open: the messages it adds are served in
   * the histories, and `GET /events` streams its events. Default: a feed where nothing happens
   * (the stream opens and stays quiet, as the proxy's does on a calm day).
   */
  feed?: FakeEventFeed;
}

function page<T>(items: T[], url: URL): ListResponse<T> {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return { data: items.slice(offset, offset + limit), meta: { total: items.length, limit, offset } };
}

/**
 * msw handlers that behave like the c2d-console proxy over fixture data (paging, `phone`
 * search, a name `q` as the proxy answers it, `tagId` (refused with a name `q`, as the proxy does), sending appends to the history, `GET /events`
 * from the `feed`, the operator's work: see `createFakeOperatorWork`), returning the proxy's envelopes.
 */
export function createConsoleHandlers(options: ConsoleHandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const clients = Array.isArray(options.clients) ? options.clients : makeClients(options.clients ?? 120);
  const perClient = options.messagesPerClient ?? 30;
  const feed = options.feed ?? createFakeEventFeed();
  const wait = () => (options.latency ? delay(options.latency) : undefined);
  const messagesOf = (clientId: number) => [...feed.messagesOf(clientId), ...makeMessages(clientId, perClient)];
  const notFound = (what: string) =>
    HttpResponse.json({ error: { code: 'not_found', message: `${what} not found` } }, { status: 404 });
  const work = createFakeOperatorWork({ base, clients, wait, forbidden: options.forbidden });

  return [
    ...work.handlers,
    http.get(`${base}/health`, () => HttpResponse.json({ status: 'ok', mode: 'sandbox' })),
    http.get(`${base}/clients`, async ({ request }) => {
      await wait();
      const url = new URL(request.url);
      const q = url.searchParams.get('q')?.toLowerCase();
      const phone = url.searchParams.get('phone')?.replace(/\D/g, '');
      const tagId = url.searchParams.get('tagId');
      // As the proxy: a name search (its client index) knows no tags; a phone in `q` is a phone search.
      if (q && tagId && !/^\+?[\d\s().-]+$/.test(q)) {
        const message = 'Invalid query parameter: tagId cannot be combined with a name q (the name search has no tags); filter by one of them';
        return HttpResponse.json({ error: { code: 'bad_request', message } }, { status: 400 });
      }
      if (q && !options.clientIndex) {
        const { meta } = page([], url);
        return HttpResponse.json({ data: [], meta: { ...meta, search: { indexed: 0, complete: false } } });
      }
      const found = clients.filter(
        (c) =>
          (!q || `${c.name ?? ''} ${c.assignedName ?? ''} ${c.phone ?? ''}`.toLowerCase().includes(q)) &&
          (!phone || (c.phone ?? '').includes(phone)) &&
          // By the tags the client has now (after the card's changes).
          (!tagId || (work.client(c.id) ?? c).tags.some((tag) => tag.id === Number(tagId))),
      );
      const listed = page(found, url);
      return HttpResponse.json(q ? { ...listed, meta: { ...listed.meta, search: { indexed: clients.length, complete: true } } } : listed);
    }),
    http.get(`${base}/clients/:id`, async ({ params }) => {
      await wait();
      const client = work.client(Number(params.id));
      return client ? HttpResponse.json({ data: client }) : notFound(`Client ${params.id}`);
    }),
    http.get(`${base}/clients/:id/channels`, async ({ params }) => {
      await wait();
      return HttpResponse.json({ data: makeChannels(Number(params.id)) });
    }),
    http.get(`${base}/clients/:id/messages`, async ({ params, request }) => {
      await wait();
      return HttpResponse.json(page(messagesOf(Number(params.id)), new URL(request.url)));
    }),
    http.post(`${base}/messages`, async ({ request }) => {
      await wait();
      const input = (await request.json()) as SendMessageInput;
      const refused = work.refuse(input.type === 'comment' ? 'note' : 'send');
      if (refused) return refused;
      const message = feed.add(input.clientId, {
        text: input.text,
        type: input.type ?? 'to_client',
        rawType: input.type ?? 'to_client',
        transport: input.transport ?? 'whatsapp',
        channelId: input.channelId ?? 1,
        operatorId: 2,
        dialogId: dialogIdOf(input.clientId),
        created: new Date().toISOString(),
        read: false,
        // Of the kind its name says, as the optimistic message (useSendMessage) showed it.
        attachments: input.attachment
          ? [{ url: input.attachment.url, kind: attachmentKind(input.attachment.filename ?? input.attachment.url), name: input.attachment.filename ?? null }]
          : [],
        location: null,
      });
      return HttpResponse.json(
        {
          data: {
            messageId: message.id,
            dialogId: message.dialogId,
            requestId: null,
            channelId: message.channelId,
            transport: message.transport,
          },
        },
        { status: 201 },
      );
    }),
    http.get(`${base}/transfers`, async ({ request }) => {
      await wait();
      const url = new URL(request.url);
      const clientId = Number(url.searchParams.get('clientId') ?? Number(url.searchParams.get('dialogId')) - 50_000);
      return HttpResponse.json(page([...work.transfersOf(dialogIdOf(clientId)), ...makeTransfers(clientId)], url));
    }),
    http.get(`${base}/events`, ({ request }) => feed.respond(request)),
    http.get(`${base}/operators`, () =>
      HttpResponse.json({ data: fixtureOperators, meta: { total: fixtureOperators.length, limit: 200, offset: 0 } }),
    ),
  ];
}

/** Handlers where every route answers the proxy's error envelope with `status`. */
export function createErrorHandlers(
  { baseUrl = '/api', status = 502, code = 'upstream_error', message = 'Chat2Desk is unavailable' } = {},
): HttpHandler[] {
  return [
    http.all(`${baseUrl.replace(/\/+$/, '')}/*`, () =>
      HttpResponse.json({ error: { code, message } }, { status }),
    ),
  ];
}

/**
 * A handler for `method path` that answers the proxy's error envelope once (HTTP `status`), then
 * lets requests through to the next handler: for "error, then Retry recovers" stories and tests.
 * `when` picks which request fails (e.g. only a later page: `(url) => url.searchParams.get('offset') !== '0'`).
 */
export function failOnce(
  method: 'get' | 'post' | 'patch',
  path: string,
  {
    status = 502,
    code = 'upstream_error',
    message = 'Chat2Desk is unavailable',
    when = () => true,
  }: { status?: number; code?: string; message?: string; when?: (url: URL) => boolean } = {},
): HttpHandler {
  let failed = false;
  return http[method](path, ({ request }) => {
    if (failed || !when(new URL(request.url))) return undefined;
    failed = true;
    return HttpResponse.json({ error: { code, message } }, { status });
  });
}

/** The Chat2Desk faults the sandbox can be switched into (`C2D_SANDBOX_FAULTS`), as the browser sees them through the proxy. */
export type ConsoleFault = 'quota' | 'bad-token' | 'rate-limit';

/** What the proxy answers every API route with under each fault (its own status, code, message and `Retry-After`). */
const FAULT_ANSWERS: Record<ConsoleFault, { status: number; code: string; message: string; retryAfter?: number }> = {
  quota: {
    status: 503,
    code: 'upstream_quota',
    message:
      "Chat2Desk's monthly API quota for this account is used up (Chat2Desk: “API calls exceeded API limit per month”). Ask your Chat2Desk admin to raise the account's API limit or top up its balance; until then every call is refused.",
    retryAfter: 60,
  },
  'bad-token': {
    status: 502,
    code: 'upstream_auth',
    message: "Chat2Desk rejected the proxy's API token (“Token is not correct”); the proxy's admin must set CHAT2DESK_API_TOKEN to a valid token of the account",
  },
  'rate-limit': { status: 429, code: 'rate_limited', message: "Chat2Desk's rate limit was reached; retry in 1 s", retryAfter: 1 },
};

/**
 * Handlers where every API route answers as the proxy does when Chat2Desk is in `fault` (the
 * health check stays up): for stories and tests of the states only an admin can fix.
 */
export function createFaultHandlers(fault: ConsoleFault, { baseUrl = '/api' }: { baseUrl?: string } = {}): HttpHandler[] {
  const base = baseUrl.replace(/\/+$/, '');
  const { status, code, message, retryAfter } = FAULT_ANSWERS[fault];
  const headers: Record<string, string> = retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) };
  return [
    http.get(`${base}/health`, () => HttpResponse.json({ status: 'ok', mode: 'sandbox' })),
    http.all(`${base}/*`, () => HttpResponse.json({ error: { code, message } }, { status, headers })),
  ];
}

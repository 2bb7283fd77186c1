import type { Client, ListResponse, Message, SendMessageInput } from '@c2d-console/core';
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import {
  dialogIdOf,
  fixtureOperators,
  makeChannels,
  makeClients,
  makeMessages,
  makeTransfers,
} from './fixtures.js';

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
}

function page<T>(items: T[], url: URL): ListResponse<T> {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return { data: items.slice(offset, offset + limit), meta: { total: items.length, limit, offset } };
}

/**
 * msw handlers that behave like the c2d-console proxy over fixture data (paging, `q`/`phone`
 * search, sending appends to the history), returning the proxy's envelopes.
 */
export function createConsoleHandlers(options: ConsoleHandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const clients = Array.isArray(options.clients) ? options.clients : makeClients(options.clients ?? 120);
  const perClient = options.messagesPerClient ?? 30;
  const sent = new Map<number, Message[]>();
  const wait = () => (options.latency ? delay(options.latency) : undefined);
  const messagesOf = (clientId: number) => [...(sent.get(clientId) ?? []), ...makeMessages(clientId, perClient)];
  const notFound = (what: string) =>
    HttpResponse.json({ error: { code: 'not_found', message: `${what} not found` } }, { status: 404 });

  return [
    http.get(`${base}/health`, () => HttpResponse.json({ status: 'ok', mode: 'sandbox' })),
    http.get(`${base}/clients`, async ({ request }) => {
      await wait();
      const url = new URL(request.url);
      const q = url.searchParams.get('q')?.toLowerCase();
      const phone = url.searchParams.get('phone')?.replace(/\D/g, '');
      const found = clients.filter(
        (c) =>
          (!q || `${c.name ?? ''} ${c.assignedName ?? ''} ${c.phone ?? ''}`.toLowerCase().includes(q)) &&
          (!phone || (c.phone ?? '').includes(phone)),
      );
      return HttpResponse.json(page(found, url));
    }),
    http.get(`${base}/clients/:id`, async ({ params }) => {
      await wait();
      const client = clients.find((c) => c.id === Number(params.id));
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
      const history = messagesOf(input.clientId);
      const message: Message = {
        id: (history[0]?.id ?? input.clientId * 1000) + 1,
        text: input.text,
        type: 'to_client',
        rawType: 'to_client',
        transport: input.transport ?? 'whatsapp',
        channelId: input.channelId ?? 1,
        operatorId: 2,
        dialogId: dialogIdOf(input.clientId),
        clientId: input.clientId,
        created: new Date().toISOString(),
        read: false,
        attachments: [],
        location: null,
      };
      sent.set(input.clientId, [message, ...(sent.get(input.clientId) ?? [])]);
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
      return HttpResponse.json(page(makeTransfers(clientId), url));
    }),
    http.get(`${base}/dialogs/:id`, async ({ params }) => {
      await wait();
      const id = Number(params.id);
      return HttpResponse.json({
        data: { id, state: 'open', begin: null, end: null, operatorId: 2, clientId: id - 50_000, lastMessage: null, messagesCount: perClient },
      });
    }),
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
  method: 'get' | 'post',
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

import type {
  Client,
  ClientTagsInput,
  ClientUpdateInput,
  ConsoleAction,
  DialogTransferInput,
  InboxDialog,
  ListResponse,
  Transfer,
} from '@c2d-console/core';
import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  fixtureGroups,
  fixtureOperators,
  fixtureTags,
  fixtureTemplates,
  hasDialog,
  makeInboxDialog,
} from './fixtures.js';

/** What the proxy says when a seat may not do `action` (a JWT whose `c2d_scope` leaves it out). */
export const forbiddenMessage = (action: ConsoleAction): string =>
  `This seat may not do "${action}": its c2d_scope does not include it. Ask your admin for the right.`;

/** Options of {@link createFakeOperatorWork}. */
export interface FakeOperatorWorkOptions {
  base: string;
  clients: Client[];
  /** Waits before each answer (the handlers' latency). */
  wait: () => Promise<void> | undefined;
  /** Actions the proxy refuses with 403 `forbidden` (a read-only seat: every write). */
  forbidden?: readonly ConsoleAction[];
}

/** The account state the operator's actions change, and the routes that read and change it. */
export interface FakeOperatorWork {
  /** The client as it is now (after card edits and tag changes), or undefined. */
  client(id: number): Client | undefined;
  /** Transfers recorded since the handlers were made, newest first, for `dialogId`. */
  transfersOf(dialogId: number): Transfer[];
  /** The answer of a write the seat may not do, or undefined when it may. */
  refuse(action: ConsoleAction): Response | undefined;
  handlers: HttpHandler[];
}

const list = <T>(items: T[]) => HttpResponse.json({ data: items, meta: { total: items.length, limit: 200, offset: 0 } });
const page = <T>(items: T[], url: URL): ListResponse<T> => {
  const limit = Number(url.searchParams.get('limit') ?? 20);
  const offset = Number(url.searchParams.get('offset') ?? 0);
  return { data: items.slice(offset, offset + limit), meta: { total: items.length, limit, offset } };
};
const notFound = (what: string) => HttpResponse.json({ error: { code: 'not_found', message: `${what} not found` } }, { status: 404 });
const badRequest = (message: string) => HttpResponse.json({ error: { code: 'bad_request', message } }, { status: 400 });
const operatorNameOf = (id: number | null) => {
  const op = fixtureOperators.find((o) => o.id === id);
  return op ? `${op.firstName} ${op.lastName}` : null;
};

/**
 * The fake proxy's side of the operator's work, over the fixture clients: the dialog inbox
 * (filters, paging, newest activity first), a client's current dialog (404 for every 13th
 * client, who has none), transfer / close / reopen, operator groups, quick replies, tags, client
 * card edits and tag changes. Writes change the state the reads answer, and a transfer is
 * recorded as the proxy records it from Chat2Desk's webhook.
 */
export function createFakeOperatorWork({ base, clients, wait, forbidden = [] }: FakeOperatorWorkOptions): FakeOperatorWork {
  const dialogs = new Map<number, InboxDialog>();
  clients.forEach((client, index) => {
    if (hasDialog(index)) {
      const dialog = makeInboxDialog(client, index);
      dialogs.set(dialog.id, dialog);
    }
  });
  const edited = new Map<number, Client>();
  const recorded = new Map<number, Transfer[]>();
  let transferIds = 900_000;

  const client = (id: number) => edited.get(id) ?? clients.find((c) => c.id === id);
  const refuse = (action: ConsoleAction) =>
    forbidden.includes(action)
      ? HttpResponse.json({ error: { code: 'forbidden', message: forbiddenMessage(action) } }, { status: 403 })
      : undefined;
  // The dialog as the routes answer it: a `Dialog`, without the inbox's client.
  const plain = ({ client: _client, ...dialog }: InboxDialog) => dialog;
  const update = (dialog: InboxDialog, changes: Partial<InboxDialog>) => {
    const next = { ...dialog, ...changes };
    dialogs.set(dialog.id, next);
    return HttpResponse.json({ data: plain(next) });
  };

  const handlers: HttpHandler[] = [
    http.get(`${base}/dialogs`, async ({ request }) => {
      await wait();
      const url = new URL(request.url);
      const state = url.searchParams.get('state');
      const operatorId = url.searchParams.get('operatorId');
      const unassigned = url.searchParams.get('unassigned') === 'true';
      const found = [...dialogs.values()]
        .filter(
          (d) =>
            (!state || d.state === state) &&
            (!operatorId || d.operatorId === Number(operatorId)) &&
            (!unassigned || d.operatorId === null),
        )
        .toSorted((a, b) => (b.lastMessageAt ?? '').localeCompare(a.lastMessageAt ?? ''));
      return HttpResponse.json(page(found, url));
    }),
    http.get(`${base}/dialogs/:id`, async ({ params }) => {
      await wait();
      const dialog = dialogs.get(Number(params.id));
      return dialog ? HttpResponse.json({ data: plain(dialog) }) : notFound(`Dialog ${params.id}`);
    }),
    http.get(`${base}/clients/:id/dialog`, async ({ params }) => {
      await wait();
      const dialog = [...dialogs.values()].find((d) => d.clientId === Number(params.id));
      return dialog ? HttpResponse.json({ data: plain(dialog) }) : notFound(`A dialog of client ${params.id}`);
    }),
    http.post(`${base}/dialogs/:id/transfer`, async ({ params, request }) => {
      await wait();
      const dialog = dialogs.get(Number(params.id));
      if (!dialog) return notFound(`Dialog ${params.id}`);
      const input = (await request.json()) as DialogTransferInput;
      const refused = refuse('transfer');
      if (refused) return refused;
      const group = fixtureGroups.find((g) => g.id === input.groupId);
      const to = input.operatorId ?? group?.operatorIds[0];
      if (to === undefined || !fixtureOperators.some((o) => o.id === to)) return badRequest('No such operator or group');
      const transfer: Transfer = {
        id: (transferIds += 1),
        dialogId: dialog.id,
        clientId: dialog.clientId,
        fromOperatorId: dialog.operatorId,
        toOperatorId: to,
        fromOperatorName: operatorNameOf(dialog.operatorId),
        toOperatorName: operatorNameOf(to),
        created: new Date().toISOString(),
        reason: group ? group.name : null,
      };
      recorded.set(dialog.id, [transfer, ...(recorded.get(dialog.id) ?? [])]);
      return update(dialog, { operatorId: to, state: 'open' });
    }),
    ...(['close', 'reopen'] as const).map((action) =>
      http.post(`${base}/dialogs/:id/${action}`, async ({ params }) => {
        await wait();
        const dialog = dialogs.get(Number(params.id));
        if (!dialog) return notFound(`Dialog ${params.id}`);
        return (
          refuse(action) ??
          update(dialog, action === 'close' ? { state: 'closed', end: new Date().toISOString() } : { state: 'open', end: null })
        );
      }),
    ),
    http.patch(`${base}/clients/:id`, async ({ params, request }) => {
      await wait();
      const before = client(Number(params.id));
      if (!before) return notFound(`Client ${params.id}`);
      const { idempotencyKey: _key, ...changes } = (await request.json()) as ClientUpdateInput;
      const refused = refuse('edit_client');
      if (refused) return refused;
      const after = { ...before, ...changes };
      edited.set(after.id, after);
      return HttpResponse.json({ data: after });
    }),
    http.post(`${base}/clients/:id/tags`, async ({ params, request }) => {
      await wait();
      const before = client(Number(params.id));
      if (!before) return notFound(`Client ${params.id}`);
      const { tagIds } = (await request.json()) as ClientTagsInput;
      const refused = refuse('tag');
      if (refused) return refused;
      const unknown = tagIds.filter((id) => !fixtureTags.some((tag) => tag.id === id));
      if (unknown.length > 0) return badRequest(`Unknown tag ids: ${unknown.join(', ')}`);
      const after = { ...before, tags: fixtureTags.filter((tag) => tagIds.includes(tag.id)) };
      edited.set(after.id, after);
      return HttpResponse.json({ data: after });
    }),
    http.get(`${base}/operator-groups`, async () => {
      await wait();
      return list(fixtureGroups);
    }),
    http.get(`${base}/templates`, async () => {
      await wait();
      return list(fixtureTemplates);
    }),
    http.get(`${base}/tags`, async () => {
      await wait();
      return list(fixtureTags);
    }),
  ];

  return { client, transfersOf: (dialogId) => recorded.get(dialogId) ?? [], refuse, handlers };
}

import { Hono, type Context } from 'hono';
import type { C2DError, C2DItem, C2DList } from '../upstream/chat2deskTypes.js';
import { SANDBOX_MAX_TEXT, type SandboxSendInput, type SandboxStore } from './createSandboxStore.js';
import { SandboxError, sandboxErrorAnswer } from './SandboxError.js';
import { FAULT_ANSWERS, SLOW_FAULT_MS, type SandboxFault } from './sandboxFaults.js';
import {
  wireApiInfo,
  wireChannel,
  wireClient,
  wireClientTransports,
  wireDialog,
  wireMessage,
  wireOperator,
  wireOperatorGroup,
  wireSendResult,
  wireTag,
  wireTemplate,
} from './sandboxWire.js';

/** Chat2Desk's page size when none is given, and its maximum. */
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 200;

function positiveId(value: string | undefined, name: string): number {
  if (value === undefined || !/^[1-9]\d{0,15}$/.test(value)) {
    throw new SandboxError(400, `${name} must be a positive integer, got "${value ?? ''}"`, name.replace(/ /g, '_'));
  }
  return Number(value);
}

function optionalId(c: Context, name: string): number | undefined {
  const value = c.req.query(name);
  return value === undefined || value === '' ? undefined : positiveId(value, name);
}

function page(c: Context): { limit: number; offset: number } {
  const limit = c.req.query('limit');
  const offset = c.req.query('offset');
  const parsedLimit = limit === undefined || limit === '' ? DEFAULT_LIMIT : /^\d{1,4}$/.test(limit) ? Number(limit) : Number.NaN;
  if (!(parsedLimit >= 1 && parsedLimit <= MAX_LIMIT)) {
    throw new SandboxError(400, `limit must be an integer from 1 to ${MAX_LIMIT}, got "${limit}"`, 'limit');
  }
  const parsedOffset = offset === undefined || offset === '' ? 0 : /^\d{1,9}$/.test(offset) ? Number(offset) : Number.NaN;
  if (Number.isNaN(parsedOffset)) throw new SandboxError(400, `offset must be an integer of 0 or more, got "${offset}"`, 'offset');
  return { limit: parsedLimit, offset: parsedOffset };
}

function oneOf<T extends string>(c: Context, name: string, allowed: readonly T[]): T | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new SandboxError(400, `${name} must be one of ${allowed.join(', ')}, got "${value}"`, name);
  }
  return value as T;
}

/**
 * One page of `items()`, each in its wire shape. Paging is checked before `items` runs, so a
 * bad limit is a 400 even when a filter names an unknown id.
 */
function list<T, W = T>(c: Context, items: () => T[], wire: (item: T) => W = (x) => x as unknown as W): Response {
  const { limit, offset } = page(c);
  const all = items();
  const body: C2DList<W> = { data: all.slice(offset, offset + limit).map(wire), meta: { total: all.length, limit, offset }, status: 'success' };
  return c.json(body);
}

function item<T>(c: Context, data: T): Response {
  const body: C2DItem<T> = { data, status: 'success' };
  return c.json(body);
}

async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw new SandboxError(400, 'The request body must be a JSON object');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new SandboxError(400, 'The request body must be a JSON object');
  return body as Record<string, unknown>;
}

function bodyId(body: Record<string, unknown>, name: string, required: true): number;
function bodyId(body: Record<string, unknown>, name: string, required: false): number | undefined;
function bodyId(body: Record<string, unknown>, name: string, required: boolean): number | undefined {
  const value = body[name];
  if (value === undefined || value === null) {
    if (required) throw new SandboxError(400, `${name} is required (a positive integer)`, name);
    return undefined;
  }
  return positiveId(typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value), name);
}

function bodyString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SandboxError(400, `${name} must be a string`, name);
  return value;
}

function bodyFlag(body: Record<string, unknown>, name: string): boolean | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new SandboxError(400, `${name} must be true or false`, name);
  return value;
}

/** Comma-separated positive ids (`tags=201,202`), or undefined when the parameter is absent. */
function idList(c: Context, name: string): number[] | undefined {
  const value = c.req.query(name);
  if (value === undefined || value === '') return undefined;
  return value.split(',').map((part) => positiveId(part.trim(), name));
}

/** A file URL as Chat2Desk downloads it: http or https. */
function bodyUrl(body: Record<string, unknown>, name: string): string | undefined {
  const value = bodyString(body, name);
  if (value !== undefined && !(URL.canParse(value) && /^https?:$/.test(new URL(value).protocol))) {
    throw new SandboxError(400, `${name} must be an http or https URL`, name);
  }
  return value;
}

/** What a write answers when it has nothing to say (see `test/fixtures/chat2desk/writes.ts`). */
const done = (c: Context) => c.json({ status: 'success', message: '' });

/** Message types a send may have (`POST /v1/messages`): `comment` is an internal note. */
const SEND_TYPES: ReadonlyArray<NonNullable<SandboxSendInput['type']>> = ['to_client', 'comment', 'autoreply', 'system'];

/** Options of {@link createSandboxApi}. */
export interface SandboxApiOptions {
  /** Faults to answer with instead of data (see `sandboxFaults.ts`). */
  faults?: readonly SandboxFault[];
  /** How long the `slow` fault waits (default 3 s). */
  slowMs?: number;
}

/**
 * The fake Chat2Desk API (mounted under `/v1`), in Chat2Desk's real shapes (`sandboxWire.ts`)
 * and error habits (`sandboxErrorAnswer`). Every route needs an `Authorization` header; any
 * non-empty bare token passes. Like Chat2Desk it ignores query parameters it does not know
 * (a `q` on `/clients` filters nothing) and has no `/transfers`.
 */
export function createSandboxApi(store: SandboxStore, { faults = [], slowMs = SLOW_FAULT_MS }: SandboxApiOptions = {}): Hono {
  const fault = (['bad-token', 'quota', 'rate-limit'] as const).find((name) => faults.includes(name));
  const slow = faults.includes('slow');
  let requests = 0;
  const dialogAnswer = (dialog: Parameters<typeof wireDialog>[0]) =>
    wireDialog(dialog, store.lastMessage(dialog.id), store.getDialogRoute(dialog.id)?.request_id ?? null);
  const clientAnswer = (client: Parameters<typeof wireClient>[0]) => wireClient(client, store.getClientTransports(client.id) ?? [], store.clientTags(client.id));
  return new Hono()
    .use(async (c, next) => {
      const token = c.req.header('authorization')?.trim();
      if (!token) throw new SandboxError(401, 'You need to auth');
      // Chat2Desk wants the bare token: a "Bearer …" one is not a token it knows.
      if (/^bearer\s/i.test(token)) throw new SandboxError(401, 'Token is not correct');
      if (slow) await new Promise((resolve) => setTimeout(resolve, slowMs));
      if (fault) return c.json(FAULT_ANSWERS[fault] satisfies C2DError);
      requests++;
      await next();
    })
    .get('/companies/api_info', (c) => item(c, wireApiInfo(requests)))
    .get('/clients', (c) => {
      const filter = { phone: c.req.query('phone'), tagIds: idList(c, 'tags') };
      return list(c, () => store.listClients(filter), clientAnswer);
    })
    .get('/clients/:id', (c) => {
      const id = positiveId(c.req.param('id'), 'client id');
      const client = store.getClient(id);
      if (!client) throw new SandboxError(404, `Client ${id} not found`);
      return item(c, clientAnswer(client));
    })
    .put('/clients/:id', async (c) => {
      const id = positiveId(c.req.param('id'), 'client id');
      const body = await jsonBody(c);
      store.updateClient(id, {
        assigned_name: bodyString(body, 'nickname'),
        comment: bodyString(body, 'comment'),
        extra_comment_1: bodyString(body, 'extra_comment_1'),
        extra_comment_2: bodyString(body, 'extra_comment_2'),
        extra_comment_3: bodyString(body, 'extra_comment_3'),
      });
      return done(c);
    })
    .get('/clients/:id/transport', (c) => {
      const id = positiveId(c.req.param('id'), 'client id');
      const transports = store.getClientTransports(id);
      if (!transports) throw new SandboxError(404, `Client ${id} not found`);
      return item(c, wireClientTransports(transports));
    })
    .get('/messages', (c) => {
      const filter = {
        clientId: optionalId(c, 'client_id'),
        dialogId: optionalId(c, 'dialog_id'),
        order: oneOf(c, 'order', ['asc', 'desc'] as const),
      };
      return list(c, () => store.listMessages(filter), wireMessage);
    })
    .post('/messages', async (c) => {
      const body = await jsonBody(c);
      const type = body.type ?? 'to_client';
      if (!SEND_TYPES.includes(type as never)) {
        throw new SandboxError(400, `type must be one of ${SEND_TYPES.join(', ')}, got ${JSON.stringify(type)}`, 'type');
      }
      const text = bodyString(body, 'text');
      if (text === undefined) throw new SandboxError(400, `text is required (1 to ${SANDBOX_MAX_TEXT} characters)`, 'text');
      const attachment = bodyUrl(body, 'attachment');
      const filename = bodyString(body, 'attachment_filename');
      const sent = store.sendMessage({
        clientId: bodyId(body, 'client_id', true),
        text,
        type: type as SandboxSendInput['type'],
        transport: bodyString(body, 'transport'),
        channelId: bodyId(body, 'channel_id', false),
        operatorId: bodyId(body, 'operator_id', false),
        openDialog: bodyFlag(body, 'open_dialog'),
        attachment: attachment === undefined ? undefined : { url: attachment, filename },
      });
      return item(c, wireSendResult(sent));
    })
    .get('/messages/:id/transfer_to_group', (c) => {
      const messageId = positiveId(c.req.param('id'), 'message id');
      const groupId = optionalId(c, 'group_id');
      if (groupId === undefined) throw new SandboxError(400, 'group_id is required (a positive integer)', 'group_id');
      const force = oneOf(c, 'force_assign', ['1', '0', 'true', 'false'] as const);
      store.transferToGroup(messageId, groupId, force === '1' || force === 'true');
      return done(c);
    })
    .get('/dialogs', (c) => {
      const filter = { operatorId: optionalId(c, 'operator_id'), state: oneOf(c, 'state', ['open', 'closed'] as const) };
      return list(c, () => store.listDialogs(filter), dialogAnswer);
    })
    .get('/dialogs/:id', (c) => {
      const id = positiveId(c.req.param('id'), 'dialog id');
      const dialog = store.getDialog(id);
      if (!dialog) throw new SandboxError(404, `Dialog ${id} not found`);
      return item(c, dialogAnswer(dialog));
    })
    .put('/dialogs/:id', async (c) => {
      const id = positiveId(c.req.param('id'), 'dialog id');
      const body = await jsonBody(c);
      const state = body.state;
      if (state !== undefined && state !== 'open' && state !== 'closed') throw new SandboxError(400, `state must be "open" or "closed", got ${JSON.stringify(state)}`, 'state');
      const operatorId = bodyId(body, 'operator_id', false);
      if (operatorId === undefined && state === undefined) throw new SandboxError(400, 'Give operator_id (a positive integer) to transfer the dialog, or state');
      const initiatorId = bodyId(body, 'initiator_id', false);
      if (initiatorId !== undefined && !store.getOperator(initiatorId)) throw new SandboxError(400, `initiator_id ${initiatorId} is not an operator of the account`, 'initiator_id');
      const force = bodyFlag(body, 'force_assign') ?? false;
      // What force_assign (2025-07) is for: handing a dialog to an operator who is not online.
      const operator = operatorId === undefined ? undefined : store.getOperator(operatorId);
      if (operator && !operator.online && !force && store.getDialog(id)?.operator_id !== operatorId) {
        throw new SandboxError(400, `Operator ${operator.id} is offline; pass force_assign to hand the dialog over anyway`, 'operator_id');
      }
      store.updateDialog(id, { operatorId, state, reason: bodyString(body, 'reason') ?? null });
      return done(c);
    })
    .get('/operators', (c) => list(c, () => store.listOperators(), wireOperator))
    // No paging and no meta, as Chat2Desk answers it.
    .get('/operators_groups', (c) => c.json({ data: store.listOperatorGroups().map(wireOperatorGroup), status: 'success' }))
    .get('/templates', (c) => list(c, () => store.listTemplates(), wireTemplate))
    .get('/tags', (c) => list(c, () => store.listTags(), wireTag))
    .post('/tags/assign_to', async (c) => {
      const body = await jsonBody(c);
      if (body.assignee_type !== 'client') throw new SandboxError(400, `assignee_type must be "client" (the sandbox tags clients only), got ${JSON.stringify(body.assignee_type)}`, 'assignee_type');
      const tagIds = body.tag_ids;
      if (!Array.isArray(tagIds) || tagIds.length === 0) throw new SandboxError(400, 'tag_ids must be a non-empty array of tag ids', 'tag_ids');
      store.assignTags(
        bodyId(body, 'assignee_id', true),
        tagIds.map((value) => positiveId(typeof value === 'number' || typeof value === 'string' ? String(value) : JSON.stringify(value), 'tag_ids')),
      );
      return done(c);
    })
    .delete('/tags/:id/delete_from', async (c) => {
      const tagId = positiveId(c.req.param('id'), 'tag id');
      if (!store.listTags().some((tag) => tag.id === tagId)) throw new SandboxError(404, `Tag ${tagId} not found`);
      // Clients send the client in the query (jkasemenov/c2d_api) or in a body (dgolovachev/Chat2DeskClient): both are taken.
      const fromBody = (await c.req.raw.clone().text()) === '' ? undefined : bodyId(await jsonBody(c), 'client_id', false);
      const clientId = optionalId(c, 'client_id') ?? fromBody;
      if (clientId === undefined) throw new SandboxError(400, 'client_id is required (a positive integer)', 'client_id');
      store.removeTag(clientId, tagId);
      return done(c);
    })
    .get('/channels', (c) => list(c, () => store.listChannels(), wireChannel))
    .onError((error, c) => {
      const { status, body } = sandboxErrorAnswer(error);
      return c.json(body, status);
    });
}

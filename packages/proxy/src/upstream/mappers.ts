import type {
  Attachment,
  Client,
  ClientChannel,
  Dialog,
  ListMeta,
  Message,
  Operator,
  SendMessageInput,
  SendMessageResult,
  Transfer,
} from '@c2d-console/core';
import { z } from 'zod';
import { ProxyError } from '../ProxyError.js';
import type { C2DSendMessageBody } from './chat2deskTypes.js';

/**
 * The one mapping module: how a send becomes Chat2Desk's request body, and how Chat2Desk's
 * answers (snake_case, see `chat2deskTypes.ts`) become `@c2d-console/core`'s domain types. An
 * answer in an unexpected shape becomes a 502 naming the field. Paths are in `paths.ts`.
 */

// ---- requests ------------------------------------------------------------------------------

/** `POST /v1/messages` body for a send. */
export function sendMessageBody(input: SendMessageInput): C2DSendMessageBody {
  const body: C2DSendMessageBody = { client_id: input.clientId, text: input.text, type: 'to_client' };
  if (input.transport !== undefined) body.transport = input.transport;
  if (input.channelId !== undefined) body.channel_id = input.channelId;
  return body;
}

// ---- answers -------------------------------------------------------------------------------

/**
 * Chat2Desk times are "YYYY-MM-DDTHH:mm:ss" (or with a space) in UTC without a zone; the
 * domain uses full ISO 8601 in UTC. Unreadable values become null rather than failing a list.
 */
export function toIsoUtc(value: string | null | undefined): string | null {
  if (!value) return null;
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/i.test(value.trim());
  const normalized = value.trim().replace(' ', 'T') + (hasZone ? '' : 'Z');
  const time = Date.parse(normalized);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const int = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);
const count = int.nullish().transform((v) => v ?? 0);
const nullableInt = int.nullish().transform((v) => v ?? null);
const text = z.string().nullish().transform((v) => v ?? null);
const time = z.string().nullish().transform(toIsoUtc);
const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .nullish()
  .transform((v) => v === true || v === 1 || v === '1' || v === 'true');

const clientSchema = z
  .object({
    id: int,
    name: text,
    phone: text,
    assigned_name: text,
    comment: text,
    avatar: text,
    region_id: nullableInt,
    country_id: nullableInt,
    first_client_message: time,
    last_client_message: time,
    extra_comment_1: text,
    extra_comment_2: text,
    extra_comment_3: text,
    client_external_id: z.union([z.string(), z.number()]).nullish(),
  })
  .transform(
    (c): Client => ({
      id: c.id,
      name: c.name,
      phone: c.phone,
      assignedName: c.assigned_name,
      comment: c.comment,
      avatar: c.avatar,
      regionId: c.region_id,
      countryId: c.country_id,
      firstClientMessage: c.first_client_message,
      lastClientMessage: c.last_client_message,
      extraComment1: c.extra_comment_1,
      extraComment2: c.extra_comment_2,
      extraComment3: c.extra_comment_3,
      externalId: c.client_external_id == null ? null : String(c.client_external_id),
    }),
  );

const channelSchema = z
  .object({ channel_id: int, transport: z.string(), channel_name: text })
  .transform((c): ClientChannel => ({ channelId: c.channel_id, transport: c.transport, name: c.channel_name }));

const messageSchema = z
  .object({
    id: int,
    text: text,
    type: z.enum(['from_client', 'to_client', 'system', 'autoreply', 'comment']),
    transport: z.string(),
    channel_id: nullableInt,
    operator_id: nullableInt,
    dialog_id: nullableInt,
    client_id: int,
    created: z.string(),
    read: flag,
    photo: text,
    attachments: z
      .array(z.object({ link: z.string(), type: z.string().nullish(), name: text }))
      .nullish(),
  })
  .transform((m): Message => {
    const attachments: Attachment[] = [];
    if (m.photo) attachments.push({ url: m.photo, kind: 'photo', name: null });
    for (const a of m.attachments ?? []) attachments.push({ url: a.link, kind: a.type ?? 'document', name: a.name });
    return {
      id: m.id,
      text: m.text ?? '',
      type: m.type,
      transport: m.transport,
      channelId: m.channel_id,
      operatorId: m.operator_id,
      dialogId: m.dialog_id,
      clientId: m.client_id,
      created: toIsoUtc(m.created) ?? m.created,
      read: m.read,
      attachments,
    };
  });

const sendResultSchema = z
  .object({
    message_id: int,
    dialog_id: nullableInt,
    request_id: nullableInt,
    channel_id: nullableInt,
    transport: z.string(),
  })
  .transform(
    (r): SendMessageResult => ({
      messageId: r.message_id,
      dialogId: r.dialog_id,
      requestId: r.request_id,
      channelId: r.channel_id,
      transport: r.transport,
    }),
  );

const dialogSchema = z
  .object({
    id: int,
    state: z.enum(['open', 'closed']),
    begin: time,
    end: time,
    operator_id: nullableInt,
    client_id: nullableInt,
    last_message: time,
    messages: count,
  })
  .transform(
    (d): Dialog => ({
      id: d.id,
      state: d.state,
      begin: d.begin,
      end: d.end,
      operatorId: d.operator_id,
      clientId: d.client_id,
      lastMessage: d.last_message,
      messagesCount: d.messages,
    }),
  );

const operatorSchema = z
  .object({
    id: int,
    email: text,
    first_name: text,
    last_name: text,
    role: z.string().nullish().transform((v) => v ?? 'operator'),
    online: flag,
    opened_dialogs: count,
  })
  .transform(
    (o): Operator => ({
      id: o.id,
      email: o.email,
      firstName: o.first_name,
      lastName: o.last_name,
      role: o.role,
      online: o.online,
      openedDialogs: o.opened_dialogs,
    }),
  );

const transferSchema = z
  .object({
    id: int,
    dialog_id: int,
    client_id: nullableInt,
    from_operator_id: nullableInt,
    to_operator_id: int,
    created: z.string(),
    reason: text,
  })
  .transform(
    (t): Transfer => ({
      id: t.id,
      dialogId: t.dialog_id,
      clientId: t.client_id,
      fromOperatorId: t.from_operator_id,
      toOperatorId: t.to_operator_id,
      fromOperatorName: null,
      toOperatorName: null,
      created: toIsoUtc(t.created) ?? t.created,
      reason: t.reason,
    }),
  );

const metaSchema = z.object({ total: int, limit: int, offset: int }).partial().nullish();

/** A mapped upstream list: items plus whatever paging Chat2Desk reported. */
export interface UpstreamList<T> {
  data: T[];
  meta: Partial<ListMeta>;
}

function parse<T>(schema: z.ZodType<T>, payload: unknown, what: string): T {
  const result = schema.safeParse(payload);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the answer';
  throw new ProxyError(502, 'upstream_error', `Chat2Desk answered ${what} in an unexpected shape (${where}: ${issue?.message ?? 'invalid'})`);
}

function listMapper<T>(item: z.ZodType<T>, what: string) {
  const schema = z.object({ data: z.array(item), meta: metaSchema });
  return (payload: unknown): UpstreamList<T> => {
    const parsed = parse(schema, payload, what);
    return { data: parsed.data, meta: parsed.meta ?? {} };
  };
}

function itemMapper<T>(item: z.ZodType<T>, what: string) {
  const schema = z.object({ data: item });
  return (payload: unknown): T => parse(schema, payload, what).data;
}

/** `{ data: C2DClient[], meta }` → clients. */
export const mapClientList: (payload: unknown) => UpstreamList<Client> = listMapper(clientSchema, 'clients');
/** `{ data: C2DClient }` → a client. */
export const mapClient: (payload: unknown) => Client = itemMapper(clientSchema, 'a client');
/** `{ data: C2DClientTransport[] }` → the client's channels. */
export const mapClientChannels: (payload: unknown) => ClientChannel[] = itemMapper(z.array(channelSchema), 'client channels');
/** `{ data: C2DMessage[], meta }` → messages. */
export const mapMessageList: (payload: unknown) => UpstreamList<Message> = listMapper(messageSchema, 'messages');
/** `{ data: C2DSendMessageResult }` → the send result. */
export const mapSendResult: (payload: unknown) => SendMessageResult = itemMapper(sendResultSchema, 'a sent message');
/** `{ data: C2DDialog }` → a dialog. */
export const mapDialog: (payload: unknown) => Dialog = itemMapper(dialogSchema, 'a dialog');
/** `{ data: C2DOperator[], meta }` → operators. */
export const mapOperatorList: (payload: unknown) => UpstreamList<Operator> = listMapper(operatorSchema, 'operators');
/** `{ data: C2DTransfer[], meta }` → transfers, operator names not yet resolved. */
export const mapTransferList: (payload: unknown) => UpstreamList<Transfer> = listMapper(transferSchema, 'transfers');

/** How an operator is shown: first and last name, else the email, else null. */
export function operatorName(operator: Operator | undefined): string | null {
  if (!operator) return null;
  const name = [operator.firstName, operator.lastName].filter(Boolean).join(' ').trim();
  return name || operator.email || null;
}

/** Fills `fromOperatorName`/`toOperatorName` from an operators list (null for unknown ids). */
export function withOperatorNames(transfers: Transfer[], operators: Operator[]): Transfer[] {
  const byId = new Map(operators.map((o) => [o.id, o]));
  return transfers.map((t) => ({
    ...t,
    fromOperatorName: t.fromOperatorId === null ? null : operatorName(byId.get(t.fromOperatorId)),
    toOperatorName: operatorName(byId.get(t.toOperatorId)),
  }));
}

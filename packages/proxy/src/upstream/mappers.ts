import type {
  Attachment,
  Client,
  ClientChannel,
  ClientUpdateInput,
  Dialog,
  ListMeta,
  Location,
  Message,
  MessageType,
  Operator,
  OperatorGroup,
  SendMessageInput,
  SendMessageResult,
  Tag,
  Template,
  Transfer,
} from '@c2d-console/core';
import { z } from 'zod';
import { ProxyError } from '../ProxyError.js';
import type { C2DClientUpdateBody, C2DDialogUpdateBody, C2DSendMessageBody, C2DTagAssignBody } from './chat2deskTypes.js';
import { toIsoUtc } from './chat2deskTime.js';

/**
 * The one mapping module: how a send becomes Chat2Desk's request body, and how Chat2Desk's
 * answers (snake_case, see `chat2deskTypes.ts`) become `@c2d-console/core`'s domain types. An
 * answer in an unexpected shape becomes a 502 naming the field. Paths are in `paths.ts`, times
 * in `chat2deskTime.ts`, error bodies in `upstreamErrors.ts`.
 *
 * The facts behind each mapping are in shared/chat2desk-api.md (rows marked ⚠ are where the
 * real API differs from what the first release guessed), and each has a real-shaped answer in
 * `test/fixtures/chat2desk/` that the tests map:
 * - times: "Transport" → ⚠ Times (`chat2deskTime.ts`);
 * - dialogs: "Endpoints" → ⚠ dialogs (`last_message` is a whole message; no top-level `client_id`);
 * - a client's channels: "Endpoints" → ⚠ a client's channels (`transports` arrays; names from `/v1/channels`);
 * - messages: "Endpoints" → messages (⚠ unknown types; `photo`/`pdf`/`audio`/`video`/`attachments`/`coordinates`);
 * - sends: "Endpoints" → send (`type`, `operator_id`, `attachment`, `attachment_filename`);
 * - dialog changes: "Endpoints" → transfer / close a dialog (`PUT /v1/dialogs/{id}`);
 * - ⚠ client card edits (`nickname`, M; the comment fields, L) and tags (`assign_to`, M): `chat2deskTypes.ts`;
 * - operator groups, ⚠ templates (M), tags: "Endpoints" → operator groups, tags, templates;
 * - operators: "Endpoints" → operators (the 2026 role model: `role` may be missing);
 * - account: "Endpoints" → account (`requests_this_month`).
 */

// ---- requests ------------------------------------------------------------------------------

/**
 * `POST /v1/messages` body for a send (a message to the client, or an internal note with
 * `type: "comment"`), attributed to `operatorId` when the caller is a known operator.
 */
export function sendMessageBody(input: SendMessageInput, operatorId: number | null = null): C2DSendMessageBody {
  const body: C2DSendMessageBody = { client_id: input.clientId, text: input.text, type: input.type ?? 'to_client' };
  if (input.transport !== undefined) body.transport = input.transport;
  if (input.channelId !== undefined) body.channel_id = input.channelId;
  if (operatorId !== null) body.operator_id = operatorId;
  if (input.attachment) {
    body.attachment = input.attachment.url;
    if (input.attachment.filename !== undefined) body.attachment_filename = input.attachment.filename;
  }
  return body;
}

/** A change of a dialog as the proxy's routes ask for it. */
export type DialogChange = { operatorId: number; force?: boolean } | { state: 'open' | 'closed' };

/** `PUT /v1/dialogs/{id}` body: the change, by the signed-in operator (`initiator_id`) when known. */
export function dialogUpdateBody(change: DialogChange, initiatorId: number | null = null): C2DDialogUpdateBody {
  const body: C2DDialogUpdateBody = 'operatorId' in change ? { operator_id: change.operatorId } : { state: change.state };
  if ('operatorId' in change && change.force) body.force_assign = true;
  if (initiatorId !== null) body.initiator_id = initiatorId;
  return body;
}

/** Where each editable card field goes in `PUT /v1/clients/{id}` (⚠ see `C2DClientUpdateBody`). */
const CLIENT_UPDATE_FIELDS = {
  name: 'nickname',
  comment: 'comment',
  extraComment1: 'extra_comment_1',
  extraComment2: 'extra_comment_2',
  extraComment3: 'extra_comment_3',
} as const satisfies Record<Exclude<keyof ClientUpdateInput, 'idempotencyKey'>, keyof C2DClientUpdateBody>;

/** `PUT /v1/clients/{id}` body: only the fields given. */
export function clientUpdateBody(input: Omit<ClientUpdateInput, 'idempotencyKey'>): C2DClientUpdateBody {
  const body: C2DClientUpdateBody = {};
  for (const [field, wire] of Object.entries(CLIENT_UPDATE_FIELDS) as Array<[keyof typeof CLIENT_UPDATE_FIELDS, keyof C2DClientUpdateBody]>) {
    const value = input[field];
    if (value !== undefined) body[wire] = value;
  }
  return body;
}

/** `POST /v1/tags/assign_to` body: these tags onto the client. */
export const tagAssignBody = (clientId: number, tagIds: readonly number[]): C2DTagAssignBody => ({
  tag_ids: [...tagIds],
  assignee_type: 'client',
  assignee_id: clientId,
});

// ---- answers -------------------------------------------------------------------------------

const int = z.union([z.number().int(), z.string().regex(/^-?\d+$/).transform(Number)]);
const count = int.nullish().transform((v) => v ?? 0);
const nullableInt = int.nullish().transform((v) => v ?? null);
/** Chat2Desk sends "no value" as null or `""`: both become null. */
const text = z.string().nullish().transform((v) => (v ? v : null));
const time = z.string().nullish().transform(toIsoUtc);
const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .nullish()
  .transform((v) => v === true || v === 1 || v === '1' || v === 'true');

/** A tag (`GET /v1/tags`, and each client's `tags[]`): `{id, group_id, group_name, label, description}`. */
const tagSchema = z
  .object({ id: int, label: z.string(), group_id: nullableInt, group_name: text, description: text })
  .transform((t): Tag => ({ id: t.id, label: t.label, groupId: t.group_id, groupName: t.group_name, description: t.description }));

/**
 * Chat2Desk's `custom_fields`: an object of field id → value, or `[]` when a client has none
 * (PHP's empty array). Values become strings; anything else is left out rather than failing a page.
 */
function customFieldsOf(value: unknown): Record<string, string | null> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  const fields: Record<string, string | null> = {};
  for (const [key, field] of Object.entries(value as Record<string, unknown>)) {
    if (field === null || typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') {
      fields[key] = field === null ? null : String(field);
    }
  }
  return fields;
}

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
    tags: z.array(z.unknown()).nullish(),
    custom_fields: z.unknown().nullish(),
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
      externalId: c.client_external_id === null || c.client_external_id === undefined || c.client_external_id === '' ? null : String(c.client_external_id),
      tags: (c.tags ?? []).flatMap((tag) => {
        const parsed = tagSchema.safeParse(tag);
        return parsed.success ? [parsed.data] : [];
      }),
      customFields: customFieldsOf(c.custom_fields),
    }),
  );

/** One entry of `GET /v1/clients/{id}/transport`: a channel and its transports. */
const clientTransportSchema = z.object({ channel_id: int, transports: z.array(z.string()) });

/** One entry of `GET /v1/channels`: its name (or, without one, its phone) labels pickers. */
const channelSchema = z
  .object({ id: int, name: text, phone: text })
  .transform((c): [number, string | null] => [c.id, c.name ?? c.phone]);

const KNOWN_TYPES: ReadonlySet<string> = new Set<MessageType>(['from_client', 'to_client', 'system', 'autoreply', 'comment']);

/** "43.238949,76.889709" (or `{ latitude, longitude }`) → a location; anything unreadable → null. */
function locationOf(value: unknown): Location | null {
  let latitude: number;
  let longitude: number;
  if (typeof value === 'string') {
    const parts = value.split(/[,;]\s*|\s+/).filter(Boolean);
    if (parts.length !== 2) return null;
    [latitude, longitude] = parts.map(Number) as [number, number];
  } else if (value && typeof value === 'object') {
    const point = value as Record<string, unknown>;
    latitude = Number(point.latitude ?? point.lat);
    longitude = Number(point.longitude ?? point.lng ?? point.lon);
  } else {
    return null;
  }
  const valid = Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
  return valid ? { latitude, longitude } : null;
}

const messageSchema = z
  .object({
    id: int,
    text: z.string().nullish(),
    type: z.string(),
    transport: z.string().nullish(),
    channel_id: nullableInt,
    operator_id: nullableInt,
    dialog_id: nullableInt,
    client_id: int,
    created: z.string(),
    read: flag,
    photo: text,
    pdf: text,
    audio: text,
    video: text,
    attachments: z.array(z.object({ link: z.string(), name: text })).nullish(),
    coordinates: z.unknown(),
  })
  .transform((m): Message => {
    const attachments: Attachment[] = [];
    // One field per kind in Chat2Desk's message; `attachments[]` holds any other files.
    for (const kind of ['photo', 'pdf', 'audio', 'video'] as const) {
      const url = m[kind];
      if (url) attachments.push({ url, kind, name: null });
    }
    for (const a of m.attachments ?? []) attachments.push({ url: a.link, kind: 'file', name: a.name });
    return {
      id: m.id,
      text: m.text ?? '',
      // A type the proxy does not know (Chat2Desk adds some) is shown as a system message, never a failed page.
      type: KNOWN_TYPES.has(m.type) ? (m.type as MessageType) : 'system',
      rawType: m.type,
      transport: m.transport ?? '',
      channelId: m.channel_id,
      operatorId: m.operator_id,
      dialogId: m.dialog_id,
      clientId: m.client_id,
      created: toIsoUtc(m.created) ?? m.created,
      read: m.read,
      attachments,
      location: locationOf(m.coordinates),
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
    // `last_message` is a whole message and the only place the dialog's client is named.
    last_message: messageSchema.nullish(),
    messages: count,
  })
  .transform((d): Dialog => {
    const last = d.last_message ?? null;
    return {
      id: d.id,
      state: d.state,
      begin: d.begin,
      end: d.end,
      operatorId: d.operator_id,
      clientId: last?.clientId ?? null,
      lastMessage: last,
      lastMessageAt: last ? toIsoUtc(last.created) : null,
      messagesCount: d.messages,
    };
  });

const operatorSchema = z
  .object({
    id: int,
    email: text,
    first_name: text,
    last_name: text,
    // The 2026 role model may leave `role` out.
    role: z.string().nullish().transform((v) => v || 'operator'),
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

const operatorGroupSchema = z
  .object({ id: int, name: text, operator_ids: z.array(int).nullish() })
  .transform((g): OperatorGroup => ({ id: g.id, name: g.name ?? `#${g.id}`, operatorIds: g.operator_ids ?? [] }));

const templateSchema = z
  .object({ id: int, name: text, command: text, text: z.string().nullish() })
  // A list name reads better than a command; a template with neither is known by its text.
  .transform((t): Template => ({ id: t.id, title: t.name ?? t.command, text: t.text ?? '' }));

const apiInfoSchema = z
  .object({ requests_this_month: int.nullish() })
  .transform((info): ApiInfo => (info.requests_this_month == null ? {} : { requestsThisMonth: info.requests_this_month }));

/** A webhook registered in the account (`GET /v1/webhooks`), as `c2d-proxy webhooks list` shows it. */
export interface RegisteredWebhook {
  id: number;
  name: string | null;
  url: string;
  events: string[];
  /** `status: "enable"`. */
  enabled: boolean;
  /** Chat2Desk's recent delivery failures, newest as it lists them; `at` in ISO 8601 when given. */
  errors: Array<{ text: string; at: string | null }>;
}

/** Unix seconds (Chat2Desk's `created_at` of a webhook error) or a Chat2Desk time, as ISO 8601. */
const secondsOrTime = z
  .union([z.number(), z.string()])
  .nullish()
  .transform((v) => (typeof v === 'number' ? new Date(v * 1000).toISOString() : toIsoUtc(v)));

const webhookSchema = z
  .object({
    id: int,
    name: text,
    url: z.string(),
    events: z.array(z.string()).nullish(),
    status: z.string().nullish(),
    errors: z.array(z.object({ text: z.string().nullish(), created_at: secondsOrTime })).nullish(),
  })
  .transform(
    (w): RegisteredWebhook => ({
      id: w.id,
      name: w.name,
      url: w.url,
      events: w.events ?? [],
      enabled: w.status === 'enable',
      errors: (w.errors ?? []).map((e) => ({ text: e.text ?? '', at: e.created_at })),
    }),
  );

const metaSchema = z.object({ total: int, limit: int, offset: int }).partial().nullish();

/** A mapped upstream list: items plus whatever paging Chat2Desk reported. */
export interface UpstreamList<T> {
  data: T[];
  meta: Partial<ListMeta>;
}

/** What the proxy reads from `GET /v1/companies/api_info`. */
export interface ApiInfo {
  requestsThisMonth?: number;
}

/** One channel of a client and the transports it reaches them through, before names are added. */
export interface ClientTransport {
  channelId: number;
  transports: string[];
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
/** `{ data: C2DClientTransport[] }` → the client's channels, each with its transports. */
export const mapClientTransports: (payload: unknown) => ClientTransport[] = itemMapper(
  z.array(clientTransportSchema.transform((t): ClientTransport => ({ channelId: t.channel_id, transports: t.transports }))),
  'client channels',
);
/** `{ data: C2DChannel[] }` → channel id → name (or phone); a channel with neither maps to null. */
export const mapChannelNames: (payload: unknown) => Map<number, string | null> = (payload) =>
  new Map(listMapper(channelSchema, 'channels')(payload).data);
/** `{ data: C2DMessage[], meta }` → messages. */
export const mapMessageList: (payload: unknown) => UpstreamList<Message> = listMapper(messageSchema, 'messages');
/** `{ data: C2DSendMessageResult }` → the send result. */
export const mapSendResult: (payload: unknown) => SendMessageResult = itemMapper(sendResultSchema, 'a sent message');
/** `{ data: C2DDialog }` → a dialog. */
export const mapDialog: (payload: unknown) => Dialog = itemMapper(dialogSchema, 'a dialog');
/** `{ data: C2DDialog[], meta }` → dialogs. */
export const mapDialogList: (payload: unknown) => UpstreamList<Dialog> = listMapper(dialogSchema, 'dialogs');
/** `{ data: C2DOperator[], meta }` → operators. */
export const mapOperatorList: (payload: unknown) => UpstreamList<Operator> = listMapper(operatorSchema, 'operators');
/** `{ data: C2DOperatorGroup[] }` → operator groups. */
export const mapOperatorGroupList: (payload: unknown) => UpstreamList<OperatorGroup> = listMapper(operatorGroupSchema, 'operator groups');
/** `{ data: C2DTemplate[], meta }` → quick replies. */
export const mapTemplateList: (payload: unknown) => UpstreamList<Template> = listMapper(templateSchema, 'templates');
/** `{ data: C2DTag[], meta }` → tags. */
export const mapTagList: (payload: unknown) => UpstreamList<Tag> = listMapper(tagSchema, 'tags');
/**
 * The answer of a write whose body the proxy does not use (⚠ the answers of `PUT` dialogs and
 * clients, `assign_to`, `delete_from` and `transfer_to_group` are not documented): Chat2Desk's
 * errors were already read from it, and the proxy reads the record again to answer.
 */
export const ignoreWriteAnswer = (_payload: unknown): undefined => undefined;
/** `{ data: C2DWebhook[] }` → the account's webhooks. */
export const mapWebhookList: (payload: unknown) => UpstreamList<RegisteredWebhook> = listMapper(webhookSchema, 'webhooks');
/**
 * `POST /v1/webhooks`'s answer → the new webhook's id, when it says (⚠ the answer's shape is not
 * documented: `data` is read as the webhook or as `{ id }`).
 */
export const mapWebhookCreated = (payload: unknown): number | null =>
  z.object({ data: z.object({ id: int }).nullish() }).safeParse(payload).data?.data?.id ?? null;
/** `{ data: C2DApiInfo }` → what the health probe reports. */
export const mapApiInfo: (payload: unknown) => ApiInfo = itemMapper(apiInfoSchema, 'the account info');

/**
 * A client's channels, one entry per channel and transport (what a "send through" picker
 * lists), named from the account's channels (`null` when the names are unknown).
 */
export function toClientChannels(transports: ClientTransport[], names: ReadonlyMap<number, string | null>): ClientChannel[] {
  return transports.flatMap((t) => t.transports.map((transport) => ({ channelId: t.channelId, transport, name: names.get(t.channelId) ?? null })));
}

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

import { MAX_MESSAGE_LENGTH, type DialogTransferInput } from '@c2d-console/core';
import { z } from 'zod';
import { ProxyError } from '../ProxyError.js';

/**
 * Zod schemas of what the browser may send: query strings, path ids and the send body. A
 * failure becomes a 400 `bad_request` whose message names the field and what it must be.
 * Every object is strict: an unknown field is refused by name, never dropped (a `type:
 * "comment"` the proxy ignored would send an internal note to the client).
 */

/** A strict object whose unknown keys are refused with a message naming them and the allowed ones. */
function strictObject<Shape extends z.ZodRawShape>(shape: Shape, noun: string) {
  const allowed = Object.keys(shape).join(', ');
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `unknown ${noun}${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}; the allowed ones are ${allowed}`
        : undefined,
  });
}

const positiveIntString = (field: string, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .regex(/^\d{1,16}$/, { error: `${field} must be a positive integer` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: `${field} must be a positive integer` })
        .max(max, { error: `${field} must be at most ${max}` }),
    );

const limit = z
  .string()
  .regex(/^\d{1,4}$/, { error: 'limit must be an integer from 1 to 200' })
  .transform(Number)
  .pipe(z.number().min(1, { error: 'limit must be an integer from 1 to 200' }).max(200, { error: 'limit must be an integer from 1 to 200' }));

const offset = z
  .string()
  .regex(/^\d{1,9}$/, { error: 'offset must be an integer, 0 or more' })
  .transform(Number);

/** `limit` and `offset`, filled in when absent: `{ limit, offset }` is then a ready `Page`. */
const paging = (defaultLimit = 20) => ({ limit: limit.default(defaultLimit), offset: offset.default(0) });

/** A path id (`/clients/:id`, `/dialogs/:id`). */
export const idSchema = (field = 'id') => positiveIntString(field);

/** Query of `GET /clients`. */
export const clientsQuerySchema = strictObject(
  {
    ...paging(),
    phone: z
      .string()
      .regex(/^[\d\s()+-]{1,32}$/, { error: 'phone must be digits (spaces, +, -, parentheses allowed), at most 32 characters' })
      .optional(),
    q: z.string().max(100, { error: 'q must be at most 100 characters' }).optional(),
    tagId: positiveIntString('tagId').optional(),
  },
  'parameter',
);

/** Query of `GET /dialogs`: `operatorId` for "mine", `unassigned=true` for the queue, not both. */
export const dialogsQuerySchema = strictObject(
  {
    ...paging(),
    state: z.enum(['open', 'closed'], { error: 'state must be "open" or "closed"' }).optional(),
    operatorId: positiveIntString('operatorId').optional(),
    unassigned: z
      .enum(['true', 'false'], { error: 'unassigned must be true or false' })
      .transform((value) => value === 'true')
      .optional(),
  },
  'parameter',
).refine((query) => !(query.unassigned && query.operatorId !== undefined), {
  error: 'give operatorId (one operator\'s dialogs) or unassigned=true (nobody\'s), not both',
  path: ['unassigned'],
});

/** Query of the lookups (`GET /operator-groups`, `/templates`, `/tags`): they take no parameters. */
export const noQuerySchema = strictObject({}, 'parameter');

/** Query of `GET /clients/:id/messages`. */
export const messagesQuerySchema = strictObject(paging(), 'parameter');

/** Query of `GET /operators`: operators are few and transfers need all their names, so the whole list (up to 200) is the default. */
export const operatorsQuerySchema = strictObject(paging(200), 'parameter');

/** Query of `GET /transfers`. */
export const transfersQuerySchema = strictObject(
  {
    ...paging(),
    dialogId: positiveIntString('dialogId').optional(),
    clientId: positiveIntString('clientId').optional(),
    operatorId: positiveIntString('operatorId').optional(),
  },
  'parameter',
);

/** What an event id from `GET /events` looks like (the stores' ids are decimal; Redis stream ids have a `-`). */
export const LAST_EVENT_ID = /^[\w.:-]{0,64}$/;

/** Query of `GET /events`: `lastEventId` for clients that cannot send the `Last-Event-ID` header. */
export const eventsQuerySchema = strictObject(
  {
    lastEventId: z.string().regex(LAST_EVENT_ID, { error: 'lastEventId must be an event id from this stream (at most 64 letters, digits, "-", "_", ".", ":")' }).optional(),
  },
  'parameter',
);

/** A positive integer in a JSON body. */
const bodyId = (field: string) =>
  z
    .number({ error: `${field} must be a positive integer` })
    .int({ error: `${field} must be a positive integer` })
    .min(1, { error: `${field} must be a positive integer` })
    .max(Number.MAX_SAFE_INTEGER, { error: `${field} must be a positive integer` });

/** The key that makes a write happen at most once (the same key again answers the first outcome). */
const idempotencyKey = z
  .string({ error: 'idempotencyKey must be a string of 1 to 200 characters' })
  .min(1, { error: 'idempotencyKey must be a string of 1 to 200 characters' })
  .max(200, { error: 'idempotencyKey must be a string of 1 to 200 characters' })
  .optional();

/** Longest attachment URL taken: Chat2Desk downloads it, and a browser's limit is about this. */
const MAX_URL_LENGTH = 2048;

/** `attachment` of `POST /messages`: a file Chat2Desk can download, and the name the client sees. */
const attachmentSchema = strictObject(
  {
    url: z
      .string({ error: 'attachment.url must be an http or https URL' })
      .max(MAX_URL_LENGTH, { error: `attachment.url must be at most ${MAX_URL_LENGTH} characters` })
      .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), { error: 'attachment.url must be an http or https URL' }),
    filename: z
      .string({ error: 'attachment.filename must be a file name of 1 to 255 characters' })
      .min(1, { error: 'attachment.filename must be a file name of 1 to 255 characters' })
      .max(255, { error: 'attachment.filename must be a file name of 1 to 255 characters' })
      .regex(/^[^/\\\p{Cc}]+$/u, { error: 'attachment.filename must be a file name without slashes or control characters' })
      .optional(),
  },
  'field',
);

/** Body of `POST /messages`: a message to the client, or an internal note (`type: "comment"`), with a file or without. */
export const sendMessageSchema = strictObject(
  {
    clientId: bodyId('clientId'),
    text: z
      .string({ error: `text must be a string of 1 to ${MAX_MESSAGE_LENGTH} characters` })
      .min(1, { error: `text must be a string of 1 to ${MAX_MESSAGE_LENGTH} characters` })
      .max(MAX_MESSAGE_LENGTH, { error: `text must be at most ${MAX_MESSAGE_LENGTH} characters` })
      .refine((value) => value.trim().length > 0, { error: 'text must not be blank' }),
    channelId: z
      .number({ error: 'channelId must be a positive integer' })
      .int({ error: 'channelId must be a positive integer' })
      .min(1, { error: 'channelId must be a positive integer' })
      .optional(),
    transport: z
      .string({ error: 'transport must be a transport name such as "whatsapp"' })
      .regex(/^[a-z][a-z0-9_]{0,31}$/, { error: 'transport must be a transport name such as "whatsapp"' })
      .optional(),
    type: z.enum(['to_client', 'comment'], { error: 'type must be "to_client" (a message to the client) or "comment" (an internal note)' }).optional(),
    attachment: attachmentSchema.optional(),
    idempotencyKey,
  },
  'field',
);

/** Body of `POST /dialogs/:id/transfer`: to an operator or to a group, never both. */
export const dialogTransferSchema = strictObject(
  {
    operatorId: bodyId('operatorId').optional(),
    groupId: bodyId('groupId').optional(),
    force: z.boolean({ error: 'force must be true or false' }).optional(),
    idempotencyKey,
  },
  'field',
)
  .refine((body) => (body.operatorId === undefined) !== (body.groupId === undefined), {
    error: 'give operatorId (hand it to an operator) or groupId (to a group), exactly one of them',
    path: ['operatorId'],
  })
  .transform(({ operatorId, groupId, ...rest }): DialogTransferInput => (operatorId !== undefined ? { operatorId, ...rest } : { groupId: groupId as number, ...rest }));

/** Body of `POST /dialogs/:id/close` and `/reopen`. */
export const dialogActionSchema = strictObject({ idempotencyKey }, 'field');

/** Longest name and comment taken for a client card (Chat2Desk's own limits are not documented). */
export const MAX_CLIENT_NAME = 255;
export const MAX_CLIENT_COMMENT = 2000;

const cardText = (field: string, max: number) =>
  z
    .string({ error: `${field} must be a string of at most ${max} characters` })
    .max(max, { error: `${field} must be at most ${max} characters` })
    .optional();

/** Body of `PATCH /clients/:id`: the card fields to change (an empty string clears one); at least one. */
export const clientUpdateSchema = strictObject(
  {
    name: cardText('name', MAX_CLIENT_NAME),
    comment: cardText('comment', MAX_CLIENT_COMMENT),
    extraComment1: cardText('extraComment1', MAX_CLIENT_COMMENT),
    extraComment2: cardText('extraComment2', MAX_CLIENT_COMMENT),
    extraComment3: cardText('extraComment3', MAX_CLIENT_COMMENT),
    idempotencyKey,
  },
  'field',
).refine(({ idempotencyKey: _key, ...fields }) => Object.values(fields).some((value) => value !== undefined), {
  error: 'give at least one of name, comment, extraComment1, extraComment2, extraComment3',
});

/** Most tags one client may be given at once. */
export const MAX_CLIENT_TAGS = 100;

/** Body of `POST /clients/:id/tags`: the client's tags after the change. */
export const clientTagsSchema = strictObject(
  {
    tagIds: z
      .array(bodyId('tagIds[]'), { error: 'tagIds must be an array of tag ids (positive integers)' })
      .max(MAX_CLIENT_TAGS, { error: `tagIds must hold at most ${MAX_CLIENT_TAGS} tags` })
      .refine((ids) => new Set(ids).size === ids.length, { error: 'tagIds must not repeat a tag' }),
    idempotencyKey,
  },
  'field',
);

/** Parses `input` or throws a 400 `bad_request` naming the first offending field. */
export function parseRequest<T>(schema: z.ZodType<T>, input: unknown, where: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') ?? '';
  const message = issue?.message ?? 'invalid value';
  // Custom messages start with the field's name; zod's own ones (wrong type) need it added.
  const named = field && !message.startsWith(field) ? `${field}: ${message}` : message;
  throw new ProxyError(400, 'bad_request', `Invalid ${where}: ${named}`);
}

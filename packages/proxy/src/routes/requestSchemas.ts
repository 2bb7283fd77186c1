import { MAX_MESSAGE_LENGTH } from '@c2d-console/core';
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
  },
  'parameter',
);

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

/** Body of `POST /messages`. `type` and `attachment` are not supported yet, so they are unknown fields. */
export const sendMessageSchema = strictObject(
  {
    clientId: z
      .number({ error: 'clientId must be a positive integer' })
      .int({ error: 'clientId must be a positive integer' })
      .min(1, { error: 'clientId must be a positive integer' })
      .max(Number.MAX_SAFE_INTEGER, { error: 'clientId must be a positive integer' }),
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
    idempotencyKey: z
      .string({ error: 'idempotencyKey must be a string of 1 to 200 characters' })
      .min(1, { error: 'idempotencyKey must be a string of 1 to 200 characters' })
      .max(200, { error: 'idempotencyKey must be a string of 1 to 200 characters' })
      .optional(),
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

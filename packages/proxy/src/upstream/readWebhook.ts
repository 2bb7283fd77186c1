import type { ConsoleMessageEvent } from '@c2d-console/core';
import { z } from 'zod';
import type { ClientIndexUpdate } from '../store/clientIndex/ClientIndex.js';
import type { ConsoleEventDraft } from '../store/eventLog/EventLog.js';
import type { C2DHookType } from './chat2deskTypes.js';
import { toIsoUtc } from './chat2deskTime.js';

/**
 * How a Chat2Desk webhook delivery (`chat2deskTypes.ts`, `C2DHook*`; shared/chat2desk-api.md,
 * "Webhooks") becomes what the proxy does with it. Reading is lenient on purpose: Chat2Desk
 * disables a webhook after five hours of refused deliveries, so a delivery is never refused for
 * its content. A field of the wrong type counts as absent; a known type missing what its event
 * needs is stored without an event (and says why); an unknown type is stored and ignored.
 */

/** What a delivery makes stale in the proxy's cache of Chat2Desk answers. */
export interface WebhookTouches {
  clientId: number | null;
  dialogId: number | null;
  /** The client's message pages. */
  messages: boolean;
  /** The client's card (and its channels), and the client lists. */
  client: boolean;
  /** The dialog, and the dialog lists. */
  dialog: boolean;
}

/** A `dialog_transferred` as the transfer recorder takes it. */
export interface TransferNotice {
  dialogId: number;
  clientId: number | null;
  /** The new operator when the delivery names it (⚠ not found in the docs: then read from the dialog). */
  toOperatorId: number | null;
  /** The previous operator when the delivery names it; else the last one the proxy knows. */
  fromOperatorId: number | null | undefined;
  /** ISO 8601 (`event_time`). */
  created: string;
}

/** What one delivery means to the proxy. */
export interface WebhookReading {
  hookType: string;
  /**
   * Names the delivery across Chat2Desk's retries (10 s, 5 min, 2 h): `hook_type:message_id` for
   * messages, else `hook_type:dialog:client:request:event_time`. Null when the delivery has
   * neither a message id nor an `event_time`: the caller then keys it by a digest of its body.
   */
  dedupeKey: string | null;
  /** The console event to log and stream, or null (types the console does not show, or unreadable). */
  event: ConsoleEventDraft | null;
  touches: WebhookTouches;
  /** Client index changes (`inbox`, `new_client`, `client_updated`). */
  clients: ClientIndexUpdate[];
  /** A transfer to record (`dialog_transferred`). */
  transfer: TransferNotice | null;
  /** Why a known type was stored without its event (for the log), or null. */
  problem: string | null;
}

const id = z
  .union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^[1-9]\d{0,15}$/).transform(Number)])
  .nullish()
  .catch(null)
  .transform((value) => value ?? null);
const text = z.string().nullish().catch(null).transform((value) => value ?? null);
const nonEmpty = text.transform((value) => (value === null || value.trim() === '' ? null : value));

const hookClient = z
  .looseObject({ id, name: nonEmpty, phone: nonEmpty, assigned_name: nonEmpty })
  .nullish()
  .catch(null);

const delivery = z.looseObject({
  hook_type: z.string().min(1),
  event_time: text,
  message_id: id,
  client_id: id,
  dialog_id: id,
  request_id: id,
  operator_id: id,
  to_operator_id: id,
  from_operator_id: id,
  type: text,
  text,
  client: hookClient,
});

type Delivery = z.infer<typeof delivery>;

const MESSAGE_HOOKS: Partial<Record<C2DHookType, ConsoleMessageEvent['data']['kind']>> = { inbox: 'inbox', outbox: 'outbox', comment: 'comment' };
/** Hooks that change what a client's card shows. */
const CLIENT_HOOKS = new Set<string>(['new_client', 'client_updated', 'add_tag_to_client', 'delete_tag_from_client', 'client_added_to_blacklist']);

/** Whether `payload` is a JSON object with a `hook_type`: the least a delivery must be. */
export function isWebhookDelivery(payload: unknown): payload is { hook_type: string } & Record<string, unknown> {
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) && typeof (payload as { hook_type?: unknown }).hook_type === 'string' && (payload as { hook_type: string }).hook_type !== '';
}

/** The client fields a delivery's embedded `client` brings to the index (only those it has). */
function clientFields(d: Delivery): Omit<ClientIndexUpdate, 'id'> {
  const fields: Omit<ClientIndexUpdate, 'id'> = {};
  if (!d.client) return fields;
  if ('name' in d.client) fields.name = d.client.name;
  if ('phone' in d.client) fields.phone = d.client.phone;
  if ('assigned_name' in d.client) fields.assignedName = d.client.assigned_name;
  return fields;
}

function dedupeKeyOf(d: Delivery): string | null {
  if (d.message_id !== null && MESSAGE_HOOKS[d.hook_type as C2DHookType] !== undefined) return `${d.hook_type}:${d.message_id}`;
  if (d.event_time === null) return null;
  const part = (value: number | null) => (value === null ? '-' : String(value));
  const message = d.message_id === null ? '' : `:${d.message_id}`;
  return `${d.hook_type}:${part(d.dialog_id)}:${part(d.client_id)}:${part(d.request_id)}${message}:${d.event_time}`;
}

const untouched = (d: Delivery): WebhookTouches => ({ clientId: d.client_id, dialogId: d.dialog_id, messages: false, client: false, dialog: false });

/**
 * Reads one delivery (already known to have a `hook_type`). `receivedAt` (ISO 8601) stands in
 * for a missing or unreadable `event_time`.
 */
export function readWebhook(payload: { hook_type: string } & Record<string, unknown>, receivedAt: string): WebhookReading {
  const d = delivery.parse(payload);
  const time = toIsoUtc(d.event_time) ?? receivedAt;
  const hookType = d.hook_type;
  const reading: WebhookReading = { hookType, dedupeKey: dedupeKeyOf(d), event: null, touches: untouched(d), clients: [], transfer: null, problem: null };
  const needs = (fields: Record<string, number | null>): boolean => {
    const missing = Object.entries(fields).filter(([, value]) => value === null).map(([name]) => name);
    if (missing.length > 0) reading.problem = `${hookType} without ${missing.join(', ')}: stored, no event`;
    return missing.length === 0;
  };

  const kind = MESSAGE_HOOKS[hookType as C2DHookType];
  if (kind) {
    reading.touches = { ...reading.touches, messages: true, dialog: d.dialog_id !== null, client: kind === 'inbox' };
    if (!needs({ message_id: d.message_id, client_id: d.client_id })) return reading;
    const clientId = d.client_id as number;
    reading.event = {
      type: 'message',
      time,
      data: { kind, clientId, dialogId: d.dialog_id, messageId: d.message_id as number, messageType: d.type ?? kind, text: d.text ?? '' },
    };
    // A client writing moves them up the list (and is news to the index, with whatever card the delivery carries).
    if (kind === 'inbox') reading.clients = [{ id: clientId, ...clientFields(d), lastMessageAt: time }];
    return reading;
  }

  switch (hookType) {
    case 'imported_message':
    case 'outbox_status':
      reading.touches = { ...reading.touches, messages: true };
      return reading;
    case 'close_dialog':
    case 'new_request':
    case 'dialog_transferred': {
      reading.touches = { ...reading.touches, dialog: true, messages: true };
      if (!needs({ dialog_id: d.dialog_id })) return reading;
      const dialogId = d.dialog_id as number;
      const toOperatorId = d.to_operator_id ?? d.operator_id;
      const change = hookType === 'close_dialog' ? 'closed' : hookType === 'new_request' ? 'reopened' : 'transferred';
      reading.event = { type: 'dialog', time, data: { change, dialogId, clientId: d.client_id, operatorId: toOperatorId } };
      if (change === 'transferred') {
        reading.transfer = {
          dialogId,
          clientId: d.client_id,
          toOperatorId,
          fromOperatorId: 'from_operator_id' in payload ? d.from_operator_id : undefined,
          created: time,
        };
      }
      return reading;
    }
    case 'close_request':
      reading.touches = { ...reading.touches, dialog: true };
      return reading;
    default:
      break;
  }

  if (CLIENT_HOOKS.has(hookType)) {
    const clientId = d.client_id ?? d.client?.id ?? null;
    reading.touches = { ...reading.touches, clientId, client: true };
    if (!needs({ client_id: clientId })) return reading;
    reading.event = { type: 'client', time, data: { change: hookType === 'new_client' ? 'new' : 'updated', clientId: clientId as number } };
    const fields = clientFields(d);
    if (hookType === 'new_client' || Object.keys(fields).length > 0) reading.clients = [{ id: clientId as number, ...fields }];
  }
  // Tags on requests, tickets, and types Chat2Desk adds later: kept in the log, nothing to show.
  return reading;
}

/**
 * The Chat2Desk API's wire shapes (snake_case), as shared/chat2desk-api.md records them from
 * the official docs and the clients that run against the live API; the contract fixtures in
 * `test/fixtures/chat2desk/` hold one real-shaped answer of each. The sandbox speaks them,
 * `paths.ts` builds the request paths and `mappers.ts` turns bodies and answers into
 * `@c2d-console/core`'s domain types; nothing else in the proxy reads them. Times are strings in
 * one of the formats `chat2deskTime.ts` reads.
 */

/** A channel and the transports through which it reaches a client (`channels[]` of a client, `GET /v1/clients/{id}/transport`). */
export interface C2DChannelTransports {
  id: number;
  transports: string[];
}

/** A tag on a client (`GET /v1/tags` items, `tags[]` of a client). */
export interface C2DTag {
  id: number;
  group_id: number | null;
  group_name: string | null;
  label: string;
  description: string | null;
}

/** `GET /v1/clients`, `GET /v1/clients/{id}`. Strings without a value may be `""` or null. */
export interface C2DClient {
  id: number;
  name: string | null;
  username: string | null;
  phone: string | null;
  /** The phone as the client's messenger shows it (`+7 701 123 45 67`). */
  client_phone: string | null;
  assigned_name: string | null;
  comment: string | null;
  avatar: string | null;
  region_id: number | null;
  country_id: number | null;
  first_client_message: string | null;
  last_client_message: string | null;
  extra_comment_1: string | null;
  extra_comment_2: string | null;
  extra_comment_3: string | null;
  /** Custom field id → value; an empty account may send `[]`. */
  custom_fields: Record<string, string | null> | unknown[] | null;
  client_external_id: string | null;
  external_id: number | string | null;
  external_ids: Record<string, unknown> | null;
  channels: Array<{ id: number; transports: string[] }>;
  tags: C2DTag[];
}

/** ⚠ `GET /v1/clients/{id}/transport`: one entry per channel, its transports as an array (no names). */
export interface C2DClientTransport {
  channel_id: number;
  transports: string[];
}

/** `GET /v1/channels`: the account's channels, where their names come from. */
export interface C2DChannel {
  id: number;
  name: string | null;
  phone: string | null;
  transports: string[];
}

/**
 * Message types `/v1/help/message_types` lists. ⚠ Chat2Desk may add others (`interactive`…):
 * `C2DMessage.type` is any string, and an unknown one must never fail a page.
 */
export type C2DKnownMessageType = 'from_client' | 'to_client' | 'system' | 'autoreply' | 'comment';

/** `GET /v1/messages`, and `last_message` of a dialog. Media fields are URLs or null. */
export interface C2DMessage {
  id: number;
  text: string | null;
  type: C2DKnownMessageType | (string & {});
  transport: string;
  channel_id: number | null;
  operator_id: number | null;
  dialog_id: number | null;
  client_id: number;
  request_id: number | null;
  created: string;
  /** 0/1, or "0"/"1". */
  read: 0 | 1 | '0' | '1' | boolean;
  photo: string | null;
  video: string | null;
  audio: string | null;
  pdf: string | null;
  /** "latitude,longitude". */
  coordinates: string | null;
  attachments: Array<{ name: string | null; link: string }>;
  remote_id: string | null;
  recipient_status: string | null;
  ai_tips: unknown;
  extra_data: unknown;
}

/** `POST /v1/messages` body. */
export interface C2DSendMessageBody {
  client_id: number;
  text: string;
  /** `comment` is an internal note, `system` is not sent to the client either. */
  type: 'to_client' | 'comment' | 'autoreply' | 'system';
  transport?: string;
  channel_id?: number;
  /** Attributes the message to this operator. */
  operator_id?: number;
  open_dialog?: boolean;
  /** A URL Chat2Desk downloads and sends as a file. */
  attachment?: string;
  /** The name the client sees for `attachment`. */
  attachment_filename?: string;
}

/**
 * `PUT /v1/dialogs/{id}`: hand the dialog to an operator, or open or close it (H).
 * `force_assign` (2025-07) hands it over even to an operator who is offline or at their limit.
 */
export interface C2DDialogUpdateBody {
  operator_id?: number;
  state?: 'open' | 'closed';
  /** The operator who made the change (the signed-in one), when known. */
  initiator_id?: number;
  force_assign?: boolean;
}

/**
 * ⚠ `PUT /v1/clients/{id}`: what the proxy writes of a client card. `nickname` for the name is
 * what both clients that call it send (M: dgolovachev/Chat2DeskClient, jkasemenov/c2d_api);
 * the comment fields carry the names the reads use (L: no source writes them).
 */
export interface C2DClientUpdateBody {
  nickname?: string;
  comment?: string;
  extra_comment_1?: string;
  extra_comment_2?: string;
  extra_comment_3?: string;
}

/** ⚠ `POST /v1/tags/assign_to` (M: dgolovachev/Chat2DeskClient, jkasemenov/c2d_api). */
export interface C2DTagAssignBody {
  tag_ids: number[];
  assignee_type: 'client' | 'request';
  assignee_id: number;
}

/** `GET /v1/operators_groups` items (M: RA-Company/ctd `operator-groups.go`); the answer has no `meta`. */
export interface C2DOperatorGroup {
  id: number;
  name: string;
  operator_ids: number[];
}

/** ⚠ `GET /v1/templates` items, quick replies (M: dgolovachev/Chat2DeskClient `Template`). */
export interface C2DTemplate {
  id: number;
  /** Its name in the template list, when it has one. */
  name: string | null;
  /** What an operator types after `/` to pick it, when it has one. */
  command: string | null;
  text: string;
  created: string | null;
}

/** `POST /v1/messages` answer's `data`. */
export interface C2DSendMessageResult {
  message_id: number;
  channel_id: number | null;
  operator_id: number | null;
  transport: string;
  type: string;
  client_id: number;
  dialog_id: number | null;
  request_id: number | null;
}

/**
 * ⚠ `GET /v1/dialogs`, `GET /v1/dialogs/{id}`: there is no top-level `client_id`; the client is
 * `last_message.client_id`. `messages` is a count that may come as a string.
 */
export interface C2DDialog {
  id: number;
  state: 'open' | 'closed';
  begin: string | null;
  end: string | null;
  operator_id: number | null;
  messages: number | string;
  last_request_id: number | null;
  last_message: C2DMessage | null;
}

/** `GET /v1/operators`. In the 2026 role model `role` may be missing and `access_right_*` appear. */
export interface C2DOperator {
  id: number;
  email: string | null;
  phone: string | null;
  first_name: string | null;
  last_name: string | null;
  avatar: string | null;
  role?: string;
  /** 0/1. */
  online: 0 | 1 | boolean;
  offline_type: string | null;
  opened_dialogs: number | string;
  status_id: number | null;
  status?: string;
  access_right_id?: number;
  access_right_name?: string;
  last_visit: string | null;
  external_id?: string | number | null;
}

/** `GET /v1/companies/api_info`: a cheap token check that shows the month's API use. */
export interface C2DApiInfo {
  companyID?: number;
  partnerID?: number;
  company_name?: string;
  admin_email?: string;
  mode?: string;
  requests_this_month?: number;
}

/** Chat2Desk's success envelopes. */
export interface C2DList<T> {
  data: T[];
  meta: { total: number; limit: number; offset: number };
  status: 'success';
}
export interface C2DItem<T> {
  data: T;
  status: 'success';
}

/**
 * ⚠ Chat2Desk's error envelope, often with HTTP 200. `errors` names the fields a write was
 * refused for (field → messages), or is a plain string.
 */
export interface C2DError {
  status: 'error';
  message: string;
  errors?: Record<string, string[] | string> | string;
}

/**
 * The webhook events Chat2Desk sends (shared/chat2desk-api.md, "Webhooks"). Chat2Desk may add
 * others: a delivery of a type not listed here is stored and ignored, never refused.
 */
export type C2DHookType =
  | 'inbox'
  | 'outbox'
  | 'outbox_status'
  | 'comment'
  | 'new_client'
  | 'new_request'
  | 'client_updated'
  | 'add_tag_to_client'
  | 'add_tag_to_request'
  | 'delete_tag_from_client'
  | 'delete_tag_from_request'
  | 'close_dialog'
  | 'close_request'
  | 'dialog_transferred'
  | 'client_added_to_blacklist'
  | 'new_ticket'
  | 'ticket_updated'
  | 'ticket_deleted'
  | 'imported_message';

/** What every webhook delivery has: one flat JSON object per POST. `event_time` is ISO with `Z`. */
export interface C2DHookBase {
  hook_type: C2DHookType | (string & {});
  event_time?: string;
}

/** The client as a delivery embeds it (`client` of `inbox`, `outbox`, `new_client`, `client_updated`). */
export interface C2DHookClient {
  id: number;
  phone: string | null;
  client_phone: string | null;
  name: string | null;
  assigned_name: string | null;
  external_id: string | number | null;
}

/** `inbox`, `outbox`, `comment` (and `imported_message`): one message. */
export interface C2DHookMessage extends C2DHookBase {
  message_id: number;
  type: string;
  text: string | null;
  transport: string;
  client_id: number;
  operator_id: number | null;
  dialog_id: number | null;
  channel_id: number | null;
  photo: string | null;
  coordinates: string | null;
  audio: string | null;
  pdf: string | null;
  client: C2DHookClient;
  request_id: number | null;
  attachments: Array<{ name: string | null; link: string }>;
  is_new_request: boolean;
  is_new_client: boolean;
  extra_data: unknown;
}

/**
 * `dialog_transferred`, `close_dialog`, `new_request`: a dialog changed. ⚠ `dialog_transferred`
 * carries at least `dialog_id` and `client_id` (M); operator fields were not found, so they are
 * optional and the new operator is read from `GET /v1/dialogs/{id}` when absent.
 */
export interface C2DHookDialog extends C2DHookBase {
  dialog_id: number;
  client_id?: number | null;
  operator_id?: number | null;
  request_id?: number | null;
}

/** `new_client`, `client_updated`. */
export interface C2DHookClientChange extends C2DHookBase {
  client_id: number;
  client?: C2DHookClient;
  transport?: string;
  channel_id?: number | null;
}

/** ⚠ `add_tag_to_client`, `delete_tag_from_client`: the client, and the tag (L: no source shows the payload). */
export interface C2DHookTagChange extends C2DHookBase {
  client_id: number;
  tag_id?: number;
  client?: C2DHookClient;
}

/** One registered webhook (`GET /v1/webhooks` items). */
export interface C2DWebhook {
  id: number;
  name: string | null;
  url: string;
  events: string[];
  status: 'enable' | 'disable' | (string & {});
  /** Recent delivery failures; `created_at` in Unix seconds. */
  errors?: Array<{ text: string; created_at: number | string }>;
  source?: string;
  channels?: number[];
}

/** `POST /v1/webhooks` body. */
export interface C2DWebhookBody {
  name: string;
  url: string;
  events: C2DHookType[];
  status: 'enable' | 'disable';
  channels?: number[];
}

/**
 * The Chat2Desk API's wire shapes (snake_case), as documented in shared/chat2desk-api.md. The
 * sandbox speaks them, `paths.ts` builds the request paths and `mappers.ts` turns bodies and
 * answers into `@c2d-console/core`'s domain types; nothing else in the proxy reads them. Fields
 * marked unconfirmed live only here and there.
 */

/** `GET /v1/clients`, `GET /v1/clients/{id}`. */
export interface C2DClient {
  id: number;
  name: string | null;
  phone: string | null;
  assigned_name: string | null;
  comment: string | null;
  avatar: string | null;
  region_id: number | null;
  country_id: number | null;
  /** "YYYY-MM-DDTHH:mm:ss" UTC, or null. */
  first_client_message: string | null;
  last_client_message: string | null;
  extra_comment_1: string | null;
  extra_comment_2: string | null;
  extra_comment_3: string | null;
  client_external_id: string | null;
}

/** `GET /v1/clients/{id}/transport`: one entry per channel that can reach the client. */
export interface C2DClientTransport {
  channel_id: number;
  transport: string;
  /** Unconfirmed: a label of the channel (its phone or bot name). */
  channel_name?: string | null;
}

export type C2DMessageType = 'from_client' | 'to_client' | 'system' | 'autoreply' | 'comment';

/** `GET /v1/messages`. */
export interface C2DMessage {
  id: number;
  text: string | null;
  type: C2DMessageType;
  transport: string;
  channel_id: number | null;
  operator_id: number | null;
  dialog_id: number | null;
  client_id: number;
  created: string;
  read: 0 | 1 | boolean;
  photo?: string | null;
  attachments?: Array<{ link: string; type?: string; name?: string | null }> | null;
}

/** `POST /v1/messages` body. */
export interface C2DSendMessageBody {
  client_id: number;
  text: string;
  type: 'to_client';
  transport?: string;
  channel_id?: number;
  operator_id?: number;
  open_dialog?: boolean;
}

/** `POST /v1/messages` answer's `data`. */
export interface C2DSendMessageResult {
  message_id: number;
  dialog_id: number | null;
  request_id: number | null;
  channel_id: number | null;
  transport: string;
}

/** `GET /v1/dialogs`, `GET /v1/dialogs/{id}`. */
export interface C2DDialog {
  id: number;
  state: 'open' | 'closed';
  begin: string | null;
  end: string | null;
  operator_id: number | null;
  /** Unconfirmed: the dialog's client. */
  client_id?: number | null;
  last_message: string | null;
  messages: number;
}

/** `GET /v1/operators`. */
export interface C2DOperator {
  id: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  role: string;
  online: 0 | 1 | boolean;
  opened_dialogs: number;
}

/**
 * Unconfirmed: a dialog transfer record, read from `GET /v1/transfers?dialog_id&client_id&
 * operator_id&limit&offset` (newest first). Only this file, the sandbox and the mapping know it.
 */
export interface C2DTransfer {
  id: number;
  dialog_id: number;
  client_id: number | null;
  from_operator_id: number | null;
  to_operator_id: number;
  created: string;
  reason?: string | null;
}

/** Chat2Desk's success envelopes and its error envelope. */
export interface C2DList<T> {
  data: T[];
  meta: { total: number; limit: number; offset: number };
  status: 'success';
}
export interface C2DItem<T> {
  data: T;
  status: 'success';
}
export interface C2DError {
  status: 'error';
  message: string;
}

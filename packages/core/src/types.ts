import type { Tag } from './operatorWork.js';

/**
 * Domain types shared by the proxy (which maps Chat2Desk's snake_case answers to them, in one
 * module) and the browser (which reads them from the proxy). Times are ISO 8601 strings in UTC.
 */

/** A Chat2Desk client: a person who writes to the company through some messenger. */
export interface Client {
  id: number;
  /** Display name as Chat2Desk knows it; null when the client never gave one. */
  name: string | null;
  /** Phone number in international form without `+` (Chat2Desk's format), or null. */
  phone: string | null;
  /** Name given to the client by an operator, which Chat2Desk shows instead of `name`. */
  assignedName: string | null;
  comment: string | null;
  /** Avatar image URL, or null. */
  avatar: string | null;
  regionId: number | null;
  countryId: number | null;
  /** When the client first wrote, or null. */
  firstClientMessage: string | null;
  /** When the client last wrote, or null. */
  lastClientMessage: string | null;
  extraComment1: string | null;
  extraComment2: string | null;
  extraComment3: string | null;
  /** The host CRM's own id for this client, when it set one. */
  externalId: string | null;
  /** The client's tags. */
  tags: Tag[];
  /** The account's custom client fields, by field id: Chat2Desk's `custom_fields`. */
  customFields: Record<string, string | null>;
}

/**
 * Who a message is from, as Chat2Desk types it: from the client, to the client (an operator's
 * reply), an autoreply, a system event, or a `comment` (an internal note the client never sees).
 * A type the proxy does not know is shown as `system`; its own name stays in `Message.rawType`.
 */
export type MessageType = 'from_client' | 'to_client' | 'system' | 'autoreply' | 'comment';

/** The messenger a message went through (`whatsapp`, `telegram`, `viber`, `vk`, `sms`, ...). */
export type Transport = string;

/** What an attachment is: Chat2Desk's `photo`, `pdf`, `audio` and `video` fields, or any other file. */
export type AttachmentKind = 'photo' | 'pdf' | 'audio' | 'video' | 'file';

/** A file or picture attached to a message. */
export interface Attachment {
  url: string;
  kind: AttachmentKind;
  /** The file's name, when Chat2Desk gave one (files only). */
  name: string | null;
}

/** A place a client shared (Chat2Desk's `coordinates`). */
export interface Location {
  latitude: number;
  longitude: number;
}

/** One message of a client's history. */
export interface Message {
  id: number;
  text: string;
  type: MessageType;
  /** Chat2Desk's own type name: equal to `type`, except for types the proxy does not know. */
  rawType: string;
  transport: Transport;
  channelId: number | null;
  operatorId: number | null;
  dialogId: number | null;
  clientId: number;
  created: string;
  read: boolean;
  attachments: Attachment[];
  /** The place the client shared, or null. */
  location: Location | null;
}

/** A dialog: one conversation episode of a client, handled by one operator at a time. */
export interface Dialog {
  id: number;
  state: 'open' | 'closed';
  begin: string | null;
  end: string | null;
  operatorId: number | null;
  /** The dialog's client (Chat2Desk carries it inside the last message); null without one. */
  clientId: number | null;
  /** The dialog's last message, or null. */
  lastMessage: Message | null;
  /** Time of the dialog's last message, or null. */
  lastMessageAt: string | null;
  /** How many messages the dialog holds. */
  messagesCount: number;
}

/** A Chat2Desk operator (an employee answering clients). */
export interface Operator {
  id: number;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  role: string;
  online: boolean;
  openedDialogs: number;
}

/** A dialog handed from one operator to another. */
export interface Transfer {
  id: number;
  dialogId: number;
  clientId: number | null;
  /** Null when the dialog was unassigned before (first assignment from the queue). */
  fromOperatorId: number | null;
  toOperatorId: number;
  /** Display names resolved by the proxy from the operators list; null if unknown. */
  fromOperatorName: string | null;
  toOperatorName: string | null;
  created: string;
  reason: string | null;
}

/** A messenger channel through which a client can be reached. */
export interface ClientChannel {
  channelId: number;
  transport: Transport;
  /** A label for pickers, e.g. the channel's phone or bot name; null when unknown. */
  name: string | null;
}

/** What `POST /messages` writes: a message to the client, or an internal note only operators see. */
export type SendMessageType = 'to_client' | 'comment';

/** A file sent with a message: a URL Chat2Desk can download (the host's `uploadFile` made it). */
export interface OutgoingAttachment {
  url: string;
  /** The name the client sees; from the URL when absent. */
  filename?: string;
}

/** What to send with `POST /messages`. */
export interface SendMessageInput {
  clientId: number;
  /** 1 to 4096 characters. */
  text: string;
  /** `to_client` (default) writes to the client; `comment` leaves an internal note. */
  type?: SendMessageType;
  attachment?: OutgoingAttachment;
  channelId?: number;
  transport?: Transport;
  /**
   * A key unique to this send (a UUID). The proxy answers a repeated key seen within ten minutes
   * with the first result instead of sending again, so retries never send twice.
   */
  idempotencyKey?: string;
}

/** What the proxy answers for a sent message. */
export interface SendMessageResult {
  messageId: number;
  dialogId: number | null;
  requestId: number | null;
  channelId: number | null;
  transport: Transport;
}

/** Paging information of a list answer. */
export interface ListMeta {
  total: number;
  limit: number;
  offset: number;
}

/** The proxy's list envelope. */
export interface ListResponse<T> {
  data: T[];
  meta: ListMeta;
}

/**
 * How much a name search (`GET /clients?q=`) could look at. Chat2Desk has no name search, so
 * the proxy searches its own index of clients; until that index holds every client, the
 * answer is incomplete and the browser filters what it has loaded itself.
 */
export interface ClientSearchMeta {
  /** Clients the proxy's index holds (0: there is no index yet). */
  indexed: number;
  /** True when the answer covers every client of the account. */
  complete: boolean;
}

/** `GET /clients`: a list whose `meta.search` says how complete a name search was (absent for other lists). */
export interface ClientListResponse extends ListResponse<Client> {
  meta: ListMeta & { search?: ClientSearchMeta };
}

/** The proxy's single-item envelope. */
export interface ItemResponse<T> {
  data: T;
}

/** How Chat2Desk looked to the proxy's last health probe (live mode only). */
export interface UpstreamHealth {
  /** Chat2Desk answered at all. */
  reachable: boolean;
  /** False when Chat2Desk rejected the proxy's token; null when it could not be asked. */
  tokenValid: boolean | null;
  /** API calls this account made this month, when Chat2Desk reported it. */
  requestsThisMonth?: number;
  /** What went wrong, when something did: the code and message the API routes answer now. */
  error?: { code: ApiErrorCode; message: string };
}

/** `GET /health`: 200 with `status: "ok"`, or `"degraded"` when Chat2Desk is not usable (503 when it rejects the token). */
export interface HealthResponse {
  status: 'ok' | 'degraded';
  mode: 'sandbox' | 'live';
  /** Live mode: the state of Chat2Desk, probed at most once a minute. */
  upstream?: UpstreamHealth;
}

/** Codes of the proxy's error envelope, plus the client-side `network_error` and `bad_response`. */
export type ApiErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'payload_too_large'
  | 'rate_limited'
  | 'upstream_auth'
  | 'upstream_quota'
  | 'upstream_timeout'
  | 'upstream_error'
  | 'internal'
  | 'unavailable'
  | 'network_error'
  | 'bad_response';

/** The proxy's error envelope. */
export interface ErrorResponse {
  error: { code: ApiErrorCode; message: string };
}

/** Paging parameters of list routes. `limit` 1..200 (default 20), `offset` >= 0. */
export interface PageParams {
  limit?: number;
  offset?: number;
}

/**
 * `GET /clients` parameters: `phone` matches digits (Chat2Desk's own filter); `q` is a name
 * (searched in the proxy's client index, see {@link ClientSearchMeta}) or a phone in any format.
 */
export interface ClientsParams extends PageParams {
  phone?: string;
  q?: string;
  /** Only clients with this tag (an id from `GET /tags`). */
  tagId?: number;
}

/** `GET /transfers` parameters; give at least one of the ids to narrow the history. */
export interface TransfersParams extends PageParams {
  dialogId?: number;
  clientId?: number;
  operatorId?: number;
}

/** `GET /clients/:id/messages` parameters. Messages come newest first. */
export type MessagesParams = PageParams;

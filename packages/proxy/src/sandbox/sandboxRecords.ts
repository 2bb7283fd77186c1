/**
 * The fake Chat2Desk's own records: what it stores and queries, in snake_case close to
 * Chat2Desk's wire shapes but shaped for storage (a dialog knows its client and its last
 * message's time; times are `c2dTime`'s sortable UTC strings). `sandboxWire.ts` turns them
 * into the real answers (`upstream/chat2deskTypes.ts`), so what is stored and what is served
 * can differ the way Chat2Desk's own storage and API do.
 */

/** A client of the account. */
export interface SandboxClient {
  id: number;
  name: string | null;
  phone: string | null;
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
  client_external_id: string | null;
}

/** One way to reach a client: a channel of the account and one of its transports. */
export interface SandboxRoute {
  channel_id: number;
  transport: string;
}

/** A file attached to a message (Chat2Desk's `attachments[]`). */
export interface SandboxAttachment {
  name: string | null;
  link: string;
}

/** A message. `type` may be one the proxy does not know (`interactive`), as Chat2Desk adds types. */
export interface SandboxMessage {
  id: number;
  text: string | null;
  type: string;
  transport: string;
  channel_id: number | null;
  operator_id: number | null;
  dialog_id: number | null;
  client_id: number;
  request_id: number | null;
  created: string;
  read: 0 | 1;
  photo: string | null;
  video: string | null;
  audio: string | null;
  pdf: string | null;
  /** "latitude,longitude". */
  coordinates: string | null;
  attachments: SandboxAttachment[];
  /** What a message of an unknown type carries (buttons…). */
  extra_data: Record<string, unknown> | null;
}

/** A dialog: its client and its last message's time are kept on it (the wire has neither at the top). */
export interface SandboxDialog {
  id: number;
  state: 'open' | 'closed';
  begin: string | null;
  end: string | null;
  operator_id: number | null;
  client_id: number | null;
  /** Time of the dialog's last message (`c2dTime`), or null. */
  last_message_at: string | null;
  /** How many messages the dialog holds. */
  messages: number;
}

/** An operator of the account. */
export interface SandboxOperator {
  id: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  role: string;
  online: boolean;
  opened_dialogs: number;
}

/** A dialog handed from one operator to another (from null: the first assignment from the queue). */
export interface SandboxTransfer {
  id: number;
  dialog_id: number;
  client_id: number | null;
  from_operator_id: number | null;
  to_operator_id: number;
  created: string;
  reason: string | null;
}

/** A channel of the account (`GET /v1/channels`): a label, the channel's phone and its transports. */
export interface SandboxChannel {
  id: number;
  name: string;
  phone: string | null;
  transports: string[];
}

/** How a dialog reaches its client: the messenger, the channel and Chat2Desk's current request. */
export interface DialogRoute {
  transport: string;
  channel_id: number;
  request_id: number;
}

/** A tag that can be put on a client (`GET /v1/tags`), in its group. */
export interface SandboxTag {
  id: number;
  group_id: number;
  group_name: string;
  label: string;
  description: string | null;
}

/** A group of operators a dialog can be handed to (`GET /v1/operators_groups`). */
export interface SandboxOperatorGroup {
  id: number;
  name: string;
  operator_ids: number[];
}

/** A quick reply (`GET /v1/templates`): some have a name, some only the command typed after `/`. */
export interface SandboxTemplate {
  id: number;
  name: string | null;
  command: string | null;
  text: string;
  created: string;
}

import type {
  C2DApiInfo,
  C2DChannel,
  C2DClient,
  C2DClientTransport,
  C2DDialog,
  C2DMessage,
  C2DOperator,
  C2DOperatorGroup,
  C2DSendMessageResult,
  C2DTag,
  C2DTemplate,
} from '../upstream/chat2deskTypes.js';
import { c2dTimeMs } from './c2dTime.js';
import { SANDBOX_BASE_DATE } from './generateSandboxData.js';
import type {
  SandboxChannel,
  SandboxClient,
  SandboxDialog,
  SandboxMessage,
  SandboxOperator,
  SandboxOperatorGroup,
  SandboxRoute,
  SandboxTag,
  SandboxTemplate,
} from './sandboxRecords.js';

/**
 * How the fake Chat2Desk answers: its records (`sandboxRecords.ts`) in Chat2Desk's real wire
 * shapes (shared/chat2desk-api.md; the contract fixtures in `test/fixtures/chat2desk/` hold one
 * real answer of each, and `sandboxContract.test.ts` holds these to them). The sandbox
 * deliberately writes what the first release got wrong: both time formats, dialogs whose client
 * is only inside `last_message`, `messages` counts as strings, transports as arrays.
 */

const DAY = 86_400_000;

/** Records older than this are written in Chat2Desk's older `dd.MM.yyyy HH:mm:ss` format. */
export const OLD_TIME_FORMAT_BEFORE = SANDBOX_BASE_DATE - 45 * DAY;

/** A stored time (`c2dTime`) as Chat2Desk writes it: `"2025-09-09T13:20:25 UTC"`, older records `"09.09.2025 13:20:25"`. */
export function wireTime(value: string): string;
export function wireTime(value: string | null): string | null;
export function wireTime(value: string | null): string | null {
  if (value === null) return null;
  if (c2dTimeMs(value) >= OLD_TIME_FORMAT_BEFORE) return `${value} UTC`;
  const [date = '', time = ''] = value.split('T');
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year} ${time}`;
}

/** The channels and transports of a client, one entry per channel (`GET /v1/clients/{id}/transport`). */
export function wireClientTransports(routes: readonly SandboxRoute[]): C2DClientTransport[] {
  const byChannel = new Map<number, string[]>();
  for (const route of routes) {
    const transports = byChannel.get(route.channel_id);
    if (transports) transports.push(route.transport);
    else byChannel.set(route.channel_id, [route.transport]);
  }
  return [...byChannel].map(([channel_id, transports]) => ({ channel_id, transports }));
}

/** A tag (`GET /v1/tags`, a client's `tags[]`); Chat2Desk leaves a missing description `""`. */
export function wireTag(tag: SandboxTag): C2DTag {
  return { id: tag.id, group_id: tag.group_id, group_name: tag.group_name, label: tag.label, description: tag.description ?? '' };
}

/** An operator group (`GET /v1/operators_groups`). */
export function wireOperatorGroup(group: SandboxOperatorGroup): C2DOperatorGroup {
  return { id: group.id, name: group.name, operator_ids: [...group.operator_ids] };
}

/** A quick reply (`GET /v1/templates`). */
export function wireTemplate(template: SandboxTemplate): C2DTemplate {
  return { id: template.id, name: template.name, command: template.command, text: template.text, created: wireTime(template.created) };
}

/** A client with everything Chat2Desk adds (`GET /v1/clients`, `/v1/clients/{id}`), its tags included. */
export function wireClient(client: SandboxClient, routes: readonly SandboxRoute[], tags: readonly SandboxTag[] = []): C2DClient {
  return {
    id: client.id,
    name: client.name,
    username: null,
    phone: client.phone,
    client_phone: client.phone ? `+${client.phone}` : null,
    assigned_name: client.assigned_name,
    comment: client.comment,
    avatar: client.avatar,
    region_id: client.region_id,
    country_id: client.country_id,
    first_client_message: wireTime(client.first_client_message),
    last_client_message: wireTime(client.last_client_message),
    extra_comment_1: client.extra_comment_1,
    // Chat2Desk leaves some empty fields as "" rather than null.
    extra_comment_2: client.extra_comment_2 ?? '',
    extra_comment_3: client.extra_comment_3,
    custom_fields: [],
    client_external_id: client.client_external_id,
    external_id: null,
    external_ids: null,
    channels: wireClientTransports(routes).map((t) => ({ id: t.channel_id, transports: t.transports })),
    tags: tags.map(wireTag),
  };
}

/** A message (`GET /v1/messages`, a dialog's `last_message`). */
export function wireMessage(message: SandboxMessage): C2DMessage {
  return {
    id: message.id,
    text: message.text,
    type: message.type,
    transport: message.transport,
    channel_id: message.channel_id,
    operator_id: message.operator_id,
    dialog_id: message.dialog_id,
    client_id: message.client_id,
    request_id: message.request_id,
    created: wireTime(message.created),
    read: message.read,
    photo: message.photo,
    video: message.video,
    audio: message.audio,
    pdf: message.pdf,
    coordinates: message.coordinates,
    attachments: message.attachments.map((a) => ({ ...a })),
    remote_id: null,
    recipient_status: message.type === 'to_client' ? 'delivered' : null,
    ai_tips: null,
    extra_data: message.extra_data,
  };
}

/** `POST /v1/messages`'s answer for a stored message. */
export function wireSendResult(message: SandboxMessage): C2DSendMessageResult {
  return {
    message_id: message.id,
    channel_id: message.channel_id,
    operator_id: message.operator_id,
    transport: message.transport,
    type: message.type,
    client_id: message.client_id,
    dialog_id: message.dialog_id,
    request_id: message.request_id,
  };
}

/**
 * A dialog: its client only inside `last_message`, and `messages` as a string for every
 * other dialog, as Chat2Desk sends it either way.
 */
export function wireDialog(dialog: SandboxDialog, last: SandboxMessage | undefined, requestId: number | null): C2DDialog {
  return {
    id: dialog.id,
    state: dialog.state,
    begin: wireTime(dialog.begin),
    end: wireTime(dialog.end),
    operator_id: dialog.operator_id,
    messages: dialog.id % 2 === 0 ? String(dialog.messages) : dialog.messages,
    last_request_id: requestId,
    last_message: last ? wireMessage(last) : null,
  };
}

/** An operator with the fields Chat2Desk adds. */
export function wireOperator(operator: SandboxOperator): C2DOperator {
  return {
    id: operator.id,
    email: operator.email,
    phone: null,
    first_name: operator.first_name,
    last_name: operator.last_name,
    avatar: null,
    role: operator.role,
    online: operator.online ? 1 : 0,
    offline_type: operator.online ? null : 'manual',
    opened_dialogs: operator.opened_dialogs,
    status_id: operator.online ? 1 : 2,
    last_visit: null,
    external_id: null,
  };
}

/** A channel of the account. */
export function wireChannel(channel: SandboxChannel): C2DChannel {
  return { id: channel.id, name: channel.name, phone: channel.phone, transports: [...channel.transports] };
}

/** `GET /v1/companies/api_info`, counting the calls this sandbox answered. */
export function wireApiInfo(requestsThisMonth: number): C2DApiInfo {
  return { companyID: 1, partnerID: 0, company_name: 'Sandbox LLP', admin_email: 'admin@sandbox.invalid', mode: 'sandbox', requests_this_month: requestsThisMonth };
}

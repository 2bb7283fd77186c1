import type { C2DHookClient, C2DHookClientChange, C2DHookDialog, C2DHookMessage, C2DHookTagChange } from '../upstream/chat2deskTypes.js';
import type { SandboxChange, SandboxStore } from './createSandboxStore.js';
import type { SandboxClient, SandboxMessage } from './sandboxRecords.js';

/**
 * What Chat2Desk would POST to its webhooks for a change in the fake account, in the real
 * payload shapes (shared/chat2desk-api.md, "Webhooks"; `test/fixtures/chat2desk/webhooks.ts`
 * holds one of each, and `sandboxContract.test.ts` holds these to them). ⚠ As the fixtures do,
 * `dialog_transferred` names no operator. `new_request` has no fixture: its shape here (the
 * dialog, client and request ids) is an inference (L), as are `add_tag_to_client` and
 * `delete_tag_from_client` (one delivery per tag, naming the client and the tag: L).
 */

/** `event_time` is ISO 8601 with `Z`; the sandbox's times are `c2dTime`'s zoneless UTC. */
const eventTime = (at: string): string => `${at}Z`;

/** Message types and the hook each is reported by; `system` messages are reported by none. */
const MESSAGE_HOOKS: Readonly<Record<string, 'inbox' | 'outbox' | 'comment'>> = {
  from_client: 'inbox',
  to_client: 'outbox',
  autoreply: 'outbox',
  comment: 'comment',
};

function hookClient(client: SandboxClient | undefined, id: number): C2DHookClient {
  return {
    id,
    phone: client?.phone ?? null,
    client_phone: client?.phone ? `+${client.phone}` : null,
    name: client?.name ?? null,
    assigned_name: client?.assigned_name ?? null,
    // As in the sandbox's client answers: the CRM's id is `client_external_id`, this one unused.
    external_id: null,
  };
}

function messageHook(store: SandboxStore, message: SandboxMessage, hook: 'inbox' | 'outbox' | 'comment', news: { newRequest: boolean; newClient: boolean }): C2DHookMessage {
  return {
    message_id: message.id,
    type: message.type,
    text: message.text,
    transport: message.transport,
    client_id: message.client_id,
    operator_id: message.operator_id,
    dialog_id: message.dialog_id,
    channel_id: message.channel_id,
    photo: message.photo,
    coordinates: message.coordinates,
    audio: message.audio,
    pdf: message.pdf,
    client: hookClient(store.getClient(message.client_id), message.client_id),
    hook_type: hook,
    request_id: message.request_id,
    attachments: message.attachments.map((a) => ({ ...a })),
    is_new_request: news.newRequest,
    is_new_client: news.newClient,
    extra_data: message.extra_data,
    event_time: eventTime(message.created),
  };
}

/** The deliveries Chat2Desk would send for `change` (none for a system message). */
export function sandboxWebhookPayloads(store: SandboxStore, change: SandboxChange): Array<C2DHookMessage | C2DHookDialog | C2DHookClientChange | C2DHookTagChange> {
  switch (change.kind) {
    case 'message': {
      const hook = MESSAGE_HOOKS[change.message.type];
      return hook ? [messageHook(store, change.message, hook, change)] : [];
    }
    case 'dialog': {
      const { dialog, at } = change;
      if (change.change === 'transferred') {
        return [{ hook_type: 'dialog_transferred', dialog_id: dialog.id, client_id: dialog.client_id, event_time: eventTime(at) } satisfies C2DHookDialog];
      }
      if (change.change === 'closed') {
        return [
          { hook_type: 'close_dialog', dialog_id: dialog.id, client_id: dialog.client_id, operator_id: dialog.operator_id, event_time: eventTime(at) } satisfies C2DHookDialog,
        ];
      }
      const requestId = store.getDialogRoute(dialog.id)?.request_id ?? null;
      return [{ hook_type: 'new_request', dialog_id: dialog.id, client_id: dialog.client_id, request_id: requestId, event_time: eventTime(at) } satisfies C2DHookDialog];
    }
    case 'client': {
      const { client, at } = change;
      if (change.tags) {
        const tagHook = (hook_type: string, tagId: number): C2DHookTagChange => ({ hook_type, client_id: client.id, tag_id: tagId, client: hookClient(client, client.id), event_time: eventTime(at) });
        return [...change.tags.added.map((id) => tagHook('add_tag_to_client', id)), ...change.tags.removed.map((id) => tagHook('delete_tag_from_client', id))];
      }
      const hook: C2DHookClientChange = { hook_type: change.change === 'new' ? 'new_client' : 'client_updated', client_id: client.id, client: hookClient(client, client.id), event_time: eventTime(at) };
      if (change.change === 'new') {
        const route = store.getClientTransports(client.id)?.[0];
        return [{ hook_type: hook.hook_type, client_id: hook.client_id, client: hook.client, transport: route?.transport, channel_id: route?.channel_id ?? null, event_time: hook.event_time }];
      }
      return [hook];
    }
  }
}

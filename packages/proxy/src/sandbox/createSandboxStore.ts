import { MAX_MESSAGE_LENGTH } from '@c2d-console/core';
import { c2dTime } from './c2dTime.js';
import { generateSandboxData, SANDBOX_ID_BASE, type SandboxData } from './generateSandboxData.js';
import type {
  DialogRoute,
  SandboxChannel,
  SandboxClient,
  SandboxDialog,
  SandboxMessage,
  SandboxOperator,
  SandboxOperatorGroup,
  SandboxRoute,
  SandboxTag,
  SandboxTemplate,
  SandboxTransfer,
} from './sandboxRecords.js';
import { SandboxError } from './SandboxError.js';
import { SYSTEM_TEXTS } from './sandboxTexts.js';

/** How to seed the sandbox. */
export interface SandboxOptions {
  /** PRNG seed (an integer, default 42): the same seed gives the same account. */
  seed?: number;
  /** How many clients to generate (1 to 20 000, default 600). */
  clients?: number;
  /** Clock for messages, transfers and dialog changes made after seeding (default: the real clock). */
  now?: () => Date;
}

/** `listClients` filters: Chat2Desk's. Like Chat2Desk, the sandbox has no name search. */
export interface ClientFilter {
  /** Digits the phone must contain (other characters are ignored). */
  phone?: string;
  /** Clients carrying any of these tags. */
  tagIds?: readonly number[];
}

/** `listMessages` filters; messages come newest first unless `order` is `asc`. */
export interface MessageFilter {
  clientId?: number;
  dialogId?: number;
  order?: 'asc' | 'desc';
}

/** `listDialogs` filters. */
export interface DialogFilter {
  operatorId?: number;
  state?: 'open' | 'closed';
  /** Only this client's dialogs (the web UI's; not an API filter). */
  clientId?: number;
}

/** `listTransfers` filters; `operatorId` matches either side of a transfer. */
export interface TransferFilter {
  dialogId?: number;
  clientId?: number;
  operatorId?: number;
}

/** A message to send (`POST /v1/messages`, or the fake web UI's reply form). */
export interface SandboxSendInput {
  clientId: number;
  text: string;
  /** `to_client` (default); `comment` is an internal note, `system` and `autoreply` as Chat2Desk types them. */
  type?: 'to_client' | 'comment' | 'autoreply' | 'system';
  transport?: string;
  channelId?: number;
  operatorId?: number;
  /** The dialog to write into (the web UI's); by default the client's latest dialog. */
  dialogId?: number;
  /** False keeps a closed dialog closed; by default writing to the client reopens it (a note never does). */
  openDialog?: boolean;
  /** A file by URL: a picture, PDF, audio or video goes in its own field (by its name's extension), anything else in `attachments`. */
  attachment?: { url: string; filename?: string };
}

/** The card fields `PUT /v1/clients/{id}` changes. */
export type SandboxClientChange = Partial<Pick<SandboxClient, 'assigned_name' | 'comment' | 'extra_comment_1' | 'extra_comment_2' | 'extra_comment_3'>>;

/** A client writing (the activity loop's, standing in for a messenger). */
export interface SandboxIncomingMessage {
  clientId: number;
  text: string;
}

/** A client writing for the first time (the activity loop's). */
export interface SandboxNewClient {
  name: string | null;
  phone: string | null;
  /** How they reach the account (one of its channels' transports). */
  route: SandboxRoute;
}

/**
 * Something that changed in the fake account after seeding, as Chat2Desk reports it to its
 * webhooks (`sandboxWebhooks.ts` turns each into deliveries). `at` is a `c2dTime`.
 */
export type SandboxChange =
  | { kind: 'message'; message: SandboxMessage; newRequest: boolean; newClient: boolean }
  | { kind: 'dialog'; change: 'transferred' | 'closed' | 'reopened'; dialog: SandboxDialog; at: string }
  | { kind: 'client'; change: 'new' | 'updated'; client: SandboxClient; at: string; tags?: { added: number[]; removed: number[] } };

/** A change to a dialog (`PUT /v1/dialogs/{id}`). */
export interface SandboxDialogChange {
  /** Reassign to this operator; records a transfer. */
  operatorId?: number;
  state?: 'open' | 'closed';
  /** Sandbox extension: why the dialog was transferred. */
  reason?: string | null;
}

/** The fake Chat2Desk account: seeded data, queries in the API's orders, and the writes it allows. */
export interface SandboxStore {
  readonly seed: number;
  /** The raw data (ids ascending); tests may edit it to set up a case. */
  readonly data: SandboxData;
  getClient(id: number): SandboxClient | undefined;
  getDialog(id: number): SandboxDialog | undefined;
  getOperator(id: number): SandboxOperator | undefined;
  /** The channels and transports that can reach a client, or undefined for an unknown client. */
  getClientTransports(clientId: number): SandboxRoute[] | undefined;
  /** Transport, channel and request a dialog currently goes through. */
  getDialogRoute(dialogId: number): DialogRoute | undefined;
  /** The client's most recent dialog (the one a reply goes to), if it has any. */
  latestDialog(clientId: number): SandboxDialog | undefined;
  /** A dialog's last message, if it has any. */
  lastMessage(dialogId: number): SandboxMessage | undefined;
  /** Clients, newest `last_client_message` first. Throws a 400 {@link SandboxError} for a digitless phone. */
  listClients(filter?: ClientFilter): SandboxClient[];
  /** Messages, newest first by default. Throws a 404 {@link SandboxError} for an unknown client or dialog. */
  listMessages(filter?: MessageFilter): SandboxMessage[];
  /** Dialogs, latest message first. */
  listDialogs(filter?: DialogFilter): SandboxDialog[];
  /** Operators, with `opened_dialogs` counted now. */
  listOperators(): SandboxOperator[];
  listChannels(): SandboxChannel[];
  /** Transfers, newest first. */
  listTransfers(filter?: TransferFilter): SandboxTransfer[];
  /** Stores an outgoing message (by default `to_client`); it shows up in the client's history at once. */
  sendMessage(input: SandboxSendInput): SandboxMessage;
  /** Reassigns, opens or closes a dialog. */
  updateDialog(id: number, change: SandboxDialogChange): SandboxDialog;
  /** Stores a message from a client into their latest dialog (reopening it, or starting one). */
  receiveMessage(input: SandboxIncomingMessage): SandboxMessage;
  /** Adds a client who is about to write for the first time. */
  addClient(input: SandboxNewClient): SandboxClient;
  /** Changes the name operators gave a client (`assigned_name`). */
  assignName(clientId: number, assignedName: string | null): SandboxClient;
  /** Changes a client's card (`PUT /v1/clients/{id}`); a change is reported once, as `client_updated`. */
  updateClient(clientId: number, change: SandboxClientChange): SandboxClient;
  /** The tags a client carries, in id order. */
  clientTags(clientId: number): SandboxTag[];
  /** Puts tags on a client (those it has already stay); throws a 400 naming an unknown tag. */
  assignTags(clientId: number, tagIds: readonly number[]): SandboxClient;
  /** Takes a tag off a client (nothing happens when it has none). */
  removeTag(clientId: number, tagId: number): SandboxClient;
  listTags(): SandboxTag[];
  listOperatorGroups(): SandboxOperatorGroup[];
  listTemplates(): SandboxTemplate[];
  /**
   * Hands the dialog of message `messageId` to group `groupId`: to its online operator with the
   * fewest open dialogs; with `force`, to its first operator when none is online (else a 400).
   */
  transferToGroup(messageId: number, groupId: number, force: boolean): SandboxDialog;
  /** Calls `listener` with every change made after seeding; returns the unsubscribe. */
  subscribe(listener: (change: SandboxChange) => void): () => void;
}

/** Longest text a message may carry: Chat2Desk's limit, as `@c2d-console/core` defines it. */
export const SANDBOX_MAX_TEXT = MAX_MESSAGE_LENGTH;

const byIdDesc = (a: { id: number }, b: { id: number }): number => b.id - a.id;

/** File kinds Chat2Desk keeps in a field of their own, by the file name's extension. */
const MEDIA_BY_EXTENSION: ReadonlyArray<[RegExp, 'photo' | 'pdf' | 'audio' | 'video']> = [
  [/\.(jpe?g|png|gif|webp)$/i, 'photo'],
  [/\.pdf$/i, 'pdf'],
  [/\.(mp3|ogg|oga|m4a|wav)$/i, 'audio'],
  [/\.(mp4|mov|webm)$/i, 'video'],
];

/** Where a sent file goes in a message: its kind's field, or `attachments` with its name. */
function attachmentMedia({ url, filename }: { url: string; filename?: string }): Partial<Pick<SandboxMessage, 'photo' | 'video' | 'audio' | 'pdf' | 'attachments'>> {
  const name = filename ?? decodeURIComponent(new URL(url).pathname.split('/').at(-1) ?? '');
  const kind = MEDIA_BY_EXTENSION.find(([pattern]) => pattern.test(name))?.[1];
  return kind ? { [kind]: url } : { attachments: [{ name: name || null, link: url }] };
}

/** Sort order of two Chat2Desk times, newest first, missing last. Fixed-width UTC strings compare as text. */
function newerFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? 1 : -1;
}

function checkOptions(options: SandboxOptions): { seed: number; clients: number } {
  const seed = options.seed ?? 42;
  const clients = options.clients ?? 600;
  if (!Number.isSafeInteger(seed)) throw new TypeError(`sandbox seed must be an integer, got ${String(seed)}`);
  if (!Number.isInteger(clients) || clients < 1 || clients > 20_000) {
    throw new TypeError(`sandbox clients must be an integer from 1 to 20000, got ${String(clients)}`);
  }
  return { seed, clients };
}

/**
 * Seeds a fake Chat2Desk account (deterministic for a seed) and answers the API's queries over
 * it. Throws a `TypeError` for a non-integer seed or a client count out of range.
 */
export function createSandboxStore(options: SandboxOptions = {}): SandboxStore {
  const { seed, clients: clientCount } = checkOptions(options);
  const now = options.now ?? (() => new Date());
  const data = generateSandboxData({ seed, clients: clientCount });

  const clientsById = new Map(data.clients.map((c) => [c.id, c]));
  const dialogsById = new Map(data.dialogs.map((d) => [d.id, d]));
  const operatorsById = new Map(data.operators.map((o) => [o.id, o]));
  const dialogsByClient = new Map<number, SandboxDialog[]>();
  for (const dialog of data.dialogs) {
    if (dialog.client_id == null) continue;
    const list = dialogsByClient.get(dialog.client_id);
    if (list) list.push(dialog);
    else dialogsByClient.set(dialog.client_id, [dialog]);
  }
  const messagesByClient = new Map<number, SandboxMessage[]>();
  const messagesByDialog = new Map<number, SandboxMessage[]>();
  const index = (message: SandboxMessage): void => {
    const forClient = messagesByClient.get(message.client_id);
    if (forClient) forClient.push(message);
    else messagesByClient.set(message.client_id, [message]);
    if (message.dialog_id === null) return;
    const forDialog = messagesByDialog.get(message.dialog_id);
    if (forDialog) forDialog.push(message);
    else messagesByDialog.set(message.dialog_id, [message]);
  };
  data.messages.forEach(index);

  // Only clients write `last_client_message`: the order is computed once, and a client who
  // writes after seeding moves to the front (they are the newest).
  const clientsNewestFirst = data.clients.toSorted((a, b) => newerFirst(a.last_client_message, b.last_client_message) || b.id - a.id);
  const moveToFront = (client: SandboxClient): void => {
    const at = clientsNewestFirst.indexOf(client);
    if (at > 0) clientsNewestFirst.splice(at, 1);
    if (at !== 0) clientsNewestFirst.unshift(client);
  };
  const listeners = new Set<(change: SandboxChange) => void>();
  const emit = (change: SandboxChange): void => {
    for (const listener of listeners) listener(change);
  };

  const nextId = (list: ReadonlyArray<{ id: number }>, base: number): number => (list.at(-1)?.id ?? base - 1) + 1;
  let nextRequestId = SANDBOX_ID_BASE.request + data.dialogs.length;
  const stamp = (): string => c2dTime(now().getTime());

  const requireClient = (id: number): SandboxClient => {
    const client = clientsById.get(id);
    if (!client) throw new SandboxError(404, `Client ${id} not found`);
    return client;
  };
  const requireDialog = (id: number): SandboxDialog => {
    const dialog = dialogsById.get(id);
    if (!dialog) throw new SandboxError(404, `Dialog ${id} not found`);
    return dialog;
  };
  const requireOperator = (id: number): SandboxOperator => {
    const operator = operatorsById.get(id);
    if (!operator) throw new SandboxError(404, `Operator ${id} not found`);
    return operator;
  };
  const operatorLabel = (id: number): string => {
    const o = operatorsById.get(id);
    return o ? `${o.first_name ?? ''} ${o.last_name ?? ''}`.trim() || (o.email ?? String(id)) : String(id);
  };

  /** A new message; media fields empty unless `media` fills some. */
  const addMessage = (
    message: Pick<SandboxMessage, 'text' | 'type' | 'transport' | 'channel_id' | 'operator_id' | 'dialog_id' | 'client_id' | 'created' | 'read'>,
    news: { newRequest?: boolean; newClient?: boolean } = {},
    media: Partial<Pick<SandboxMessage, 'photo' | 'video' | 'audio' | 'pdf' | 'attachments'>> = {},
  ): SandboxMessage => {
    const request = message.dialog_id === null ? undefined : data.dialogRoutes.get(message.dialog_id)?.request_id;
    const stored: SandboxMessage = {
      id: nextId(data.messages, SANDBOX_ID_BASE.message),
      ...message,
      request_id: request ?? null,
      photo: null,
      video: null,
      audio: null,
      pdf: null,
      coordinates: null,
      attachments: [],
      extra_data: null,
      ...media,
    };
    data.messages.push(stored);
    index(stored);
    if (stored.dialog_id !== null) {
      const dialog = dialogsById.get(stored.dialog_id);
      if (dialog) {
        dialog.messages += 1;
        dialog.last_message_at = stored.created;
      }
    }
    emit({ kind: 'message', message: stored, newRequest: news.newRequest ?? false, newClient: news.newClient ?? false });
    return stored;
  };
  const addSystemMessage = (dialog: SandboxDialog, text: string): void => {
    const route = data.dialogRoutes.get(dialog.id);
    addMessage({
      text,
      type: 'system',
      transport: route?.transport ?? 'system',
      channel_id: route?.channel_id ?? null,
      operator_id: null,
      dialog_id: dialog.id,
      client_id: dialog.client_id ?? 0,
      created: stamp(),
      read: 1,
    });
  };
  const addTransfer = (dialog: SandboxDialog, from: number | null, to: number, reason: string | null): void => {
    const at = stamp();
    data.transfers.push({
      id: nextId(data.transfers, SANDBOX_ID_BASE.transfer),
      dialog_id: dialog.id,
      client_id: dialog.client_id ?? null,
      from_operator_id: from,
      to_operator_id: to,
      created: at,
      reason,
    });
    emit({ kind: 'dialog', change: 'transferred', dialog, at });
  };
  const openDialog = (dialog: SandboxDialog): void => {
    dialog.state = 'open';
    dialog.end = null;
    const route = data.dialogRoutes.get(dialog.id);
    if (route) route.request_id = nextRequestId++;
    emit({ kind: 'dialog', change: 'reopened', dialog, at: stamp() });
  };
  /** A new dialog of `client` through `route`, assigned to `operatorId` (a transfer from the queue) or to no one. */
  const startDialog = (client: SandboxClient, route: SandboxRoute, operatorId: number | null): SandboxDialog => {
    const dialog: SandboxDialog = {
      id: nextId(data.dialogs, SANDBOX_ID_BASE.dialog),
      state: 'open',
      begin: stamp(),
      end: null,
      operator_id: operatorId,
      client_id: client.id,
      last_message_at: null,
      messages: 0,
    };
    data.dialogs.push(dialog);
    dialogsById.set(dialog.id, dialog);
    dialogsByClient.set(client.id, [...(dialogsByClient.get(client.id) ?? []), dialog]);
    data.dialogRoutes.set(dialog.id, { transport: route.transport, channel_id: route.channel_id, request_id: nextRequestId++ });
    if (operatorId !== null) addTransfer(dialog, null, operatorId, null);
    return dialog;
  };

  /** Which of the client's channels a message goes through, or a 400 naming the ones that work. */
  const chooseRoute = (clientId: number, dialog: SandboxDialog | undefined, transport?: string, channelId?: number): SandboxRoute => {
    const reachable = data.clientTransports.get(clientId) ?? [];
    const fits = reachable.filter(
      (r) => (transport === undefined || r.transport === transport) && (channelId === undefined || r.channel_id === channelId),
    );
    const current = dialog ? data.dialogRoutes.get(dialog.id) : undefined;
    const preferred = fits.find((r) => r.transport === current?.transport && r.channel_id === current?.channel_id) ?? fits[0];
    if (preferred) return preferred;
    const wanted = [transport, channelId === undefined ? undefined : `channel ${channelId}`].filter(Boolean).join(' on ');
    const usable = reachable.map((r) => `${r.transport} (channel ${r.channel_id})`).join(', ');
    throw new SandboxError(400, `Client ${clientId} cannot be reached through ${wanted}; use one of: ${usable || 'none'}`, transport === undefined ? 'channel_id' : 'transport');
  };

  const store: SandboxStore = {
    seed,
    data,
    getClient: (id) => clientsById.get(id),
    getDialog: (id) => dialogsById.get(id),
    getOperator: (id) => operatorsById.get(id),
    getClientTransports: (id) => (clientsById.has(id) ? (data.clientTransports.get(id) ?? []) : undefined),
    getDialogRoute: (id) => data.dialogRoutes.get(id),
    latestDialog: (clientId) => dialogsByClient.get(clientId)?.at(-1),
    lastMessage: (dialogId) => messagesByDialog.get(dialogId)?.at(-1),

    listClients(filter = {}) {
      let list = clientsNewestFirst;
      if (filter.phone !== undefined) {
        const digits = filter.phone.replace(/\D/g, '');
        if (!digits) throw new SandboxError(400, `phone must contain digits, got "${filter.phone}"`);
        list = list.filter((c) => c.phone?.includes(digits));
      }
      const tagIds = filter.tagIds;
      if (tagIds !== undefined) list = list.filter((c) => data.clientTags.get(c.id)?.some((id) => tagIds.includes(id)));
      return list === clientsNewestFirst ? [...list] : list;
    },

    listMessages(filter = {}) {
      let list: SandboxMessage[] = data.messages;
      if (filter.clientId !== undefined) {
        requireClient(filter.clientId);
        list = messagesByClient.get(filter.clientId) ?? [];
      }
      if (filter.dialogId !== undefined) {
        requireDialog(filter.dialogId);
        const dialogId = filter.dialogId;
        list = filter.clientId === undefined ? (messagesByDialog.get(dialogId) ?? []) : list.filter((m) => m.dialog_id === dialogId);
      }
      // Ids grow with every message, so id order is arrival order even if the clock jumps.
      return filter.order === 'asc' ? [...list] : list.toReversed();
    },

    listDialogs(filter = {}) {
      if (filter.operatorId !== undefined) requireOperator(filter.operatorId);
      let list: SandboxDialog[] = data.dialogs;
      if (filter.clientId !== undefined) {
        requireClient(filter.clientId);
        list = dialogsByClient.get(filter.clientId) ?? [];
      }
      if (filter.operatorId !== undefined) list = list.filter((d) => d.operator_id === filter.operatorId);
      if (filter.state !== undefined) list = list.filter((d) => d.state === filter.state);
      return list.toSorted((a, b) => newerFirst(a.last_message_at, b.last_message_at) || b.id - a.id);
    },

    listOperators() {
      const open = new Map<number, number>();
      for (const d of data.dialogs) {
        if (d.state === 'open' && d.operator_id !== null) open.set(d.operator_id, (open.get(d.operator_id) ?? 0) + 1);
      }
      for (const o of data.operators) o.opened_dialogs = open.get(o.id) ?? 0;
      return [...data.operators];
    },

    listChannels: () => [...data.channels],

    listTransfers(filter = {}) {
      if (filter.dialogId !== undefined) requireDialog(filter.dialogId);
      if (filter.clientId !== undefined) requireClient(filter.clientId);
      if (filter.operatorId !== undefined) requireOperator(filter.operatorId);
      return data.transfers
        .filter(
          (t) =>
            (filter.dialogId === undefined || t.dialog_id === filter.dialogId) &&
            (filter.clientId === undefined || t.client_id === filter.clientId) &&
            (filter.operatorId === undefined || t.from_operator_id === filter.operatorId || t.to_operator_id === filter.operatorId),
        )
        .toSorted(byIdDesc);
    },

    sendMessage(input) {
      const client = requireClient(input.clientId);
      const text = input.text.trim();
      if (text.length === 0 || text.length > SANDBOX_MAX_TEXT) {
        throw new SandboxError(400, `text must be 1 to ${SANDBOX_MAX_TEXT} characters, got ${text.length}`);
      }
      if (input.operatorId !== undefined) requireOperator(input.operatorId);
      let dialog: SandboxDialog | undefined;
      if (input.dialogId !== undefined) {
        dialog = requireDialog(input.dialogId);
        if (dialog.client_id !== client.id) throw new SandboxError(400, `Dialog ${dialog.id} belongs to client ${String(dialog.client_id)}, not ${client.id}`);
      } else {
        dialog = dialogsByClient.get(client.id)?.at(-1);
      }
      const route = chooseRoute(client.id, dialog, input.transport, input.channelId);

      const note = input.type === 'comment';
      if (!dialog) {
        dialog = startDialog(client, route, input.operatorId ?? null);
      } else if (dialog.state === 'closed' && input.openDialog !== false && !note) {
        openDialog(dialog);
      }
      const dialogRoute = data.dialogRoutes.get(dialog.id);
      if (dialogRoute) {
        dialogRoute.transport = route.transport;
        dialogRoute.channel_id = route.channel_id;
      }

      return addMessage(
        {
          text,
          type: input.type ?? 'to_client',
          transport: route.transport,
          channel_id: route.channel_id,
          operator_id: input.operatorId ?? dialog.operator_id,
          dialog_id: dialog.id,
          client_id: client.id,
          created: stamp(),
          read: 0,
        },
        {},
        input.attachment ? attachmentMedia(input.attachment) : {},
      );
    },

    updateDialog(id, change) {
      const dialog = requireDialog(id);
      if (change.operatorId !== undefined) {
        requireOperator(change.operatorId);
        if (change.operatorId !== dialog.operator_id) {
          addTransfer(dialog, dialog.operator_id, change.operatorId, change.reason ?? null);
          dialog.operator_id = change.operatorId;
          addSystemMessage(dialog, SYSTEM_TEXTS.transferred.replace('{operator}', operatorLabel(change.operatorId)));
        }
      }
      if (change.state === 'open' && dialog.state === 'closed') openDialog(dialog);
      if (change.state === 'closed' && dialog.state === 'open') {
        addSystemMessage(dialog, SYSTEM_TEXTS.closed);
        dialog.state = 'closed';
        dialog.end = dialog.last_message_at;
        emit({ kind: 'dialog', change: 'closed', dialog, at: stamp() });
      }
      return dialog;
    },

    receiveMessage(input) {
      const client = requireClient(input.clientId);
      const text = input.text.trim();
      if (text.length === 0 || text.length > SANDBOX_MAX_TEXT) {
        throw new SandboxError(400, `text must be 1 to ${SANDBOX_MAX_TEXT} characters, got ${text.length}`);
      }
      const newClient = client.last_client_message === null;
      let dialog = dialogsByClient.get(client.id)?.at(-1);
      const reopens = dialog?.state === 'closed';
      const routes = data.clientTransports.get(client.id) ?? [];
      const route = (dialog && data.dialogRoutes.get(dialog.id)) ?? routes[0];
      if (!route) throw new SandboxError(400, `Client ${client.id} has no channel to write through`);
      // A client writing starts a new request: a closed dialog opens again, unassigned ones wait in the queue.
      if (!dialog) dialog = startDialog(client, route, null);
      else if (reopens) openDialog(dialog);
      const created = stamp();
      client.last_client_message = created;
      client.first_client_message ??= created;
      moveToFront(client);
      return addMessage(
        { text, type: 'from_client', transport: route.transport, channel_id: route.channel_id, operator_id: null, dialog_id: dialog.id, client_id: client.id, created, read: 0 },
        { newRequest: reopens || dialog.messages === 0, newClient },
      );
    },

    addClient(input) {
      const channel = data.channels.find((c) => c.id === input.route.channel_id);
      if (!channel?.transports.includes(input.route.transport)) {
        throw new SandboxError(400, `Channel ${input.route.channel_id} does not carry ${input.route.transport}`);
      }
      const client: SandboxClient = {
        id: nextId(data.clients, SANDBOX_ID_BASE.client),
        name: input.name,
        phone: input.phone,
        assigned_name: null,
        comment: null,
        avatar: null,
        region_id: null,
        country_id: null,
        first_client_message: null,
        last_client_message: null,
        extra_comment_1: null,
        extra_comment_2: null,
        extra_comment_3: null,
        client_external_id: null,
      };
      data.clients.push(client);
      clientsById.set(client.id, client);
      data.clientTransports.set(client.id, [{ ...input.route }]);
      clientsNewestFirst.push(client);
      emit({ kind: 'client', change: 'new', client, at: stamp() });
      return client;
    },

    assignName(clientId, assignedName) {
      const client = requireClient(clientId);
      if (client.assigned_name !== assignedName) {
        client.assigned_name = assignedName;
        emit({ kind: 'client', change: 'updated', client, at: stamp() });
      }
      return client;
    },

    updateClient(clientId, change) {
      const client = requireClient(clientId);
      const fields = Object.entries(change).filter(([field, value]) => value !== undefined && client[field as keyof SandboxClientChange] !== value);
      if (fields.length > 0) {
        Object.assign(client, Object.fromEntries(fields));
        emit({ kind: 'client', change: 'updated', client, at: stamp() });
      }
      return client;
    },

    clientTags: (clientId) => {
      const ids = data.clientTags.get(requireClient(clientId).id) ?? [];
      return data.tags.filter((tag) => ids.includes(tag.id));
    },

    assignTags(clientId, tagIds) {
      const client = requireClient(clientId);
      for (const tagId of tagIds) {
        if (!data.tags.some((tag) => tag.id === tagId)) throw new SandboxError(400, `Tag ${tagId} not found`, 'tag_ids');
      }
      const held = data.clientTags.get(client.id) ?? [];
      const added = [...new Set(tagIds)].filter((id) => !held.includes(id));
      if (added.length > 0) {
        data.clientTags.set(client.id, [...held, ...added].toSorted((a, b) => a - b));
        emit({ kind: 'client', change: 'updated', client, at: stamp(), tags: { added, removed: [] } });
      }
      return client;
    },

    removeTag(clientId, tagId) {
      const client = requireClient(clientId);
      const held = data.clientTags.get(client.id) ?? [];
      if (held.includes(tagId)) {
        data.clientTags.set(client.id, held.filter((id) => id !== tagId));
        emit({ kind: 'client', change: 'updated', client, at: stamp(), tags: { added: [], removed: [tagId] } });
      }
      return client;
    },

    listTags: () => [...data.tags],
    listOperatorGroups: () => data.operatorGroups.map((g) => ({ ...g, operator_ids: [...g.operator_ids] })),
    listTemplates: () => [...data.templates],

    transferToGroup(messageId, groupId, force) {
      const message = data.messages.find((m) => m.id === messageId);
      if (!message) throw new SandboxError(404, `Message ${messageId} not found`);
      const group = data.operatorGroups.find((g) => g.id === groupId);
      if (!group) throw new SandboxError(404, `Operator group ${groupId} not found`);
      if (message.dialog_id === null) throw new SandboxError(400, `Message ${messageId} belongs to no dialog`, 'id');
      const members = group.operator_ids.map(requireOperator);
      const open = (id: number) => data.dialogs.filter((d) => d.state === 'open' && d.operator_id === id).length;
      const online = members.filter((o) => o.online).toSorted((a, b) => open(a.id) - open(b.id) || a.id - b.id);
      const operator = online[0] ?? (force ? members[0] : undefined);
      if (!operator) throw new SandboxError(400, `No operator of group "${group.name}" is online; pass force_assign to hand the dialog over anyway`, 'force_assign');
      return store.updateDialog(message.dialog_id, { operatorId: operator.id, reason: group.name });
    },

    subscribe(listener) {
      const entry = (change: SandboxChange) => listener(change);
      listeners.add(entry);
      return () => void listeners.delete(entry);
    },
  };
  return store;
}

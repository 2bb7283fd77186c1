import type { Dialog, PageParams } from './types.js';

/**
 * The operator's work inside the CRM: the dialog inbox, handing a dialog over, closing and
 * reopening it, the client card's edits and tags, quick replies. Shared by the proxy's routes
 * and the browser's client; every write takes an `idempotencyKey` like a send does.
 */

/** What a request does, as the host's `authorize(request, { action })` or a JWT's `c2d_scope` names it. */
export type ConsoleAction = 'read' | 'send' | 'note' | 'transfer' | 'close' | 'reopen' | 'tag' | 'edit_client';

/** Every {@link ConsoleAction}: a JWT without `c2d_scope` may do all of them. */
export const CONSOLE_ACTIONS: readonly ConsoleAction[] = ['read', 'send', 'note', 'transfer', 'close', 'reopen', 'tag', 'edit_client'];

/** A tag that can be put on a client (Chat2Desk's `GET /v1/tags`). */
export interface Tag {
  id: number;
  label: string;
  groupId: number | null;
  groupName: string | null;
  description: string | null;
}

/** A group of operators a dialog can be handed to as a whole (`GET /v1/operators_groups`). */
export interface OperatorGroup {
  id: number;
  name: string;
  operatorIds: number[];
}

/** A quick reply (`GET /v1/templates`). */
export interface Template {
  id: number;
  /** A short name to pick it by, when Chat2Desk has one. */
  title: string | null;
  text: string;
}

/** Who a dialog in the inbox is with, as the proxy resolved it (from its client index or a cached read). */
export interface InboxClient {
  id: number;
  name: string | null;
  assignedName: string | null;
  phone: string | null;
}

/** A dialog as the inbox lists it: the dialog, its last message, and its client's name and phone. */
export interface InboxDialog extends Dialog {
  /** Null when the dialog has no client or the proxy could not name it. */
  client: InboxClient | null;
}

/** `GET /dialogs` parameters: newest activity first. */
export interface DialogsParams extends PageParams {
  state?: 'open' | 'closed';
  /** Only this operator's dialogs ("mine"). */
  operatorId?: number;
  /** Only dialogs no operator holds. */
  unassigned?: boolean;
}

/** `POST /dialogs/:id/transfer`: to one operator or to a group, optionally taking it from whoever holds it. */
export type DialogTransferInput = ({ operatorId: number; groupId?: never } | { groupId: number; operatorId?: never }) & {
  /** Hand it over even when the operator is offline or at their limit (Chat2Desk's `force_assign`). */
  force?: boolean;
  idempotencyKey?: string;
};

/** `POST /dialogs/:id/close` and `/reopen`. */
export interface DialogActionInput {
  idempotencyKey?: string;
}

/** `PATCH /clients/:id`: the fields of the client card an operator may edit (absent: unchanged). */
export interface ClientUpdateInput {
  name?: string;
  comment?: string;
  extraComment1?: string;
  extraComment2?: string;
  extraComment3?: string;
  idempotencyKey?: string;
}

/** `POST /clients/:id/tags`: the client's tags after the change (the proxy adds and removes the difference). */
export interface ClientTagsInput {
  tagIds: number[];
  idempotencyKey?: string;
}

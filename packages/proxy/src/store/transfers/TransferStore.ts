import type { Transfer } from '@c2d-console/core';
import type { Page } from '../Page.js';

/** A transfer as the store keeps it: operator names are added by the route, from the operators list. */
export type RecordedTransfer = Omit<Transfer, 'fromOperatorName' | 'toOperatorName'>;

/** What {@link TransferStore.record} takes, from a `dialog_transferred` webhook. */
export interface TransferInput {
  dialogId: number;
  clientId: number | null;
  /**
   * The dialog's operator before. Left out: the last one this store knows for the dialog (see
   * {@link TransferStore.dialogOperator}), or `null` when it knows none.
   */
  fromOperatorId?: number | null;
  toOperatorId: number;
  /** When it happened (the webhook's `event_time`, ISO 8601). */
  created: string;
  reason?: string | null;
}

/** Which transfers {@link TransferStore.list} answers; every given field must match. */
export interface TransferFilter {
  dialogId?: number;
  clientId?: number;
  /** Transfers from or to this operator. */
  operatorId?: number;
}

/**
 * The transfer history the proxy records from Chat2Desk's webhooks (Chat2Desk has no endpoint
 * for it), and the last operator it knows for each dialog. Transfers are kept for good.
 */
export interface TransferStore {
  /**
   * Records a transfer, and makes its `toOperatorId` the dialog's operator unless something
   * newer is known. The same dialog, new operator and `created` again (a webhook retry) is not
   * recorded twice: it answers the first record with `duplicate: true`.
   */
  record(input: TransferInput): Promise<{ transfer: RecordedTransfer; duplicate: boolean }>;
  /** The transfers matching `filter`, newest `created` first, and how many match in all. */
  list(filter: TransferFilter, page: Page): Promise<{ transfers: RecordedTransfer[]; total: number }>;
  /** The last operator this store knows for the dialog, or `null` (unknown or unassigned). */
  dialogOperator(dialogId: number): Promise<number | null>;
  /** Notes the dialog's operator as read from Chat2Desk at `asOf` (ISO 8601; default now), unless a newer one is known. */
  setDialogOperator(dialogId: number, operatorId: number | null, asOf?: string): Promise<void>;
  /** Releases the store; later calls throw. */
  close(): Promise<void>;
}

/** Options of the memory and SQLite transfer stores. */
export interface TransferStoreOptions {
  /** Clock in milliseconds (tests): the default `asOf` of `setDialogOperator`. */
  now?: () => number;
}

import type { Transfer } from '@c2d-console/core';
import type { TransferFilter, TransferLog } from './TransferLog.js';

/** A {@link TransferLog} kept in memory, with a way to record into it. */
export interface MemoryTransferLog extends TransferLog {
  /** Records a transfer (what the webhook receiver will call for `dialog_transferred`). */
  record(transfer: Transfer): void;
}

/** Whether a transfer matches every id the filter gives. */
export function matchesTransfer(transfer: Transfer, filter: TransferFilter): boolean {
  return (
    (filter.dialogId === undefined || transfer.dialogId === filter.dialogId) &&
    (filter.clientId === undefined || transfer.clientId === filter.clientId) &&
    (filter.operatorId === undefined || transfer.fromOperatorId === filter.operatorId || transfer.toOperatorId === filter.operatorId)
  );
}

/**
 * Creates an in-memory transfer log, empty until something records into it: live mode answers
 * `GET /transfers` from it instead of asking Chat2Desk for an endpoint it does not have.
 */
export function createMemoryTransferLog(): MemoryTransferLog {
  const transfers: Transfer[] = [];
  return {
    record(transfer) {
      transfers.push(transfer);
    },
    async list(filter, page) {
      const matching = transfers.filter((t) => matchesTransfer(t, filter)).toSorted((a, b) => b.created.localeCompare(a.created) || b.id - a.id);
      return { data: matching.slice(page.offset, page.offset + page.limit), total: matching.length };
    },
  };
}

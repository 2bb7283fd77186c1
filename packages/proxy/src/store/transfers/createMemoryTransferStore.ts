import { checkPage } from '../Page.js';
import type { RecordedTransfer, TransferFilter, TransferStore, TransferStoreOptions } from './TransferStore.js';
import { checkTransferInput, inferFromOperator, parseTime } from './transferInput.js';

/** Whether `transfer` is one that `filter` asks for. */
function matchesTransferFilter(transfer: RecordedTransfer, filter: TransferFilter): boolean {
  return (
    (filter.dialogId === undefined || transfer.dialogId === filter.dialogId) &&
    (filter.clientId === undefined || transfer.clientId === filter.clientId) &&
    (filter.operatorId === undefined || transfer.fromOperatorId === filter.operatorId || transfer.toOperatorId === filter.operatorId)
  );
}

/** A {@link TransferStore} in this process's memory: for tests, and for a proxy that keeps nothing across restarts. */
export function createMemoryTransferStore(options: TransferStoreOptions = {}): TransferStore {
  const now = options.now ?? Date.now;
  const transfers: RecordedTransfer[] = [];
  const byKey = new Map<string, RecordedTransfer>();
  const operators = new Map<number, { operatorId: number | null; asOf: number }>();
  let lastId = 0;
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the transfer store is closed');
  };
  const noteOperator = (dialogId: number, operatorId: number | null, asOf: number) => {
    const known = operators.get(dialogId);
    if (!known || asOf >= known.asOf) operators.set(dialogId, { operatorId, asOf });
  };

  return {
    async record(input) {
      checkOpen();
      const checked = checkTransferInput(input);
      const key = `${checked.dialogId}:${checked.toOperatorId}:${checked.created}`;
      const seen = byKey.get(key);
      if (seen) return { transfer: { ...seen }, duplicate: true };
      const transfer: RecordedTransfer = {
        id: ++lastId,
        dialogId: checked.dialogId,
        clientId: checked.clientId,
        fromOperatorId:
          checked.fromOperatorId === undefined
            ? inferFromOperator(operators.get(checked.dialogId)?.operatorId ?? null, checked.toOperatorId)
            : checked.fromOperatorId,
        toOperatorId: checked.toOperatorId,
        created: checked.created,
        reason: checked.reason,
      };
      transfers.push(transfer);
      byKey.set(key, transfer);
      noteOperator(checked.dialogId, checked.toOperatorId, checked.createdMs);
      return { transfer: { ...transfer }, duplicate: false };
    },

    async list(filter, page) {
      checkOpen();
      checkPage(page);
      const matching = transfers
        .filter((transfer) => matchesTransferFilter(transfer, filter))
        .toSorted((a, b) => (a.created === b.created ? b.id - a.id : a.created < b.created ? 1 : -1));
      return { transfers: matching.slice(page.offset, page.offset + page.limit).map((transfer) => ({ ...transfer })), total: matching.length };
    },

    async dialogOperator(dialogId) {
      checkOpen();
      return operators.get(dialogId)?.operatorId ?? null;
    },

    async setDialogOperator(dialogId, operatorId, asOf) {
      checkOpen();
      noteOperator(dialogId, operatorId, asOf === undefined ? now() : parseTime(asOf, 'setDialogOperator asOf'));
    },

    async close() {
      closed = true;
    },
  };
}

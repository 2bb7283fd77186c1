import type { Transfer } from '@c2d-console/core';
import { isProxyError } from '../ProxyError.js';
import type { ProxyLogger } from '../ProxyLogger.js';
import { abortableSleep } from '../store/clientIndex/indexAllClients.js';
import type { ConsoleStores } from '../store/ConsoleStores.js';
import type { RecordedTransfer, TransferInput } from '../store/transfers/TransferStore.js';
import { inferFromOperator } from '../store/transfers/transferInput.js';
import type { UpstreamClient } from '../upstream/createUpstreamClient.js';
import { mapDialog, mapOperatorList, withOperatorNames } from '../upstream/mappers.js';
import { dialogPath, operatorsPath } from '../upstream/paths.js';
import type { TransferNotice } from '../upstream/readWebhook.js';

/** Options of {@link createTransferRecorder}. */
export interface TransferRecorderOptions {
  stores: () => Promise<ConsoleStores>;
  upstream: UpstreamClient;
  logger: ProxyLogger;
  /** Waits before the retries of a recording whose Chat2Desk read failed (default 1 s, 10 s, 60 s). */
  retryDelaysMs?: readonly number[];
}

/**
 * Keeps the transfer history Chat2Desk has no endpoint for (shared/chat2desk-api.md, ⚠
 * transfers): every `dialog_transferred` webhook becomes a record `{ dialogId, clientId,
 * fromOperatorId, toOperatorId, created }` and a `transfer` event; the sandbox's seeded history
 * is written through the same `record`.
 */
export interface TransferRecorder {
  /** Records a transfer whose operators are known; `announce` also logs a `transfer` event (default false). */
  record(input: TransferInput, options?: { announce?: boolean }): Promise<RecordedTransfer>;
  /**
   * Records a `dialog_transferred` in the background: the new operator from the delivery, or
   * else from `GET /v1/dialogs/{id}`; the previous one as the proxy last knew it (the previous
   * record, or the last dialog read). One dialog's transfers are recorded in order.
   */
  fromWebhook(notice: TransferNotice): void;
  /** Notes a dialog's operator as a read of the dialog showed it (`asOf`: ISO 8601, default now). */
  noteDialogOperator(dialogId: number, operatorId: number | null, asOf?: string): void;
  /** Resolves once the background recordings under way have ended (tests, shutdown). */
  settled(): Promise<void>;
  /** Stops retrying: recordings not done by now are given up (logged). */
  stop(): void;
}

/** Creates the {@link TransferRecorder}. */
export function createTransferRecorder(options: TransferRecorderOptions): TransferRecorder {
  const { upstream, logger } = options;
  const retryDelaysMs = options.retryDelaysMs ?? [1000, 10_000, 60_000];
  // One chain per dialog, so "the operator before" is read after the previous transfer's record.
  const chains = new Map<number, Promise<void>>();
  const background = new Set<Promise<void>>();
  const stopping = new AbortController();

  const line = (level: 'warn' | 'error', msg: string, fields: Record<string, unknown>) => {
    const text = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
    if (level === 'error') logger.error(text);
    else logger.info(text);
  };

  /** The record with the operators' names, for its `transfer` event (names are a nicety: null when the list fails). */
  async function named(transfer: RecordedTransfer): Promise<Transfer> {
    const operators = await upstream.get(operatorsPath(), mapOperatorList, { upstreamCalls: 0 }).catch(() => undefined);
    const [withNames] = withOperatorNames([{ ...transfer, fromOperatorName: null, toOperatorName: null }], operators?.data ?? []);
    return withNames as Transfer;
  }

  async function record(input: TransferInput, { announce = false } = {}): Promise<RecordedTransfer> {
    const stores = await options.stores();
    const { transfer } = await stores.transfers.record(input);
    if (announce) {
      await stores.eventLog.append({
        // Keyed by the record, so a second announcement of the same transfer is stored once.
        dedupeKey: `transfer:${transfer.id}`,
        hookType: 'transfer_recorded',
        payload: transfer,
        event: { type: 'transfer', time: transfer.created, data: await named(transfer) },
      });
    }
    return transfer;
  }

  async function recordNotice(notice: TransferNotice): Promise<void> {
    const stores = await options.stores();
    // Read before the dialog is: reading it notes the new operator.
    const known = notice.fromOperatorId === undefined ? await stores.transfers.dialogOperator(notice.dialogId) : notice.fromOperatorId;
    let toOperatorId = notice.toOperatorId;
    let clientId = notice.clientId;
    if (toOperatorId === null) {
      const dialog = await upstream.get(dialogPath(notice.dialogId), mapDialog, { upstreamCalls: 0 }, { fresh: true, notFound: `Dialog ${notice.dialogId} not found` });
      toOperatorId = dialog.operatorId;
      clientId ??= dialog.clientId;
    }
    if (toOperatorId === null) {
      line('warn', 'dialog_transferred not recorded: the dialog has no operator now', { dialogId: notice.dialogId });
      return;
    }
    await record(
      { dialogId: notice.dialogId, clientId, fromOperatorId: notice.fromOperatorId === undefined ? inferFromOperator(known, toOperatorId) : known, toOperatorId, created: notice.created },
      { announce: true },
    );
    // Known as of now, not only as of `event_time`: a read of the dialog before this webhook
    // arrived showed the old operator or already this one, never a later one.
    await stores.transfers.setDialogOperator(notice.dialogId, toOperatorId);
  }

  async function withRetries(notice: TransferNotice): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        // oxlint-disable-next-line no-await-in-loop -- retried one after another
        return await recordNotice(notice);
      } catch (error) {
        // A 404 will not change; a shutdown (503 unavailable) ends the retries.
        const final = stopping.signal.aborted || attempt >= retryDelaysMs.length || (isProxyError(error) && (error.status === 404 || error.code === 'unavailable'));
        if (final) {
          line('error', 'dialog_transferred not recorded', { dialogId: notice.dialogId, error: String((error as Error)?.message ?? error) });
          return;
        }
        // oxlint-disable-next-line no-await-in-loop -- the wait between retries is the point
        await abortableSleep(retryDelaysMs[attempt] ?? 0, stopping.signal).catch(() => {});
      }
    }
  }

  return {
    record,

    fromWebhook(notice) {
      const previous = chains.get(notice.dialogId) ?? Promise.resolve();
      const next = previous.then(() => withRetries(notice));
      chains.set(notice.dialogId, next);
      background.add(next);
      void next.finally(() => {
        background.delete(next);
        if (chains.get(notice.dialogId) === next) chains.delete(notice.dialogId);
      });
    },

    noteDialogOperator(dialogId, operatorId, asOf) {
      const noted = options
        .stores()
        .then((stores) => stores.transfers.setDialogOperator(dialogId, operatorId, asOf))
        .catch((error: unknown) => line('error', 'could not note the dialog operator', { dialogId, error: String((error as Error)?.message ?? error) }));
      background.add(noted);
      void noted.finally(() => background.delete(noted));
    },

    async settled() {
      while (background.size > 0) {
        // oxlint-disable-next-line no-await-in-loop -- a recording may start another (same dialog)
        await Promise.allSettled(background);
      }
    },

    stop() {
      stopping.abort();
    },
  };
}

import { createMemoryClientIndex } from './clientIndex/createMemoryClientIndex.js';
import type { ConsoleStores, ConsoleStoresOptions } from './ConsoleStores.js';
import { createMemoryEventLog } from './eventLog/createMemoryEventLog.js';
import { createMemoryTransferStore } from './transfers/createMemoryTransferStore.js';

/** {@link ConsoleStores} in this process's memory: for tests, and where nothing may be written to disk. */
export function createMemoryStores(options: ConsoleStoresOptions = {}): ConsoleStores {
  const eventLog = createMemoryEventLog({ retentionMs: options.eventRetentionMs, now: options.now, onListenerError: options.onListenerError });
  const transfers = createMemoryTransferStore({ now: options.now });
  const clientIndex = createMemoryClientIndex();
  return {
    eventLog,
    transfers,
    clientIndex,
    async close() {
      await Promise.all([eventLog.close(), transfers.close(), clientIndex.close()]);
    },
  };
}

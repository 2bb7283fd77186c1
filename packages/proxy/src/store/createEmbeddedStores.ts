import { createSqliteClientIndex } from './clientIndex/createSqliteClientIndex.js';
import type { ConsoleStores, ConsoleStoresOptions } from './ConsoleStores.js';
import { createSqliteEventLog } from './eventLog/createSqliteEventLog.js';
import { openSqliteDatabase } from './sqlite/openSqliteDatabase.js';
import { createSqliteTransferStore } from './transfers/createSqliteTransferStore.js';

/** The file the embedded stores keep everything in, inside the data folder. */
export const EMBEDDED_STORE_FILE = 'c2d-proxy.sqlite';

/** Options of {@link createEmbeddedStores}. */
export interface EmbeddedStoresOptions extends ConsoleStoresOptions {
  /** The folder to keep the data in (`C2D_PROXY_DATA_DIR`, resolved by the caller); created when missing. */
  dataDir: string;
}

/**
 * {@link ConsoleStores} that survive restarts, in one SQLite file (`c2d-proxy.sqlite`) inside
 * `dataDir`, for one proxy process. Node's file system and the SQLite library are imported on
 * first use, so importing this module costs web-standard runtimes nothing.
 */
export async function createEmbeddedStores(options: EmbeddedStoresOptions): Promise<ConsoleStores> {
  const [{ mkdir }, { join }] = await Promise.all([import('node:fs/promises'), import('node:path')]);
  try {
    await mkdir(options.dataDir, { recursive: true });
  } catch (error) {
    throw new Error(
      `could not create the data folder ${options.dataDir} (${(error as Error).message}): point C2D_PROXY_DATA_DIR (option store.dataDir) at a writable folder`,
      { cause: error },
    );
  }
  const db = await openSqliteDatabase(join(options.dataDir, EMBEDDED_STORE_FILE));
  const eventLog = createSqliteEventLog(db, { retentionMs: options.eventRetentionMs, now: options.now, onListenerError: options.onListenerError });
  const transfers = createSqliteTransferStore(db, { now: options.now });
  const clientIndex = createSqliteClientIndex(db);
  let closed = false;
  return {
    eventLog,
    transfers,
    clientIndex,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all([eventLog.close(), transfers.close(), clientIndex.close()]);
      db.close();
    },
  };
}

import type { SqliteDatabase } from './SqliteDatabase.js';
import { SQLITE_MIGRATIONS } from './migrations.js';

/** Options of {@link openSqliteDatabase}. */
export interface OpenSqliteDatabaseOptions {
  /** Schema steps (default: the embedded store's, {@link SQLITE_MIGRATIONS}). */
  migrations?: readonly string[];
}

/**
 * Opens (creating it when absent) the SQLite file at `file`, or an in-memory database for
 * `':memory:'`, and brings its schema up to date. Write-ahead logging lets reads run beside the
 * one writer; `synchronous = NORMAL` keeps every committed write across a crash of the process
 * (only a power cut may lose the last ones), at a fraction of the cost of a sync per commit.
 *
 * `libsql` is imported here, on first use, so the proxy's web-standard entry (Workers, edge
 * runtimes) never loads a native module unless the embedded store is asked for.
 */
export async function openSqliteDatabase(file: string, options: OpenSqliteDatabaseOptions = {}): Promise<SqliteDatabase> {
  const Database = await loadLibsql();
  const db: SqliteDatabase = new Database(file, { timeout: 5000 });
  try {
    if (file !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
    migrate(db, options.migrations ?? SQLITE_MIGRATIONS, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs the steps of `migrations` that the file's `user_version` says have not run yet. */
function migrate(db: SqliteDatabase, migrations: readonly string[], file: string): void {
  const row = db.prepare('PRAGMA user_version').get() as { user_version: number };
  const version = row.user_version;
  if (version > migrations.length) {
    throw new Error(
      `${file} was written by a newer @c2d-console/proxy (schema ${version}, this one knows ${migrations.length}): ` +
        'upgrade the proxy, or point C2D_PROXY_DATA_DIR at another folder',
    );
  }
  const step = db.transaction((sql: string, next: number) => {
    db.exec(sql);
    // PRAGMA takes no bound parameters; `next` is an integer we computed.
    db.exec(`PRAGMA user_version = ${next}`);
  });
  for (let index = version; index < migrations.length; index++) step(migrations[index] as string, index + 1);
}

async function loadLibsql() {
  const platform = typeof process === 'undefined' ? 'this runtime' : `${process.platform}-${process.arch}`;
  try {
    return (await import('libsql')).default;
  } catch (error) {
    throw new Error(
      `The embedded store needs the libsql package and its binary for ${platform} ` +
        '(@libsql/<platform>, an optional dependency): reinstall without --no-optional, or use the memory or Redis stores',
      { cause: error },
    );
  }
}

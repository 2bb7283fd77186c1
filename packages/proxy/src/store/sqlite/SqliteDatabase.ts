/**
 * The part of a better-sqlite3-style synchronous SQLite connection the embedded stores use.
 * `libsql` (the default, see {@link openSqliteDatabase}) and `better-sqlite3` both fit it.
 */
export interface SqliteDatabase {
  /** Compiles one statement; keep the result and run it many times. */
  prepare(sql: string): SqliteStatement;
  /** Runs one or more statements that take no parameters (migrations, pragmas). */
  exec(sql: string): unknown;
  /** Wraps `fn` so that each call runs inside one transaction, rolled back when it throws. */
  transaction<Args extends unknown[], Result>(fn: (...args: Args) => Result): (...args: Args) => Result;
  /** Closes the connection; statements prepared on it must not be used afterwards. */
  close(): unknown;
}

/** A prepared statement of a {@link SqliteDatabase}; `?` parameters are bound by position. */
export interface SqliteStatement {
  /** Runs a write; `lastInsertRowid` is the new row's id after an INSERT. */
  run(...params: unknown[]): { changes: number; lastInsertRowid: number | bigint };
  /** The first row (an object keyed by column name), or `undefined`. */
  get(...params: unknown[]): unknown;
  /** Every row. */
  all(...params: unknown[]): unknown[];
}

/**
 * The embedded store's schema, one step per entry: the file's `PRAGMA user_version` says how
 * many have run, so opening a file runs only the newer ones. Never edit a released step; add one.
 *
 * Times the proxy measures (retention) are milliseconds since the epoch; times Chat2Desk gives
 * are kept as ISO 8601 strings in UTC (`toISOString()`), which sort the same way as text.
 */
export const SQLITE_MIGRATIONS: readonly string[] = [
  `
  -- One row per accepted webhook delivery. AUTOINCREMENT: ids are never reused, even after
  -- pruning removed the newest rows, so event ids keep growing across restarts.
  CREATE TABLE event_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    received_at INTEGER NOT NULL,
    dedupe_key  TEXT NOT NULL,
    hook_type   TEXT NOT NULL,
    payload     TEXT NOT NULL,  -- the delivery's JSON, for debugging and replay
    event       TEXT            -- the console event's JSON without its id; NULL: never streamed
  );
  CREATE INDEX event_log_received_at ON event_log (received_at);

  -- Dedupe keys outlive their deliveries when retention is shorter than Chat2Desk's retries.
  CREATE TABLE event_dedupe (
    key         TEXT PRIMARY KEY,
    event_id    INTEGER NOT NULL,
    received_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX event_dedupe_received_at ON event_dedupe (received_at);

  CREATE TABLE transfers (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    dialog_id        INTEGER NOT NULL,
    client_id        INTEGER,
    from_operator_id INTEGER,
    to_operator_id   INTEGER NOT NULL,
    created          TEXT NOT NULL,
    reason           TEXT,
    UNIQUE (dialog_id, to_operator_id, created)
  );
  CREATE INDEX transfers_created ON transfers (created, id);
  CREATE INDEX transfers_client ON transfers (client_id, created);
  CREATE INDEX transfers_from ON transfers (from_operator_id, created);
  CREATE INDEX transfers_to ON transfers (to_operator_id, created);

  CREATE TABLE dialog_operators (
    dialog_id   INTEGER PRIMARY KEY,
    operator_id INTEGER,
    as_of       INTEGER NOT NULL
  );

  CREATE TABLE clients (
    id              INTEGER PRIMARY KEY,
    name            TEXT,
    phone           TEXT,
    assigned_name   TEXT,
    last_message_at TEXT
  );

  -- Small named values: the event log's pruning mark, the client index's status.
  CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) WITHOUT ROWID;
  `,
];

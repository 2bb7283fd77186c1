import { checkPage } from '../Page.js';
import type { SqliteDatabase, SqliteStatement } from '../sqlite/SqliteDatabase.js';
import type { RecordedTransfer, TransferFilter, TransferStore, TransferStoreOptions } from './TransferStore.js';
import { type CheckedTransferInput, checkTransferInput, inferFromOperator, parseTime } from './transferInput.js';

interface TransferRow {
  id: number;
  dialog_id: number;
  client_id: number | null;
  from_operator_id: number | null;
  to_operator_id: number;
  created: string;
  reason: string | null;
}

const toTransfer = (row: TransferRow): RecordedTransfer => ({
  id: row.id,
  dialogId: row.dialog_id,
  clientId: row.client_id,
  fromOperatorId: row.from_operator_id,
  toOperatorId: row.to_operator_id,
  created: row.created,
  reason: row.reason,
});

/** The WHERE clause and its parameters for `filter`. */
function whereClause(filter: TransferFilter): { sql: string; params: number[] } {
  const conditions: string[] = [];
  const params: number[] = [];
  if (filter.dialogId !== undefined) {
    conditions.push('dialog_id = ?');
    params.push(filter.dialogId);
  }
  if (filter.clientId !== undefined) {
    conditions.push('client_id = ?');
    params.push(filter.clientId);
  }
  if (filter.operatorId !== undefined) {
    conditions.push('(from_operator_id = ? OR to_operator_id = ?)');
    params.push(filter.operatorId, filter.operatorId);
  }
  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
}

/**
 * A {@link TransferStore} in a SQLite database opened by `openSqliteDatabase` (the caller
 * closes the database): durable across restarts.
 */
export function createSqliteTransferStore(db: SqliteDatabase, options: TransferStoreOptions = {}): TransferStore {
  const now = options.now ?? Date.now;
  const sql = {
    find: db.prepare('SELECT * FROM transfers WHERE dialog_id = ? AND to_operator_id = ? AND created = ?'),
    insert: db.prepare(
      'INSERT INTO transfers (dialog_id, client_id, from_operator_id, to_operator_id, created, reason) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
    ),
    operator: db.prepare('SELECT operator_id FROM dialog_operators WHERE dialog_id = ?'),
    // Only a newer (or equally new) fact replaces what is known.
    noteOperator: db.prepare(
      `INSERT INTO dialog_operators (dialog_id, operator_id, as_of) VALUES (?, ?, ?)
       ON CONFLICT (dialog_id) DO UPDATE SET operator_id = excluded.operator_id, as_of = excluded.as_of
       WHERE excluded.as_of >= dialog_operators.as_of`,
    ),
  };
  // One pair of statements per combination of filters (at most eight), prepared on first use.
  const listStatements = new Map<string, { page: SqliteStatement; count: SqliteStatement }>();
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new Error('the transfer store is closed');
  };
  const knownOperator = (dialogId: number) => (sql.operator.get(dialogId) as { operator_id: number | null } | undefined)?.operator_id ?? null;

  const record = db.transaction((input: CheckedTransferInput) => {
    const seen = sql.find.get(input.dialogId, input.toOperatorId, input.created) as TransferRow | undefined;
    if (seen) return { transfer: toTransfer(seen), duplicate: true };
    const from = input.fromOperatorId === undefined ? inferFromOperator(knownOperator(input.dialogId), input.toOperatorId) : input.fromOperatorId;
    const row = sql.insert.get(input.dialogId, input.clientId, from, input.toOperatorId, input.created, input.reason) as TransferRow;
    sql.noteOperator.run(input.dialogId, input.toOperatorId, input.createdMs);
    return { transfer: toTransfer(row), duplicate: false };
  });

  return {
    async record(input) {
      checkOpen();
      return record(checkTransferInput(input));
    },

    async list(filter, page) {
      checkOpen();
      checkPage(page);
      const where = whereClause(filter);
      let statements = listStatements.get(where.sql);
      if (!statements) {
        statements = {
          page: db.prepare(`SELECT * FROM transfers ${where.sql} ORDER BY created DESC, id DESC LIMIT ? OFFSET ?`),
          count: db.prepare(`SELECT count(*) AS total FROM transfers ${where.sql}`),
        };
        listStatements.set(where.sql, statements);
      }
      const rows = statements.page.all(...where.params, page.limit, page.offset) as TransferRow[];
      const { total } = statements.count.get(...where.params) as { total: number };
      return { transfers: rows.map(toTransfer), total };
    },

    async dialogOperator(dialogId) {
      checkOpen();
      return knownOperator(dialogId);
    },

    async setDialogOperator(dialogId, operatorId, asOf) {
      checkOpen();
      sql.noteOperator.run(dialogId, operatorId, asOf === undefined ? now() : parseTime(asOf, 'setDialogOperator asOf'));
    },

    async close() {
      closed = true;
    },
  };
}

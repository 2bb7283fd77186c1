import type { TransferInput } from './TransferStore.js';

/** A {@link TransferInput} checked, with `created` in one spelling (`toISOString`) so that retries match. */
export interface CheckedTransferInput {
  dialogId: number;
  clientId: number | null;
  /** `undefined`: take the dialog's last known operator. */
  fromOperatorId: number | null | undefined;
  toOperatorId: number;
  created: string;
  /** `created` in milliseconds, to compare with the dialog operator's `asOf`. */
  createdMs: number;
  reason: string | null;
}

const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

/** Checks a transfer before it is stored; throws a `RangeError` naming the bad field. */
export function checkTransferInput(input: TransferInput): CheckedTransferInput {
  const { dialogId, clientId, fromOperatorId, toOperatorId, created, reason } = input;
  if (!isId(dialogId)) throw new RangeError(`transfer dialogId must be a positive integer (got ${String(dialogId)})`);
  if (clientId !== null && !isId(clientId)) throw new RangeError(`transfer clientId must be a positive integer or null (got ${String(clientId)})`);
  if (fromOperatorId !== undefined && fromOperatorId !== null && !isId(fromOperatorId)) {
    throw new RangeError(`transfer fromOperatorId must be a positive integer, null or left out (got ${String(fromOperatorId)})`);
  }
  if (!isId(toOperatorId)) throw new RangeError(`transfer toOperatorId must be a positive integer (got ${String(toOperatorId)})`);
  const createdMs = parseTime(created, 'transfer created');
  return { dialogId, clientId, fromOperatorId, toOperatorId, created: new Date(createdMs).toISOString(), createdMs, reason: reason ?? null };
}

/** Milliseconds of an ISO 8601 time; throws a `RangeError` naming `what` otherwise. */
export function parseTime(value: string, what: string): number {
  const ms = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${what} must be an ISO 8601 time such as 2026-11-02T10:00:00Z (got ${String(value)})`);
  return ms;
}

/**
 * The operator a transfer came from, when the caller left it out: the dialog's last known one.
 * If that is already the new operator (a dialog read saw the transfer before its webhook came),
 * the previous one is unknown: `null`, rather than a transfer from someone to themselves.
 */
export function inferFromOperator(known: number | null, toOperatorId: number): number | null {
  return known === toOperatorId ? null : known;
}

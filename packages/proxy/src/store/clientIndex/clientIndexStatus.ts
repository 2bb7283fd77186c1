import type { ClientIndexStatus } from './ClientIndex.js';

/** Checks a status before it is stored; throws a `RangeError` naming the bad field. */
export function checkClientIndexStatus(status: ClientIndexStatus): ClientIndexStatus {
  const { indexed, total, complete, updatedAt } = status;
  if (!Number.isSafeInteger(indexed) || indexed < 0) throw new RangeError(`client index status indexed must be a non-negative integer (got ${String(indexed)})`);
  if (total !== null && (!Number.isSafeInteger(total) || total < 0)) {
    throw new RangeError(`client index status total must be a non-negative integer or null (got ${String(total)})`);
  }
  if (typeof complete !== 'boolean') throw new RangeError(`client index status complete must be a boolean (got ${String(complete)})`);
  if (updatedAt !== null && Number.isNaN(Date.parse(updatedAt))) {
    throw new RangeError(`client index status updatedAt must be an ISO 8601 time or null (got ${String(updatedAt)})`);
  }
  return { indexed, total, complete, updatedAt };
}

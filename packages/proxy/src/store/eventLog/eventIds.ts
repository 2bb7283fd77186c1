/** Where {@link readPosition} says a read starts: after this sequence number, or a gap. */
export type ReadPosition = { after: number } | 'gap';

/**
 * The sequence number in an id of the memory and SQLite logs (a decimal integer), or
 * `undefined` for anything else (an id of another store, garbage from a header).
 */
export function parseEventId(id: string): number | undefined {
  if (!/^[1-9]\d{0,15}$/.test(id)) return undefined;
  const value = Number(id);
  return Number.isSafeInteger(value) ? value : undefined;
}

/**
 * Where a read after `afterId` (`null`: from the oldest kept) starts, given the highest sequence number retention removed
 * (`prunedThrough`, 0 for none) and the highest ever given (`lastGiven`). A gap means events
 * after `afterId` may be missing: removed by retention, or `afterId` is not one of ours.
 */
export function readPosition(afterId: string | null, prunedThrough: number, lastGiven: number): ReadPosition {
  if (afterId === null) return { after: 0 };
  const after = parseEventId(afterId);
  if (after === undefined || after > lastGiven || after < prunedThrough) return 'gap';
  return { after };
}

/** Checks the `limit` of a read. */
export function checkReadLimit(limit: number): void {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`event log read limit must be a positive integer (got ${String(limit)})`);
  }
}

/** A window of a list the stores answer: skip `offset` items, then at most `limit`. */
export interface Page {
  limit: number;
  offset: number;
}

/** Checks a {@link Page} (the routes validate user input before; this catches wiring mistakes). */
export function checkPage(page: Page): void {
  if (!Number.isSafeInteger(page.limit) || page.limit < 1) throw new RangeError(`page limit must be a positive integer (got ${String(page.limit)})`);
  if (!Number.isSafeInteger(page.offset) || page.offset < 0) throw new RangeError(`page offset must be a non-negative integer (got ${String(page.offset)})`);
}

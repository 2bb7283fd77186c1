/**
 * `items` without repeats of an id, keeping the first. Offset pages over a newest-first list
 * overlap when items arrive between page loads (every offset shifts), so flattened pages repeat.
 */
export function uniqueById<T extends { id: number }>(items: T[]): T[] {
  const seen = new Set<number>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

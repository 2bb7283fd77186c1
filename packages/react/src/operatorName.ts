import type { HistoryStrings } from './historyStrings.js';

/** A transfer side's display name: the resolved name, "Operator #id", or the queue. */
export function operatorName(name: string | null, id: number | null, strings: HistoryStrings): string {
  if (id === null) return strings.transferQueue;
  return name ?? strings.operatorFallback(id);
}

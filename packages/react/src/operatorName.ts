import type { Operator } from '@c2d-console/core';
import type { HistoryStrings } from './historyStrings.js';

/** A transfer side's display name: the resolved name, "Operator #id", or the queue. */
export function operatorName(name: string | null, id: number | null, strings: HistoryStrings): string {
  if (id === null) return strings.transferQueue;
  return name ?? strings.operatorFallback(id);
}

/** How an operator is named in pickers and lists: first and last name, else the email, else `#id`. */
export function operatorFullName({ id, firstName, lastName, email }: Operator): string {
  return [firstName, lastName].filter(Boolean).join(' ') || email || `#${id}`;
}

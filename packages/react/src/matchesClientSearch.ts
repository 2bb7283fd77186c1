import type { Client } from '@c2d-console/core';

/** Lower case, `ё` as `е`, outer spaces gone: how names are compared. */
const normalize = (text: string) => text.toLocaleLowerCase('ru').replaceAll('ё', 'е').trim();

/**
 * Whether a loaded client matches a name search: the text is part of its name, the name an
 * operator gave it, or the host's id for it (case-insensitive, `ё` = `е`). What `ClientList`
 * filters itself while the proxy cannot search names (phones go to the proxy: Chat2Desk
 * searches those).
 */
export function matchesClientSearch(client: Client, search: string): boolean {
  const q = normalize(search);
  if (!q) return true;
  return [client.name, client.assignedName, client.externalId].some((field) => field !== null && normalize(field).includes(q));
}

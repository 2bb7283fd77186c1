import type { Client } from '@c2d-console/core';
import type { ClientActivityMap } from './clientActivity.js';

/**
 * The clients in the order `ClientList` shows them: those with a message since the page opened
 * first, the most recent on top, then the rest in the proxy's order. `extra` are active clients
 * fetched on their own because no loaded page holds them yet; a client in both counts once.
 * Without activity, `clients` itself is returned.
 */
export function activeClientsFirst(clients: Client[], activity: ClientActivityMap, extra: readonly Client[] = []): Client[] {
  if (activity.size === 0) return clients;
  const active = new Map<number, Client>();
  // The listed copy wins over a fetched one: it is what the row showed until now.
  for (const client of [...extra, ...clients]) if (activity.has(client.id)) active.set(client.id, client);
  if (active.size === 0) return clients;
  const recency = (client: Client) => activity.get(client.id)?.order ?? 0;
  const first = [...active.values()].toSorted((a, b) => recency(b) - recency(a));
  return [...first, ...clients.filter((client) => !active.has(client.id))];
}

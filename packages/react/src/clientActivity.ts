import type { ConsoleMessageEvent } from '@c2d-console/core';
import { createExternalStore, type ExternalStore } from './externalStore.js';

/** What happened to one client since the page opened, as the event stream told it. */
export interface ClientActivity {
  /** Messages from the client since it was last opened (selected in `ClientList`, shown in `MessageHistory`, or `markRead`). */
  unread: number;
  /** When the client's newest message was written (the event's `time`, ISO 8601). */
  lastMessageAt: string;
  /** Grows with every message: the client with the most recent activity has the highest. */
  order: number;
}

/** Every client with activity since the page opened, by id. */
export type ClientActivityMap = ReadonlyMap<number, ClientActivity>;

/** The provider's record of client activity: fed by `message` events, read by `ClientList` and `useClientActivity`. */
export interface ClientActivityStore extends Omit<ExternalStore<ClientActivityMap>, 'set'> {
  /** Counts a message: any kind is activity, one from the client (`inbox`) is also unread. */
  record(event: ConsoleMessageEvent): void;
  /** The operator opened the client: nothing of theirs is unread any more. */
  markRead(clientId: number): void;
}

/** Creates an empty {@link ClientActivityStore}. */
export function createClientActivityStore(): ClientActivityStore {
  const store = createExternalStore<ClientActivityMap>(new Map());
  let order = 0;
  return {
    // `set` comes along unseen (the type leaves it out): only `record` and `markRead` change it.
    ...store,
    record({ time, data: { clientId, kind } }) {
      const before = store.get().get(clientId);
      order += 1;
      const unread = (before?.unread ?? 0) + (kind === 'inbox' ? 1 : 0);
      store.set(new Map(store.get()).set(clientId, { unread, lastMessageAt: time, order }));
    },
    markRead(clientId) {
      const before = store.get().get(clientId);
      if (before?.unread) store.set(new Map(store.get()).set(clientId, { ...before, unread: 0 }));
    },
  };
}

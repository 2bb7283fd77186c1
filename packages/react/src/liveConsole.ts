import type { ConsoleEvent } from '@c2d-console/core';
import { createClientActivityStore, type ClientActivityStore } from './clientActivity.js';
import type { ConsoleConnectionStatus } from './eventConnection.js';
import { createExternalStore, type ExternalStore } from './externalStore.js';

/** A handler of console events (`useConsoleEvents`). */
export type ConsoleEventHandler = (event: ConsoleEvent) => void;

/** @internal What a `ConsoleProvider` shares about its event stream: status, client activity, event handlers. */
export interface LiveConsole {
  status: ExternalStore<ConsoleConnectionStatus>;
  activity: ClientActivityStore;
  /** Calls `handler` with every event from now on; returns the unsubscribe. */
  listen(handler: ConsoleEventHandler): () => void;
  /** One event from the stream: recorded, then handed to every handler. */
  receive(event: ConsoleEvent): void;
}

/** @internal Creates the {@link LiveConsole} of one provider. */
export function createLiveConsole(): LiveConsole {
  const handlers = new Set<ConsoleEventHandler>();
  const activity = createClientActivityStore();
  return {
    status: createExternalStore<ConsoleConnectionStatus>('connecting'),
    activity,
    listen(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    receive(event) {
      if (event.type === 'message') activity.record(event);
      for (const handler of handlers) {
        try {
          handler(event);
        } catch (error) {
          // A host handler's bug surfaces as an uncaught error, without breaking the stream
          // (a throw here would end it, and every later event would be read again and again).
          setTimeout(() => {
            throw error;
          });
        }
      }
    },
  };
}

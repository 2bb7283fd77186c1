import { useSyncExternalStore } from 'react';
import { useLiveConsole } from './ConsoleProvider.js';
import type { ConsoleConnectionStatus } from './eventConnection.js';

/**
 * What the provider's event stream is doing: `'connecting'` at first, `'live'` while open (new
 * messages show at once, nothing polls), `'polling'` while it is down or `events={false}` (the
 * history polls; the stream is retried in the background). For a discreet indicator, if any:
 * the console works either way and nothing asks the operator to act.
 */
export function useConsoleConnection(): ConsoleConnectionStatus {
  const { status } = useLiveConsole();
  return useSyncExternalStore(status.subscribe, status.get, status.get);
}

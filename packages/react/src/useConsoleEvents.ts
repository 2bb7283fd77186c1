import { useEffect } from 'react';
import { useLiveConsole } from './ConsoleProvider.js';
import type { ConsoleEventHandler } from './liveConsole.js';
import { useLatest } from './useLatest.js';

/**
 * Calls `handler` with every event of the provider's stream (`message`, `dialog`, `client`,
 * `transfer`, `resync`), after the console has refreshed what the event touches. The latest
 * `handler` is called, so an inline function does not resubscribe. Events are not replayed to
 * a handler that subscribes later.
 */
export function useConsoleEvents(handler: ConsoleEventHandler): void {
  const live = useLiveConsole();
  const latest = useLatest(handler);
  useEffect(() => live.listen((event) => latest.current(event)), [live, latest]);
}

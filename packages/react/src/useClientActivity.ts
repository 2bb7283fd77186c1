import { useSyncExternalStore } from 'react';
import type { ClientActivityMap } from './clientActivity.js';
import { useLiveConsole } from './ConsoleProvider.js';

/** What {@link useClientActivity} returns. */
export interface UseClientActivityResult {
  /** Every client with a message since the page opened: unread count, time of the last message, recency. */
  activity: ClientActivityMap;
  /** Marks the client's messages read (its unread badge goes). `ClientList` and `MessageHistory` do it when the client is opened. */
  markRead: (clientId: number) => void;
}

/**
 * The clients with new messages since the page opened, from the provider's event stream: what
 * `ClientList` moves to the top with an unread badge. For a host's own list, a count in a tab
 * title, or to mark a client read where the console cannot see it opened.
 */
export function useClientActivity(): UseClientActivityResult {
  const { activity } = useLiveConsole();
  const map = useSyncExternalStore(activity.subscribe, activity.get, activity.get);
  return { activity: map, markRead: activity.markRead };
}

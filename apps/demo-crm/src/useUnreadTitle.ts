import { useClientActivity } from '@c2d-console/react';
import { useEffect, useState } from 'react';

/**
 * Puts the count of unread client messages in front of the tab title ("(3) Acme CRM · …"), as a
 * host page would: one hook over the console's own record of activity.
 */
export function useUnreadTitle(): void {
  const { activity } = useClientActivity();
  const [title] = useState(() => document.title);
  const unread = [...activity.values()].reduce((sum, client) => sum + client.unread, 0);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${title}` : title;
  }, [unread, title]);
}

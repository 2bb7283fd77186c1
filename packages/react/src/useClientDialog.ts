import type { Dialog } from '@c2d-console/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useConsoleClient } from './ConsoleProvider.js';
import { consoleQueries } from './consoleQueries.js';

/** Whose dialog {@link useClientDialog} finds: a client id, or a phone (any format; its digits are searched). */
export type ClientDialogTarget = number | { phone: string } | undefined;

/** What {@link useClientDialog} returns. */
export interface ClientDialogResult {
  /** `idle` without a target; `pending` while the client or the dialog is looked up. */
  status: 'idle' | 'pending' | 'error' | 'success';
  /** The client's current dialog; null when the client has none (or no client has the phone). */
  dialog: Dialog | null | undefined;
  /** The client, once known (given, or found by the phone). */
  clientId: number | undefined;
  /** No client has the phone. */
  clientNotFound: boolean;
  error: Error | null;
  /** Asks again for what failed. */
  refetch: () => void;
}

/** How many clients a phone search looks at for one whose phone is exactly those digits. */
const PHONE_MATCHES = 5;

/**
 * A client's current Chat2Desk dialog (the open one, else the latest) through the proxy
 * (`consoleQueries.clientDialog`), by client id or by phone: `useClientDialog(1007)`,
 * `useClientDialog({ phone: '+7 701 234-56-78' })`. A phone is looked up first among the
 * clients (an exact match of its digits wins over a partial one). Idle without a target.
 */
export function useClientDialog(target: ClientDialogTarget): ClientDialogResult {
  const api = useConsoleClient();
  const digits = typeof target === 'object' ? target.phone.replace(/\D/g, '') : undefined;
  const byPhone = useInfiniteQuery({
    ...consoleQueries.clients(api, { phone: digits, pageSize: PHONE_MATCHES }),
    enabled: Boolean(digits),
  });
  const found = byPhone.data?.pages[0]?.data;
  const clientId = typeof target === 'number' ? target : (found?.find((c) => c.phone === digits) ?? found?.[0])?.id;
  const dialog = useQuery(consoleQueries.clientDialog(api, clientId));

  // A "phone" without digits is nobody's (and must not search with a blank phone: every client).
  const clientNotFound = digits === '' || (found !== undefined && found.length === 0);
  const failed = byPhone.error ?? dialog.error;
  let status: ClientDialogResult['status'];
  if (target === undefined) status = 'idle';
  else if (failed) status = 'error';
  else if (clientNotFound || dialog.isSuccess) status = 'success';
  else status = 'pending';
  return {
    status,
    dialog: clientNotFound ? null : dialog.data,
    clientId,
    clientNotFound,
    error: failed,
    refetch: () => void (byPhone.error ? byPhone.refetch() : dialog.refetch()),
  };
}

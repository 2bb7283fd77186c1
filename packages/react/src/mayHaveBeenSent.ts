import { isConsoleApiError } from '@c2d-console/core';

/**
 * Whether a failed send may still have reached the client (timeout, upstream 5xx, the proxy's
 * answer lost on the way): then the history, not the error, says whether it went out. Only a
 * refusal proves nothing went to Chat2Desk: the proxy's own 4xx (bad request, auth, forbidden,
 * not found, too large, rate limited), or Chat2Desk refusing the proxy's token or quota.
 */
export function mayHaveBeenSent(error: unknown): boolean {
  return !isConsoleApiError(error) || !((error.status >= 400 && error.status < 500) || /^upstream_(auth|quota)$/.test(error.code));
}

import { isConsoleApiError, type ApiErrorCode } from '@c2d-console/core';

// Answers after which the proxy has proven nothing went to Chat2Desk: it refused the request, or
// Chat2Desk refused it. Anything else (a timeout, a 5xx, an answer that never arrived) is unknown.
const NOT_SENT: ReadonlySet<ApiErrorCode> = new Set([
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  'rate_limited',
  'upstream_auth',
  'upstream_quota',
]);

/**
 * Whether a failed send may still have reached the client (timeout, upstream 5xx, the proxy's
 * answer lost on the way): then the history, not the error, says whether it went out.
 */
export function mayHaveBeenSent(error: unknown): boolean {
  return !isConsoleApiError(error) || !NOT_SENT.has(error.code);
}

import { ProxyError } from '../ProxyError.js';
import type { C2DError } from './chat2deskTypes.js';

/**
 * What Chat2Desk's error bodies mean (shared/chat2desk-api.md, "Transport", ⚠ Errors often arrive
 * in the body). Chat2Desk reports many errors as `{"status":"error","message":…,"errors":…}`
 * whatever the HTTP status, often 200, so the body is read before the status. The known
 * messages are this one table: when Chat2Desk words one differently, change it here.
 */

/** What an error body asks the proxy to do. */
export type BodyErrorKind =
  /** No such record: 404 `not_found`. */
  | 'not_found'
  /** The token was rejected: 502 `upstream_auth` (the proxy's admin must fix it). */
  | 'token_rejected'
  /** The short-window limit: back off, retry GETs, then 429 `rate_limited`. */
  | 'rate_limited'
  /** The monthly quota: 503 `upstream_quota`, never retried. */
  | 'quota'
  /** Anything else: a refusal whose message (and `errors`) says why. */
  | 'refused';

/** Chat2Desk's known error messages, matched case-insensitively as a part of `message`. */
export const CHAT2DESK_ERROR_MESSAGES: ReadonlyArray<readonly [text: string, kind: BodyErrorKind]> = [
  ['not_found', 'not_found'],
  ['Page not found', 'not_found'],
  ['Token is not correct', 'token_rejected'],
  ['You need to auth', 'token_rejected'],
  ['Number of API requests exceeded', 'rate_limited'],
  ['API calls exceeded API limit per month', 'quota'],
];

/** An error body, read. */
export interface BodyError {
  kind: BodyErrorKind;
  /** Chat2Desk's `message`, with its `errors` details after it: `Validation failed (transport: transport is incorrect)`. */
  reason: string;
}

const MAX_REASON = 300;

/** `errors` as one line: `field: message; other: message`, or the string itself. */
function describeDetails(errors: C2DError['errors'] | unknown): string {
  if (typeof errors === 'string') return errors;
  if (!errors || typeof errors !== 'object' || Array.isArray(errors)) return '';
  return Object.entries(errors as Record<string, unknown>)
    .map(([field, messages]) => {
      const text = Array.isArray(messages) ? messages.filter((m) => typeof m === 'string').join(', ') : typeof messages === 'string' ? messages : '';
      return text ? `${field}: ${text}` : field;
    })
    .join('; ');
}

/** Which kind a message is, by {@link CHAT2DESK_ERROR_MESSAGES}; `refused` for any other. */
export function errorKindOf(message: string): BodyErrorKind {
  const lower = message.toLowerCase();
  return CHAT2DESK_ERROR_MESSAGES.find(([text]) => lower.includes(text.toLowerCase()))?.[1] ?? 'refused';
}

/**
 * Reads Chat2Desk's error envelope out of an answer's body, whatever its HTTP status. Undefined
 * when the body is not one (not JSON, or JSON without `status: "error"`), and when its message
 * is not a known one while the HTTP status says more (401/403, 404, 429, 5xx): the status
 * decides then. `redact` hides secrets in the reason before it is shortened.
 */
export function readBodyError(raw: string, httpStatus = 200, redact: (text: string) => string = (text) => text): BodyError | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!body || typeof body !== 'object' || (body as { status?: unknown }).status !== 'error') return undefined;
  const { message, errors } = body as { message?: unknown; errors?: unknown };
  const text = typeof message === 'string' && message.trim() ? message.trim() : 'error';
  const details = describeDetails(errors);
  // A message that repeats its details (a plain-string `errors`) is not written twice.
  const reason = details && details !== text ? `${text} (${details})` : text;
  const kind = errorKindOf(`${text} ${details}`);
  const statusSaysMore = [401, 403, 404, 429].includes(httpStatus) || httpStatus >= 500;
  if (kind === 'refused' && statusSaysMore) return undefined;
  // Redacted before it is cut, so a token straddling the cut cannot leave its first characters.
  return { kind, reason: redact(reason).slice(0, MAX_REASON) };
}

/**
 * The answer when Chat2Desk's monthly quota is used up: 503 `upstream_quota`, with the seconds
 * until the proxy asks Chat2Desk again as `Retry-After`.
 */
export function quotaError(retryAfterSeconds: number): ProxyError {
  return new ProxyError(
    503,
    'upstream_quota',
    "Chat2Desk's monthly API quota for this account is used up (Chat2Desk: “API calls exceeded API limit per month”). " +
      "Ask your Chat2Desk admin to raise the account's API limit or top up its balance; until then every call is refused.",
    Math.max(1, Math.ceil(retryAfterSeconds)),
  );
}

/** Seconds the proxy stops calling Chat2Desk after it reported the monthly quota used up. */
export const QUOTA_HOLD_SECONDS = 60;

/**
 * The proxy's answer to an error body, except the short-window limit (the upstream client
 * retries that one like an HTTP 429). `notFound` is the message of a 404 (`Client 7 not found`).
 */
export function bodyErrorAnswer(error: BodyError, method: string, notFound?: string): ProxyError {
  switch (error.kind) {
    case 'not_found':
      return new ProxyError(404, 'not_found', notFound ?? 'Chat2Desk has no such record');
    case 'token_rejected':
      return new ProxyError(
        502,
        'upstream_auth',
        `Chat2Desk rejected the proxy's API token (“${error.reason}”); the proxy's admin must set CHAT2DESK_API_TOKEN to a valid token of the account`,
      );
    case 'quota':
      return quotaError(QUOTA_HOLD_SECONDS);
    case 'rate_limited':
      return new ProxyError(429, 'rate_limited', "Chat2Desk's rate limit was reached; retry in a few seconds", 1);
    case 'refused':
      // A write Chat2Desk refused is the caller's to fix (the reason names the field); a refused read is the proxy's.
      return method === 'GET'
        ? new ProxyError(502, 'upstream_error', `Chat2Desk refused the proxy's request: ${error.reason}`)
        : new ProxyError(400, 'bad_request', `Chat2Desk refused the request: ${error.reason}`);
  }
}

import type { ApiErrorCode } from '@c2d-console/core';

/** Codes the proxy itself answers (the client-only `network_error`/`bad_response` excluded). */
export type ProxyErrorCode = Exclude<ApiErrorCode, 'network_error' | 'bad_response'>;

/**
 * An error the proxy answers with its `{ error: { code, message } }` envelope. Messages are
 * written for the browser developer and never carry the Chat2Desk token or a stack trace.
 */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';

  /** HTTP status to answer. */
  readonly status: number;

  /** Machine-readable code of the envelope. */
  readonly code: ProxyErrorCode;

  /** Seconds for a `Retry-After` header (429 answers). */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: ProxyErrorCode, message: string, retryAfter?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }
}

/** Narrows an unknown thrown value to a {@link ProxyError}. */
export function isProxyError(error: unknown): error is ProxyError {
  return error instanceof ProxyError;
}

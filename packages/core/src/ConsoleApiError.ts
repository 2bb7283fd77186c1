import type { ApiErrorCode } from './types.js';

/**
 * An error answered by the c2d-console proxy (HTTP 4xx/5xx with the `{ error: { code, message } }`
 * envelope), or a failure to reach it at all (`status` 0, code `network_error`).
 */
export class ConsoleApiError extends Error {
  override readonly name = 'ConsoleApiError';

  /** HTTP status of the proxy's answer; 0 when the proxy could not be reached. */
  readonly status: number;

  /** Machine-readable code from the proxy's error envelope. */
  readonly code: ApiErrorCode;

  /** Seconds to wait before retrying, from `Retry-After`, when the proxy sent one. */
  readonly retryAfter: number | undefined;

  constructor(status: number, code: ApiErrorCode, message: string, retryAfter?: number) {
    super(message);
    this.status = status;
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** True for answers that retrying the same request cannot fix (4xx other than 408 and 429). */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500 && this.status !== 408 && this.status !== 429;
  }
}

/** Narrows an unknown thrown value to a {@link ConsoleApiError}. */
export function isConsoleApiError(error: unknown): error is ConsoleApiError {
  return error instanceof ConsoleApiError;
}

import type { C2DError } from '../upstream/chat2deskTypes.js';

/** A request the fake Chat2Desk refuses: 400 for bad input, 401 without a usable token, 404 for unknown ids. */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';

  /** The sandbox's own status; the API answers it the way Chat2Desk does (`sandboxFailure`). */
  readonly status: 400 | 401 | 404;

  /** The input field a 400 is about (Chat2Desk names it in `errors`). */
  readonly field: string | undefined;

  constructor(status: 400 | 401 | 404, message: string, field?: string) {
    super(message);
    this.status = status;
    this.field = field;
  }
}

/**
 * The status and message to answer for an error thrown while handling a sandbox request: a
 * {@link SandboxError}'s own, else a 500 that says nothing more (the error goes to the log).
 */
export function sandboxFailure(error: Error): { status: 400 | 401 | 404 | 500; message: string } {
  if (error instanceof SandboxError) return { status: error.status, message: error.message };
  console.error('[c2d sandbox]', error);
  return { status: 500, message: 'The sandbox failed to answer; see the server log' };
}

/**
 * An error as the fake API answers it, in Chat2Desk's envelope and habits (shared/chat2desk-api.md,
 * ⚠ errors in the body): an unknown record is `not_found` with HTTP 200, a refused input is
 * `Validation failed` with the field in `errors` (HTTP 400), a missing token `You need to auth`
 * (HTTP 401). Anything else keeps its message.
 */
export function sandboxErrorAnswer(error: Error): { status: 200 | 400 | 401 | 500; body: C2DError } {
  const { status, message } = sandboxFailure(error);
  if (status === 404) return { status: 200, body: { status: 'error', message: 'not_found' } };
  if (status === 400) {
    const field = error instanceof SandboxError ? error.field : undefined;
    return { status, body: { status: 'error', message: 'Validation failed', errors: field ? { [field]: [message] } : message } };
  }
  return { status, body: { status: 'error', message } };
}

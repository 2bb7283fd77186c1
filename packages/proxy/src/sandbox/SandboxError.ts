/** A request the fake Chat2Desk refuses: 400 for bad input, 404 for unknown ids. */
export class SandboxError extends Error {
  override readonly name = 'SandboxError';

  /** HTTP status to answer. */
  readonly status: 400 | 401 | 404;

  constructor(status: 400 | 401 | 404, message: string) {
    super(message);
    this.status = status;
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

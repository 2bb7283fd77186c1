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

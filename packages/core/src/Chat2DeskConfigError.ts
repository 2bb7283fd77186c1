/**
 * Thrown when the host developer configures c2d-console wrongly (an unknown frame mode, a
 * missing dialog id, a host that is not an https origin, ...). The message says what to fix;
 * production builds of the browser package say only which option was wrong.
 */
export class Chat2DeskConfigError extends Error {
  override readonly name = 'Chat2DeskConfigError';

  /** Which option was wrong, e.g. `"host"`, `"mode"` or `"dialogId"`. */
  readonly option: string;

  constructor(option: string, message: string = `c2d-console: invalid ${option}`) {
    super(message);
    this.option = option;
  }
}

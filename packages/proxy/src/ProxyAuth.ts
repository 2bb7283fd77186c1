import type { ConsoleAction } from '@c2d-console/core';

/** What `authorize` may answer instead of `true`: the request is allowed, and this is who sent it. */
export interface AuthorizedCaller {
  subject?: string;
  operatorId?: number;
}

/**
 * How the proxy decides whether a browser request may use the Chat2Desk token. Give
 * `jwtSecret`, `authorize`, or both (then both must pass).
 */
export interface ProxyAuth {
  /**
   * HS256 secret: every request must carry `Authorization: Bearer <JWT>` signed with it and
   * holding an `exp` claim in the future. Missing, bad or expired tokens answer 401.
   */
  jwtSecret?: string;
  /**
   * A host-side check (a session cookie, an API key...), told what the request would do:
   * `action` is `read` for every GET, else the write's ({@link ConsoleAction}), so a CRM can give
   * read-only seats. `false` answers 403 naming the action; a thrown error answers 500. Answer
   * an object instead of `true` to say who the user is: `subject` (their id in your app, which
   * scopes idempotency keys) and `operatorId` (the Chat2Desk operator they are, so their sends
   * are attributed to them and their dialog changes name them as the initiator).
   */
  authorize?: (request: Request, context: AuthorizeContext) => boolean | AuthorizedCaller | Promise<boolean | AuthorizedCaller>;
}

/** What `authorize` is told about a request besides the request itself. */
export interface AuthorizeContext {
  /** What the request would do. */
  action: ConsoleAction;
}

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
   * A host-side check (a session cookie, an API key...). `false` answers 403; a thrown error
   * answers 500. Answer an object instead of `true` to say who the user is: `subject` (their id
   * in your app, which scopes idempotency keys) and `operatorId` (the Chat2Desk operator they
   * are, so their sends are attributed to them).
   */
  authorize?: (request: Request) => boolean | AuthorizedCaller | Promise<boolean | AuthorizedCaller>;
}

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
   * answers 500.
   */
  authorize?: (request: Request) => boolean | Promise<boolean>;
}

import type { MiddlewareHandler } from 'hono';
import { verify } from 'hono/jwt';
import { createMemoryCache } from '../store/createMemoryCache.js';
import { ANONYMOUS_CALLER, callerFromClaims, mergeCallers, type Caller } from '../Caller.js';
import type { ProxyAuth } from '../ProxyAuth.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { ProxyError } from '../ProxyError.js';

const unauthorized = (message: string) => new ProxyError(401, 'unauthorized', message);

/**
 * What is wrong with a verified JWT's time claims (`exp` required; `nbf`, `iat` optional), in
 * words for the host's developer; undefined when they hold at `now` (seconds).
 */
function timeClaimsProblem(claims: Record<string, unknown>, now: number): string | undefined {
  for (const name of ['exp', 'nbf', 'iat'] as const) {
    const value = claims[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value))) {
      return `The bearer token is malformed: its ${name} claim must be a number of seconds since 1970 (got ${typeof value === 'string' ? 'a string' : String(value)})`;
    }
  }
  const { exp, nbf, iat } = claims as { exp?: number; nbf?: number; iat?: number };
  if (exp === undefined) return 'The bearer token must carry an exp claim';
  if (exp <= now) return 'The bearer token has expired; get a new one from the host app';
  if (nbf !== undefined && nbf > now) return 'The bearer token is not valid yet (its nbf claim is in the future)';
  if (iat !== undefined && iat > now) return "The bearer token was issued in the future (its iat claim); check the host app's clock";
  return undefined;
}

/**
 * Enforces {@link ProxyAuth}: a bearer JWT (401 when missing, invalid or expired), the host's
 * `authorize` hook (403 when it says no), or both. Applied to the API sub-app only.
 */
export function requireAuth(auth: ProxyAuth): MiddlewareHandler<ProxyEnv> {
  const { jwtSecret, authorize } = auth;
  // A browser sends the same JWT with every request: remember verified ones until they expire
  // (at most a minute) instead of checking the signature each time.
  const verified = createMemoryCache({ maxEntries: 1000 });
  return async function checkAuth(c, next) {
    let caller: Caller = ANONYMOUS_CALLER;
    if (jwtSecret !== undefined) {
      const header = c.req.header('authorization') ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
      if (!match?.[1]) {
        c.header('WWW-Authenticate', 'Bearer');
        throw unauthorized('Send Authorization: Bearer <token>, a JWT signed by the host app');
      }
      const jwt = match[1];
      const known = verified.get(jwt) as Caller | undefined;
      if (known) {
        caller = known;
      } else {
        let payload: Record<string, unknown>;
        try {
          // The signature only: hono checks the time claims before it, and calls a string `exp` expired.
          payload = await verify(jwt, jwtSecret, { alg: 'HS256', exp: false, nbf: false, iat: false });
        } catch {
          c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
          throw unauthorized('The bearer token is not valid');
        }
        const problem = timeClaimsProblem(payload, Math.floor(Date.now() / 1000));
        if (problem) {
          c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
          throw unauthorized(problem);
        }
        caller = callerFromClaims(payload);
        verified.set(jwt, caller, Math.min((payload.exp as number) * 1000 - Date.now(), 60_000));
      }
    }
    if (authorize) {
      const answer = await authorize(c.req.raw);
      if (!answer) throw new ProxyError(403, 'forbidden', 'This request is not allowed by the host app');
      if (typeof answer === 'object') caller = mergeCallers(caller, answer);
    }
    c.set('caller', caller);
    await next();
  };
}

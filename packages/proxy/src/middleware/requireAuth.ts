import type { ConsoleAction } from '@c2d-console/core';
import type { Context, MiddlewareHandler } from 'hono';
import { verify } from 'hono/jwt';
import { createMemoryCache } from '../store/createMemoryCache.js';
import { ANONYMOUS_CALLER, callerFromClaims, mergeCallers, type Caller } from '../Caller.js';
import type { ProxyAuth } from '../ProxyAuth.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { ProxyError } from '../ProxyError.js';

const unauthorized = (message: string) => new ProxyError(401, 'unauthorized', message);

/** The 403 of an action the JWT's `c2d_scope` leaves out. */
export const outOfScope = (action: ConsoleAction) =>
  new ProxyError(403, 'forbidden', `This seat may not do "${action}": its c2d_scope does not include it. Ask your admin for the right.`);

/** The 403 of an action the host's `authorize` refused. */
export const refusedByHost = (action: ConsoleAction) =>
  new ProxyError(403, 'forbidden', `The host app does not allow "${action}" for this user`);

/**
 * The per-request `authorize(action)` routes call (through `can`): the JWT's scope first, then
 * the host's hook, whose answer may name the caller.
 */
function authorizerFor(c: Context<ProxyEnv>, authorize: ProxyAuth['authorize']): (action: ConsoleAction) => Promise<void> {
  return async (action) => {
    const { actions } = c.var.caller;
    if (actions && !actions.includes(action)) throw outOfScope(action);
    if (!authorize) return;
    const answer = await authorize(c.req.raw, { action });
    if (!answer) throw refusedByHost(action);
    if (typeof answer === 'object') c.set('caller', mergeCallers(c.var.caller, answer));
  };
}

/** The API's guard without auth (sandbox, `insecureNoAuth`): everyone is anonymous and may do everything. */
export const allowAnonymous: MiddlewareHandler<ProxyEnv> = async function anonymous(c, next) {
  c.set('caller', ANONYMOUS_CALLER);
  c.set('authorize', async () => {});
  await next();
};

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
 * Enforces {@link ProxyAuth}: a bearer JWT (401 when missing, invalid or expired; its claims
 * name the caller), and prepares `c.var.authorize(action)`, which each route runs before its
 * work (the `can` middleware): the JWT's `c2d_scope`, then the host's `authorize` hook, 403
 * naming the action when either says no. Applied to the API sub-app only.
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
        try {
          caller = callerFromClaims(payload);
        } catch (error) {
          c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
          throw unauthorized(`The bearer token is malformed: ${(error as Error).message}`);
        }
        verified.set(jwt, caller, Math.min((payload.exp as number) * 1000 - Date.now(), 60_000));
      }
    }
    c.set('caller', caller);
    c.set('authorize', authorizerFor(c, authorize));
    await next();
  };
}

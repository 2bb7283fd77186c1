import { sign } from 'hono/jwt';

/** The HS256 secret auth tests configure (`auth: { jwtSecret: TEST_JWT_SECRET }`). */
export const TEST_JWT_SECRET = 'jwt-secret-for-tests-9c8b7a6f5e4d3c2b1a00';

/** Now, in the seconds of a JWT's `exp`. */
export const nowSeconds = () => Math.floor(Date.now() / 1000);

/** An `Authorization: Bearer` header for `jwt`. */
export const bearer = (jwt: string) => ({ authorization: `Bearer ${jwt}` });

/** A JWT the proxy accepts: signed with {@link TEST_JWT_SECRET}, expiring in a minute, with any extra `claims`. */
export const validJwt = (claims: Record<string, unknown> = {}) => sign({ sub: 'op-1', exp: nowSeconds() + 60, ...claims }, TEST_JWT_SECRET, 'HS256');

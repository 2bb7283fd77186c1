// The c2d-console proxy as a Next.js route handler: every method under /api/c2d/* goes to it.
// No CHAT2DESK_API_TOKEN: sandbox mode, a seeded fake Chat2Desk in process, no auth. With a
// token the proxy refuses to start until auth is configured (`auth: { jwtSecret }` or
// `auth: { authorize(request) }` checking your session).
import { createProxy } from '@c2d-console/proxy';

const proxy = createProxy({
  token: process.env.CHAT2DESK_API_TOKEN,
  // Route handlers get the whole URL; the proxy strips this prefix itself.
  basePath: '/api/c2d',
});

const handle = (request: Request) => proxy.fetch(request);

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
export const OPTIONS = handle;

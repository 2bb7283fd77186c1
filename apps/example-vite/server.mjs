// The example's server: the c2d-console proxy under /api/c2d and the built page, on one port.
// No CHAT2DESK_API_TOKEN: sandbox mode, a seeded fake Chat2Desk in process, no auth, so it only
// listens on 127.0.0.1. With a token the proxy refuses to start until auth is configured
// (`auth: { authorize(request) }` checking your session, or `auth: { jwtSecret }`).
import { fileURLToPath } from 'node:url';
import { getRequestListener } from '@hono/node-server';
import { createProxy } from '@c2d-console/proxy';
import express from 'express';

const proxy = createProxy({ token: process.env.CHAT2DESK_API_TOKEN });

const app = express();
// Before any body parser: the proxy reads the body itself. app.use strips the /api/c2d prefix.
app.use('/api/c2d', getRequestListener(proxy.fetch));
app.use(express.static(fileURLToPath(new URL('./dist/', import.meta.url))));

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, '127.0.0.1', (error) => {
  if (error) throw error;
  console.info(`example-vite: http://127.0.0.1:${server.address().port}/`);
});

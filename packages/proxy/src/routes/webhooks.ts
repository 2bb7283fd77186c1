import { Hono, type MiddlewareHandler } from 'hono';
import { createSecretCheck, createSignatureCheck } from '../events/webhookAuth.js';
import { limitBody } from '../middleware/limitBody.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { ProxyError } from '../ProxyError.js';
import { isWebhookDelivery } from '../upstream/readWebhook.js';

/** Largest webhook delivery accepted: a message with its client card and attachment links is a few KiB. */
export const MAX_WEBHOOK_BYTES = 256 * 1024;

// A wrong secret is answered as a path that does not exist, naming neither path nor secret.
const noSuchRoute = () => new ProxyError(404, 'not_found', 'No such route; see the routes in @c2d-console/proxy\'s README');

/**
 * `POST /webhooks/chat2desk/:secret`: Chat2Desk's webhook deliveries, public (Chat2Desk sends no
 * JWT): the secret in the path, compared in constant time, proves the sender, as does the HMAC
 * signature when configured. A wrong or missing secret answers 404 (also when none is
 * configured: no webhooks then). A delivery answers 200 once it is stored: Chat2Desk retries
 * anything else, and disables a webhook after five hours of failures.
 */
export function createWebhooksRoutes({ options, live }: ProxyDeps) {
  const { secret, signature } = options.live.webhooks;
  const signed = signature ? createSignatureCheck(signature) : undefined;
  const isSecret = secret === undefined ? undefined : createSecretCheck(secret);
  const checkSecret: MiddlewareHandler<ProxyEnv> = async function checkWebhookSecret(c, next) {
    if (!isSecret || !(await isSecret(c.req.param('secret') ?? ''))) throw noSuchRoute();
    await next();
  };
  return new Hono<ProxyEnv>().post('/chat2desk/:secret', checkSecret, limitBody(MAX_WEBHOOK_BYTES), async (c) => {
    const body = new Uint8Array(await c.req.arrayBuffer());
    if (signature && signed && !(await signed(body, c.req.header(signature.header)))) {
      throw new ProxyError(401, 'unauthorized', `The delivery's ${signature.header} signature is missing or wrong; check the signing key (C2D_WEBHOOK_SIGNATURE_KEY) and algorithm`);
    }
    let payload: unknown;
    try {
      payload = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
      throw new ProxyError(400, 'bad_request', 'A webhook delivery must be a UTF-8 JSON object');
    }
    if (!isWebhookDelivery(payload)) throw new ProxyError(400, 'bad_request', 'A webhook delivery must be a JSON object with a hook_type');
    const stored = await live.receiver.receive(payload, body);
    return c.json({ data: stored });
  });
}

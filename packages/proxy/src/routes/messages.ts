import { sendFingerprint, type SendMessageInput } from '@c2d-console/core';
import { Hono } from 'hono';
import { limitBody } from '../middleware/limitBody.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapSendResult, sendMessageBody } from '../upstream/mappers.js';
import { C2D_PATHS, messagesCachePrefix } from '../upstream/paths.js';
import { sendMessageSchema } from './requestSchemas.js';
import { jsonBody, validJson } from './validators.js';

/** A digest of what a send says, so a reused idempotencyKey with different content is caught. */
async function fingerprint(input: SendMessageInput): Promise<string> {
  const text = sendFingerprint(input);
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * `POST /messages`: sends a message to a client, at most once per caller and `idempotencyKey`
 * (anonymous callers share one scope); never retried upstream. Attributed to the caller's
 * operator (`c2d_operator_id`) when auth knows it. Answers 201 with the send result.
 */
export function createMessagesRoutes({ upstream, idempotency, options }: ProxyDeps) {
  return new Hono<ProxyEnv>().post('/', limitBody(options.maxBodyBytes), jsonBody, validJson(sendMessageSchema), async (c) => {
    const input = c.req.valid('json');
    const send = async () => {
      try {
        return await upstream.post(C2D_PATHS.messages, sendMessageBody(input, c.var.caller.operatorId), mapSendResult, c.var.stats, {
          notFound: `Client ${input.clientId} not found`,
        });
      } finally {
        // Also after a failure: a timed-out send may still have reached the client's history.
        await upstream.invalidate(messagesCachePrefix(input.clientId));
      }
    };
    // Keys are the caller's own: another user's identical key and text is another message.
    const result = input.idempotencyKey
      ? await idempotency.run({ scope: c.var.caller.subject, key: input.idempotencyKey, fingerprint: await fingerprint(input) }, send)
      : await send();
    return c.json({ data: result }, 201);
  });
}

import { sendFingerprint } from '@c2d-console/core';
import { Hono } from 'hono';
import { can } from '../middleware/can.js';
import { limitBody } from '../middleware/limitBody.js';
import type { ProxyDeps } from '../ProxyDeps.js';
import type { ProxyEnv } from '../ProxyEnv.js';
import { mapSendResult, sendMessageBody } from '../upstream/mappers.js';
import { C2D_PATHS, messagesCachePrefix } from '../upstream/paths.js';
import { sendMessageSchema } from './requestSchemas.js';
import { runOnce } from './runOnce.js';
import { jsonBody, validJson } from './validators.js';

/**
 * `POST /messages`: sends a message to a client, or leaves an internal note (`type: "comment"`,
 * the `note` action; a message is `send`), with a file (`attachment`) or without; at most once
 * per caller and `idempotencyKey` (anonymous callers share one scope); never retried upstream.
 * Attributed to the caller's operator (`c2d_operator_id`) when auth knows it. Answers 201 with
 * the send result, and tells every open console at once (a `message` event, the same one
 * Chat2Desk's `outbox` or `comment` webhook brings, which is then stored once).
 */
export function createMessagesRoutes({ upstream, idempotency, options, live }: ProxyDeps) {
  return new Hono<ProxyEnv>().post(
    '/',
    limitBody(options.maxBodyBytes),
    jsonBody,
    validJson(sendMessageSchema),
    // The body says which right it needs; it is valid JSON by now (and read once, by Hono).
    can(async (c) => (((await c.req.json()) as { type?: string }).type === 'comment' ? 'note' : 'send')),
    async (c) => {
      const input = c.req.valid('json');
      const send = async () => {
        let result;
        try {
          result = await upstream.post(C2D_PATHS.messages, sendMessageBody(input, c.var.caller.operatorId), mapSendResult, c.var.stats, {
            notFound: `Client ${input.clientId} not found`,
          });
        } finally {
          // Also after a failure: a timed-out send may still have reached the client's history.
          await upstream.invalidate(messagesCachePrefix(input.clientId));
        }
        const kind = input.type === 'comment' ? 'comment' : 'outbox';
        await live.writes.announce({
          // Chat2Desk's own webhook for this message has the same key: whichever comes second is stored once.
          dedupeKey: `${kind}:${result.messageId}`,
          touches: { clientId: input.clientId, dialogId: result.dialogId, messages: true, client: false, dialog: result.dialogId !== null },
          events: [
            {
              type: 'message',
              time: new Date().toISOString(),
              data: { kind, clientId: input.clientId, dialogId: result.dialogId, messageId: result.messageId, messageType: input.type ?? 'to_client', text: input.text },
            },
          ],
          payload: { write: 'message', clientId: input.clientId, type: input.type ?? 'to_client', operatorId: c.var.caller.operatorId, messageId: result.messageId },
        });
        return result;
      };
      // Keys are the caller's own: another user's identical key and text is another message.
      const result = await runOnce(idempotency, c.var.caller, { key: input.idempotencyKey, fingerprint: sendFingerprint(input) }, send);
      return c.json({ data: result }, 201);
    },
  );
}

import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ProxyError } from '../ProxyError.js';

/**
 * Hono's `bodyLimit` answering the proxy's 413 `payload_too_large` envelope; it also counts
 * streamed bodies sent without `Content-Length`. Only for routes with a body: checking a GET's
 * would build a full Request for nothing.
 */
export function limitBody(maxBytes: number): MiddlewareHandler {
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ProxyError(413, 'payload_too_large', `The request body is larger than ${Math.floor(maxBytes / 1024)} KiB`);
    },
  });
}

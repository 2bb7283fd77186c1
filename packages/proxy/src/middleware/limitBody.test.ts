import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, request } = setupLiveProxy();

describe('limitBody', () => {
  it('answers 413 payload_too_large for a body over 64 KiB, without calling Chat2Desk', async () => {
    await start({ insecureNoAuth: true });
    const answer = await request('/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ clientId: 11, text: 'x'.repeat(70 * 1024) }),
    });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toEqual({ error: { code: 'payload_too_large', message: 'The request body is larger than 64 KiB' } });
    expect(upstream.calls).toHaveLength(0);
  });

  it('counts a streamed body without Content-Length too', async () => {
    await start({ insecureNoAuth: true, maxBodyBytes: 1024 });
    const chunk = new TextEncoder().encode('x'.repeat(600));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(chunk);
        controller.enqueue(chunk);
        controller.close();
      },
    });
    const answer = await request('/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(answer.status).toBe(413);
  });
});

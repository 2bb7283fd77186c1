import { waitFor } from '@testing-library/react';
import { delay, http } from 'msw';
import { createConsoleClient } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import { consoleQueries } from './consoleQueries.js';
import { failOnce } from './test/handlers.js';
import { renderHookWithConsole } from './test/renderWithConsole.js';
import { setupConsoleServer, TEST_API_URL } from './test/setupConsoleServer.js';
import { useSendMessage } from './useSendMessage.js';

const { server, sent } = setupConsoleServer();

const renderSend = () => renderHookWithConsole(() => useSendMessage());

describe('useSendMessage', () => {
  it('gives two sends of the same text at the same time their own keys (both are delivered)', async () => {
    server.use(
      http.post(`${TEST_API_URL}/messages`, async () => {
        await delay(50);
        return undefined;
      }),
    );
    const { result } = renderSend();
    await Promise.all([
      result.current.mutateAsync({ clientId: 1001, text: 'ok' }),
      result.current.mutateAsync({ clientId: 1001, text: 'ok' }),
    ]);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.idempotencyKey).not.toBe(sent[1]?.idempotencyKey);
  });

  it('reuses the key of a failed send when the same message is sent again, and only then', async () => {
    server.use(failOnce('post', `${TEST_API_URL}/messages`, { status: 504, code: 'upstream_timeout' }));
    const { result } = renderSend();
    await expect(result.current.mutateAsync({ clientId: 1001, text: 'hello' })).rejects.toThrow('Chat2Desk is unavailable');
    await result.current.mutateAsync({ clientId: 1002, text: 'hello' });
    await result.current.mutateAsync({ clientId: 1001, text: 'hello' });
    await result.current.mutateAsync({ clientId: 1001, text: 'hello' });
    await waitFor(() => expect(sent).toHaveLength(4));
    const [failed, otherClient, retry, fresh] = sent.map((body) => body.idempotencyKey);
    expect(otherClient).not.toBe(failed);
    expect(retry).toBe(failed);
    // Delivered now: the next identical text is a new message with a new key.
    expect(fresh).not.toBe(failed);
  });

  it('shows a note or a message with a file at once as what it is: its type and its attachment', async () => {
    server.use(http.post(`${TEST_API_URL}/messages`, () => new Promise<undefined>(() => {})));
    const { result, queryClient } = renderSend();
    const api = createConsoleClient({ apiUrl: TEST_API_URL });
    await queryClient.prefetchInfiniteQuery(consoleQueries.messages(api, 1001));
    result.current.mutate({ clientId: 1001, text: 'See the scan', type: 'comment', attachment: { url: 'https://files.example/scan.PDF?v=2' } });
    await waitFor(() => expect(queryClient.getQueryData(consoleQueries.messages(api, 1001).queryKey)?.pages[0]?.data[0]?.status).toBe('sending'));
    expect(queryClient.getQueryData(consoleQueries.messages(api, 1001).queryKey)?.pages[0]?.data[0]).toMatchObject({
      text: 'See the scan',
      type: 'comment',
      attachments: [{ url: 'https://files.example/scan.PDF?v=2', kind: 'pdf', name: null }],
    });
  });
});

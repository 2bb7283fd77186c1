import type { Dialog } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { start, call } = setupLiveProxy();

describe('dialogs route', () => {
  it('GET /dialogs/:id maps the dialog', async () => {
    await start();
    const { body } = await call('/dialogs/900');
    expect(body).toEqual({
      data: {
        id: 900,
        state: 'open',
        begin: '2026-11-01T11:30:15.000Z',
        end: null,
        operatorId: 7,
        clientId: 11,
        lastMessage: '2026-11-01T11:31:00.000Z',
        messagesCount: 2,
      } satisfies Dialog,
    });
    expect((await call('/dialogs/901')).body.error.message).toBe('Dialog 901 not found');
  });
});

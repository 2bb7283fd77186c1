import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { mapDialog } from '../upstream/mappers.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('dialogs route', () => {
  it('GET /dialogs/:id maps the dialog, its client taken from last_message', async () => {
    await start();
    const { body } = await call('/dialogs/5501');
    expect(body).toEqual({ data: mapDialog(c2d.dialogItem) });
    expect(body.data).toMatchObject({ clientId: 1201, messagesCount: 12, lastMessageAt: '2025-09-09T13:20:25.000Z' });
    expect(upstream.calls[0]?.path).toBe('/v1/dialogs/5501');
  });

  it('GET /dialogs/:id answers 404 naming the dialog when Chat2Desk has none', async () => {
    await start();
    expect(await call('/dialogs/901')).toMatchObject({ status: 404, body: { error: { code: 'not_found', message: 'Dialog 901 not found' } } });
  });
});

import type { Operator } from '@c2d-console/core';
import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('operators route', () => {
  it('GET /operators answers the whole list by default', async () => {
    await start();
    const { body } = await call('/operators');
    expect(upstream.calls[0]?.path).toBe('/v1/operators?limit=200&offset=0');
    expect(body.meta).toEqual({ total: 2, limit: 200, offset: 0 });
    expect(body.data).toEqual([
      { id: 7, email: 'aliya@example.kz', firstName: 'Алия', lastName: 'Нурпеисова', role: 'supervisor', online: true, openedDialogs: 4 },
      { id: 8, email: 'max@example.com', firstName: null, lastName: null, role: 'operator', online: false, openedDialogs: 0 },
    ] satisfies Operator[]);
  });
});

import { describe, expect, it } from 'vitest';
import * as c2d from '../../test/fixtures/chat2desk/index.js';
import { mapOperatorList } from '../upstream/mappers.js';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { upstream, start, call } = setupLiveProxy();

describe('operators route', () => {
  it('GET /operators answers the whole list by default', async () => {
    await start();
    const { body } = await call('/operators');
    expect(upstream.calls[0]?.path).toBe('/v1/operators?limit=200&offset=0');
    expect(body.meta).toEqual({ total: 2, limit: 200, offset: 0 });
    expect(body.data).toEqual(mapOperatorList(c2d.operatorsList).data);
  });
});

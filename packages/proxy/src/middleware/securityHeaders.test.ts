import { describe, expect, it } from 'vitest';
import { setupLiveProxy } from '../test/setupLiveProxy.js';

const { start, request } = setupLiveProxy();

describe('securityHeaders', () => {
  it('marks every API answer as not cacheable by browsers and shared caches', async () => {
    await start();
    const answer = await request('/clients');
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

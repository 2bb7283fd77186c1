import { describe, expect, it, vi } from 'vitest';
import { cachedFor } from './cachedFor.js';

const stats = () => ({ upstreamCalls: 0 });

describe('cachedFor', () => {
  it('shares one load among concurrent callers and keeps its value for the ttl', async () => {
    let clock = 0;
    const load = vi.fn(async () => clock);
    const get = cachedFor(1000, load, () => clock);
    expect(await Promise.all([get(stats()), get(stats())])).toEqual([0, 0]);
    clock = 999;
    expect(await get(stats())).toBe(0);
    clock = 1000;
    expect(await get(stats())).toBe(1000);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep a failure: the next caller loads again', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce('up');
    const get = cachedFor(60_000, load);
    await expect(get(stats())).rejects.toThrow('down');
    expect(await get(stats())).toBe('up');
  });
});

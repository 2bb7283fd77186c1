import { execFileSync } from 'node:child_process';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryCache } from './createMemoryCache.js';

describe('createMemoryCache', () => {
  it('returns a value until its TTL has passed', () => {
    let time = 1000;
    const cache = createMemoryCache({ now: () => time });
    cache.set('a', { n: 1 }, 50);
    expect(cache.get('a')).toEqual({ n: 1 });
    time += 50;
    expect(cache.get('a')).toEqual({ n: 1 });
    time += 1;
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('evicts the least recently used entry beyond maxEntries', () => {
    const cache = createMemoryCache({ maxEntries: 2 });
    cache.set('a', 1, 10_000);
    cache.set('b', 2, 10_000);
    cache.get('a'); // a is now the most recently used
    cache.set('c', 3, 10_000);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('deletes by key and by prefix', () => {
    const cache = createMemoryCache();
    cache.set('/v1/messages?client_id=5&limit=20', 1, 10_000);
    cache.set('/v1/messages?client_id=5&limit=50', 2, 10_000);
    cache.set('/v1/messages?client_id=50&limit=20', 3, 10_000);
    cache.set('/v1/clients', 4, 10_000);
    cache.deletePrefix('/v1/messages?client_id=5&');
    cache.delete('/v1/clients');
    expect(cache.get('/v1/messages?client_id=5&limit=20')).toBeUndefined();
    expect(cache.get('/v1/messages?client_id=5&limit=50')).toBeUndefined();
    expect(cache.get('/v1/messages?client_id=50&limit=20')).toBe(3);
    expect(cache.get('/v1/clients')).toBeUndefined();
  });

  it('does not store entries with a zero TTL and refuses a bad size', () => {
    const cache = createMemoryCache();
    cache.set('a', 1, 0);
    expect(cache.get('a')).toBeUndefined();
    expect(() => createMemoryCache({ maxEntries: 0 })).toThrow(/maxEntries must be a positive integer/);
    expect(() => createMemoryCache({ maxBytes: 1.5 })).toThrow(/maxBytes must be a positive integer/);
  });

  it('drops expired entries without being asked for them again', async () => {
    const cache = createMemoryCache();
    cache.set('page-1', 'x'.repeat(1000), 20, 1000);
    cache.set('page-2', 'y'.repeat(1000), 20, 1000);
    cache.set('kept', 1, 60_000);
    // Nothing reads page-1 or page-2 again, and nothing pushes them out: they expire.
    await vi.waitFor(() => expect(cache.size).toBe(1), { timeout: 2000, interval: 20 });
    expect(cache.bytes).toBe(1);
  });

  it('keeps at most maxBytes, weighing entries by the size they were stored with', () => {
    const cache = createMemoryCache({ maxBytes: 1000 });
    cache.set('a', 'A', 10_000, 400);
    cache.set('b', 'B', 10_000, 400);
    cache.get('a'); // b is now the least recently used
    cache.set('c', 'C', 10_000, 400);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.get('c')).toBe('C');
    expect(cache.bytes).toBe(800);
  });

  it('keeps no entry larger than maxBytes, and forgets the older value under its key', () => {
    const cache = createMemoryCache({ maxBytes: 1000 });
    cache.set('a', 'small', 10_000, 10);
    cache.set('a', 'huge', 10_000, 1001);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it("weighs an entry stored without a size by its JSON's length", () => {
    const cache = createMemoryCache();
    cache.set('outcome', { ok: true, value: 'x'.repeat(100) }, 10_000);
    expect(cache.bytes).toBe(JSON.stringify({ ok: true, value: 'x'.repeat(100) }).length);
  });

  it('never keeps the process alive (expiry timers are unref’d)', () => {
    // A child process that caches for an hour must still exit as soon as its work is done.
    const script = `import { createMemoryCache } from ${JSON.stringify(new URL('./createMemoryCache.ts', import.meta.url).href)};
      createMemoryCache().set('k', 1, 3_600_000);`;
    const run = () => execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 8000 });
    expect(run).not.toThrow();
  }, 15_000);
});

import { describe, expect, it } from 'vitest';
import { createMemoryCache } from './createMemoryCache.js';

describe('createMemoryCache', () => {
  it('returns a value until its TTL has passed', () => {
    let time = 1000;
    const cache = createMemoryCache({ now: () => time });
    cache.set('a', { n: 1 }, 50);
    expect(cache.get('a')).toEqual({ n: 1 });
    time += 49;
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
  });
});

import { LRUCache } from 'lru-cache';
import type { Cache } from './Cache.js';

/** Options of {@link createMemoryCache}. */
export interface MemoryCacheOptions {
  /** Most entries kept; the least recently used go first (default 500). */
  maxEntries?: number;
  /**
   * Most bytes kept, weighed by each entry's `sizeBytes` (default 32 MiB); the least recently
   * used go first, and an entry larger than this is not kept at all.
   */
  maxBytes?: number;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

/** The in-memory {@link Cache}, with what it holds for tests and metrics. */
export interface MemoryCache extends Cache {
  /** Entries held now. */
  readonly size: number;
  /** Bytes held now (the sum of the entries' sizes). */
  readonly bytes: number;
}

/** The default byte bound of {@link createMemoryCache}: 32 MiB. */
export const DEFAULT_CACHE_MAX_BYTES = 32 * 1024 * 1024;

function checkLimit(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new RangeError(`cache ${name} must be a positive integer (got ${String(value)})`);
  }
  return value;
}

// What an entry stored without a size weighs: its JSON's length (small values: send results,
// verified JWTs), at least 1 as the LRU counts only positive sizes.
function estimateBytes(value: unknown): number {
  try {
    return Math.max(1, JSON.stringify(value)?.length ?? 1);
  } catch {
    return 1;
  }
}

/**
 * The default {@link Cache}: `lru-cache` bounded by entries and bytes, with per-entry TTL in
 * this process's memory. Expired entries are dropped when they expire (by unref'd timers that
 * never keep the process alive), not only when read again or pushed out: a page nobody asks
 * for again does not stay in memory.
 */
export function createMemoryCache(options: MemoryCacheOptions = {}): MemoryCache {
  const maxEntries = checkLimit('maxEntries', options.maxEntries ?? 500);
  const maxBytes = checkLimit('maxBytes', options.maxBytes ?? DEFAULT_CACHE_MAX_BYTES);
  const now = options.now;
  // Values are boxed: the LRU stores no undefined or null.
  const entries = new LRUCache<string, { value: unknown }>({
    max: maxEntries,
    maxSize: maxBytes,
    ttlAutopurge: true,
    // Read the clock at every check: an injected clock may jump between two reads.
    ttlResolution: 0,
    ...(now ? { perf: { now } } : {}),
  });

  return {
    get size() {
      return entries.size;
    },
    get bytes() {
      return entries.calculatedSize;
    },
    get(key) {
      return entries.get(key)?.value;
    },
    set(key, value, ttlMs, sizeBytes) {
      if (!(ttlMs > 0)) return;
      const size = sizeBytes === undefined ? estimateBytes(value) : Math.max(1, Math.ceil(sizeBytes));
      // Too large to keep: also drop an older value under the key, which would be stale now.
      if (size > maxBytes) entries.delete(key);
      else entries.set(key, { value }, { ttl: ttlMs, size });
    },
    delete(key) {
      entries.delete(key);
    },
    deletePrefix(prefix) {
      // Collected first: deleting while walking the LRU's own list could skip entries.
      for (const key of Array.from(entries.keys())) {
        if (key.startsWith(prefix)) entries.delete(key);
      }
    },
  };
}

import type { ListMeta } from '@c2d-console/core';
import type { Context } from 'hono';
import type { UpstreamList } from '../upstream/mappers.js';
import type { Page } from '../upstream/paths.js';

// A cached upstream answer always becomes the same body (its path fixes the page), so the
// serialized JSON is kept beside it: a cache hit costs no JSON.stringify and little garbage.
const serialized = new WeakMap<object, string>();

/** Answers `build()` as JSON, serialized once per (cached) `source` object and reused after. */
export function cachedJson(c: Context, source: object, build: () => unknown): Response {
  let text = serialized.get(source);
  if (text === undefined) {
    text = JSON.stringify(build());
    serialized.set(source, text);
  }
  return c.body(text, 200, { 'Content-Type': 'application/json' });
}

/** The list envelope `{ data, meta }`: Chat2Desk's paging where it reported it, else the request's. */
export function listBody<T>(list: UpstreamList<T>, page: Page): { data: T[]; meta: ListMeta } {
  return {
    data: list.data,
    meta: {
      total: list.meta.total ?? page.offset + list.data.length,
      limit: list.meta.limit ?? page.limit,
      offset: list.meta.offset ?? page.offset,
    },
  };
}

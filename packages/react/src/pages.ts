import type { ListResponse } from '@c2d-console/core';
import type { InfiniteData } from '@tanstack/react-query';

/** The cached pages of any proxy list. */
type Pages<T> = InfiniteData<ListResponse<T>>;

/** Every item of the loaded pages, in page order; none while nothing is loaded. */
export function pageItems<T>(data: Pages<T> | undefined): T[] {
  return data?.pages.flatMap((page) => page.data) ?? [];
}

/** The cached pages with `change` applied to every item: an optimistic edit, or its confirmation. */
export function mapPageItems<T>(data: Pages<T> | undefined, change: (item: T) => T): Pages<T> | undefined {
  return data && { ...data, pages: data.pages.map((page) => ({ ...page, data: page.data.map(change) })) };
}

/** The cached pages with `item` first on the first (newest) page: an optimistic send or transfer. Nothing loaded, nothing added. */
export function prependItem<T>(data: Pages<T> | undefined, item: T): Pages<T> | undefined {
  const [first, ...rest] = data?.pages ?? [];
  return data && first ? { ...data, pages: [{ ...first, data: [item, ...first.data] }, ...rest] } : data;
}

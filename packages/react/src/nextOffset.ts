import type { ListResponse } from '@c2d-console/core';

/**
 * `getNextPageParam` for the proxy's offset paging: the offset after `last`, or undefined at the
 * end. An empty page ends the list even if `total` promised more (items deleted meanwhile).
 */
export function nextOffset(last: ListResponse<unknown>): number | undefined {
  const next = last.meta.offset + last.data.length;
  return last.data.length > 0 && next < last.meta.total ? next : undefined;
}

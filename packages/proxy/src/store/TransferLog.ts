import type { Transfer } from '@c2d-console/core';
import type { Page } from '../upstream/paths.js';

/** Which recorded transfers to list; `operatorId` matches either side of a transfer. */
export interface TransferFilter {
  dialogId?: number;
  clientId?: number;
  operatorId?: number;
}

/** One page of recorded transfers, newest first, and how many match in all. */
export interface TransferPage {
  data: Transfer[];
  total: number;
}

/**
 * The transfers the proxy knows of. ⚠ Chat2Desk has no transfers endpoint (shared/chat2desk-api.md,
 * "Endpoints" → transfers): a history exists only as the proxy records it from
 * `dialog_transferred` webhooks. In sandbox mode the fake Chat2Desk's own history stands in.
 * Operator names are filled in when the route answers, not stored.
 */
export interface TransferLog {
  /** Recorded transfers matching `filter`, newest first, one page of them. */
  list(filter: TransferFilter, page: Page): Promise<TransferPage>;
}

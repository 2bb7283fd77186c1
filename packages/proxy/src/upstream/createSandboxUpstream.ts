import type { Transfer } from '@c2d-console/core';
import type { SandboxApp, SandboxAppOptions } from '../sandbox/createSandboxApp.js';
import type { SandboxTransfer } from '../sandbox/sandboxRecords.js';
import type { TransferLog } from '../store/TransferLog.js';
import type { UpstreamFetch } from './createUpstreamClient.js';

/** The in-process fake Chat2Desk, as the proxy uses it in sandbox mode. */
export interface SandboxUpstream {
  /** Base URL the upstream client prefixes paths with (never resolved over a network). */
  baseUrl: string;
  /** Calls the sandbox's API like `fetch` would call Chat2Desk. */
  fetch: UpstreamFetch;
  /** Hands a browser request (the fake web UI under `/chat/`) to the sandbox as is. */
  handle(request: Request): Promise<Response>;
  /**
   * The sandbox's transfer history, standing in for what live mode records from Chat2Desk's
   * `dialog_transferred` webhooks (Chat2Desk has no endpoint to ask).
   */
  transfers: TransferLog;
}

/** A sandbox transfer as the proxy records one; names are filled in by the route. */
function recordedTransfer(t: SandboxTransfer): Transfer {
  return {
    id: t.id,
    dialogId: t.dialog_id,
    clientId: t.client_id,
    fromOperatorId: t.from_operator_id,
    toOperatorId: t.to_operator_id,
    fromOperatorName: null,
    toOperatorName: null,
    // The sandbox stores UTC without a zone, as `c2dTime` writes it.
    created: `${t.created}.000Z`,
    reason: t.reason,
  };
}

/**
 * Wraps the sandbox app. It is imported on first use, so live deployments (Workers bundles
 * included) never load the sandbox's seed data generator.
 */
export function createSandboxUpstream(options: SandboxAppOptions = {}): SandboxUpstream {
  let sandbox: Promise<SandboxApp> | undefined;
  const load = () => (sandbox ??= import('../sandbox/index.js').then((m) => m.createSandboxApp(options)));
  return {
    baseUrl: 'http://sandbox.invalid',
    fetch: async (url, init) => (await load()).app.fetch(new Request(url, init)),
    handle: async (request) => (await load()).app.fetch(request),
    transfers: {
      async list(filter, page) {
        const { store } = await load();
        // An id the sandbox does not know has no transfers (the recorder would not know it either).
        const known =
          (filter.dialogId === undefined || store.getDialog(filter.dialogId) !== undefined) &&
          (filter.clientId === undefined || store.getClient(filter.clientId) !== undefined) &&
          (filter.operatorId === undefined || store.getOperator(filter.operatorId) !== undefined);
        const all = known ? store.listTransfers(filter) : [];
        return { data: all.slice(page.offset, page.offset + page.limit).map(recordedTransfer), total: all.length };
      },
    },
  };
}

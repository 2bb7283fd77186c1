import { isProxyError, type ProxyErrorCode } from './ProxyError.js';
import { createQuotaGate } from './upstream/createQuotaGate.js';
import { createTokenBucketLimiter } from './upstream/createTokenBucketLimiter.js';
import { createRedactor } from './createRedactor.js';
import { DEFAULT_MAX_UPSTREAM_BODY_BYTES } from './options.js';
import { createUpstreamClient, type CallStats, type UpstreamFetch } from './upstream/createUpstreamClient.js';
import { mapApiInfo, mapChannelNames, mapClient, mapClientList, mapClientTransports, mapDialog, mapMessageList, mapOperatorList } from './upstream/mappers.js';
import { apiInfoPath, channelsPath, clientChannelsPath, clientPath, clientsPath, dialogPath, messagesPath, operatorsPath } from './upstream/paths.js';

/** Options of {@link runCheck}. */
export interface CheckOptions {
  /** Chat2Desk API origin (`CHAT2DESK_API_URL`). */
  baseUrl: string;
  /** The token to check (`CHAT2DESK_API_TOKEN`). */
  token: string;
  fetch: UpstreamFetch;
  /** Time limit of one call (default 10 s). */
  timeoutMs?: number;
}

/** One call the console needs, and how it went. */
export interface CheckRow {
  /** What the console uses it for: `clients`, `messages`… */
  name: string;
  /** The Chat2Desk call, `GET /v1/clients?limit=1`. */
  call: string;
  /** `skipped` when an earlier call gave nothing to ask about (an account without clients). */
  outcome: 'ok' | 'failed' | 'skipped';
  /** What came back: `12480 clients`, or the error the proxy would answer. */
  detail: string;
  /** The code the proxy answers for this failure. */
  code?: ProxyErrorCode;
  /** What to do about a failure. */
  fix?: string;
}

/** Everything {@link runCheck} found. */
export interface CheckResult {
  rows: CheckRow[];
  /** Chat2Desk rejected the token: nothing else was asked. */
  tokenRejected: boolean;
  /** Every call worked. */
  ok: boolean;
}

/** What to do about each error, by the code the proxy would answer. */
function fixFor(code: ProxyErrorCode, message: string, baseUrl: string): string {
  switch (code) {
    case 'upstream_auth':
      return "Set CHAT2DESK_API_TOKEN to the account's API token (Chat2Desk: Settings → API), the bare token without \"Bearer\".";
    case 'upstream_quota':
      return "The account's monthly API quota is used up: ask the Chat2Desk admin to raise its API limit or top up its balance.";
    case 'rate_limited':
      return 'Chat2Desk is limiting calls with this token: run the check again in a minute, and keep C2D_PROXY_RATE_LIMIT low.';
    case 'upstream_timeout':
      return `Chat2Desk did not answer in time: check that this machine reaches ${baseUrl}.`;
    case 'not_found':
      return 'Chat2Desk has no such record or path: check that CHAT2DESK_API_URL is the API origin (https://api.chat2desk.com), not the web UI.';
    default:
      return /Could not reach/.test(message)
        ? `Check CHAT2DESK_API_URL (now ${baseUrl}) and that this machine can reach it.`
        : 'Chat2Desk answered something the proxy cannot read: report this line (the proxy’s mapping may need an update for a change in the API).';
  }
}

/**
 * Runs, read-only, the Chat2Desk calls the console needs, with the given token, through the
 * proxy's own client and mappers (so a shape the proxy cannot read fails here too), and says
 * for each whether it works and, when not, what to do. Asks the token first: when that fails
 * (a rejected token, an unreachable address, the quota), nothing else is asked. Never sends
 * or changes anything.
 */
export async function runCheck({ baseUrl, token, fetch, timeoutMs = 10_000 }: CheckOptions): Promise<CheckResult> {
  const upstream = createUpstreamClient({
    baseUrl,
    token,
    fetch,
    timeoutMs,
    retry: { retries: 1, baseDelayMs: 500, maxDelayMs: 2000 },
    // The proxy's own default budget: a check costs what the console's first screen does.
    limiter: createTokenBucketLimiter({ requestsPerSecond: 5, burst: 1, maxWaitMs: 10_000 }),
    cache: null,
    cacheTtlMs: 1,
    maxBodyBytes: DEFAULT_MAX_UPSTREAM_BODY_BYTES,
    // The token is never printed: Chat2Desk's messages are redacted like the proxy's are.
    redact: createRedactor([token]),
    quotaGate: createQuotaGate(),
  });
  const stats: CallStats = { upstreamCalls: 0 };
  const rows: CheckRow[] = [];

  /** Runs one call into a row; answers its value, or undefined when it failed. */
  async function step<T>(name: string, path: string, map: (payload: unknown) => T, describe: (value: T) => string): Promise<T | undefined> {
    const call = `GET ${path}`;
    try {
      const value = await upstream.get(path, map, stats);
      rows.push({ name, call, outcome: 'ok', detail: describe(value) });
      return value;
    } catch (error) {
      if (!isProxyError(error)) throw error;
      rows.push({ name, call, outcome: 'failed', detail: `${error.code}: ${error.message}`, code: error.code, fix: fixFor(error.code, error.message, baseUrl) });
      return undefined;
    }
  }
  const skip = (name: string, call: string, detail: string) => rows.push({ name, call, outcome: 'skipped', detail });

  await step('token', apiInfoPath(), mapApiInfo, (info) =>
    info.requestsThisMonth === undefined ? 'accepted' : `accepted; ${info.requestsThisMonth} API requests this month`,
  );
  const tokenRejected = rows[0]?.code === 'upstream_auth';
  // The first call proves the token, the address and the quota: without it nothing else works.
  if (rows[0]?.outcome === 'failed') {
    skip('the rest', 'GET /v1/…', 'not asked: the first call failed');
  } else {
    const clients = await step('clients', clientsPath({ limit: 1, offset: 0 }), mapClientList, (list) => `${list.meta.total ?? list.data.length} clients`);
    const client = clients?.data[0];
    let messages: ReturnType<typeof mapMessageList> | undefined;
    if (client) {
      await step('one client', clientPath(client.id), mapClient, (c) => `client ${c.id}`);
      await step('client channels', clientChannelsPath(client.id), mapClientTransports, (t) => {
        const ways = t.flatMap((c) => c.transports).length;
        return `${ways} ${ways === 1 ? 'way' : 'ways'} to reach client ${client.id}`;
      });
      messages = await step('messages', messagesPath(client.id, { limit: 20, offset: 0 }), mapMessageList, (list) => `${list.data.length} of client ${client.id}'s latest messages`);
    } else {
      for (const name of ['one client', 'client channels', 'messages']) skip(name, 'GET /v1/clients/{id}…', 'the account has no clients to ask about');
    }
    const dialogId = messages?.data.find((m) => m.dialogId !== null)?.dialogId ?? null;
    if (dialogId === null) skip('dialog', 'GET /v1/dialogs/{id}', 'no message with a dialog to ask about');
    else await step('dialog', dialogPath(dialogId), mapDialog, (d) => `dialog ${d.id}, ${d.state}, client ${d.clientId ?? 'unknown'}`);
    await step('channels', channelsPath(), mapChannelNames, (names) => `${names.size} channels`);
    await step('operators', operatorsPath(), mapOperatorList, (list) => `${list.data.length} operators`);
  }
  return { rows, tokenRejected, ok: rows.every((row) => row.outcome !== 'failed') };
}

/**
 * The check as text for a terminal: one line a call (✓ works, ✗ fails, – skipped) with what
 * to do under each failure, then a summary. A rejected token is said in one line.
 */
export function formatCheck(result: CheckResult, baseUrl: string): string {
  if (result.tokenRejected) {
    const row = result.rows[0];
    return `✗ Chat2Desk at ${baseUrl} rejected the token: ${row?.fix ?? ''}\n`;
  }
  const nameWidth = Math.max(...result.rows.map((r) => r.name.length));
  const callWidth = Math.max(...result.rows.map((r) => r.call.length));
  const lines = [`c2d-proxy check: ${baseUrl}, read-only, with the configured token`, ''];
  for (const row of result.rows) {
    const mark = row.outcome === 'ok' ? '✓' : row.outcome === 'failed' ? '✗' : '–';
    lines.push(`${mark} ${row.name.padEnd(nameWidth)}  ${row.call.padEnd(callWidth)}  ${row.detail}`);
    if (row.fix) lines.push(`  ${' '.repeat(nameWidth)}  → ${row.fix}`);
  }
  const failed = result.rows.filter((r) => r.outcome === 'failed').length;
  lines.push('', failed === 0 ? `All ${result.rows.length} checks passed: the console can run with this token.` : `${failed} of ${result.rows.length} checks failed.`);
  return `${lines.join('\n')}\n`;
}

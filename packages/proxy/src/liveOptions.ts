import { Chat2DeskConfigError } from '@c2d-console/core';
import type { ConsoleStores } from './store/ConsoleStores.js';
import { DEFAULT_EVENT_RETENTION_MS } from './store/eventLog/eventLogOptions.js';

/**
 * The options of the live console (issue 11): how Chat2Desk's webhooks are accepted, where
 * events, transfers and the client index are kept, how `GET /events` streams, and the
 * background client index. `options.ts` resolves them with the rest.
 */

/** The `webhooks` option: how the proxy accepts Chat2Desk's deliveries at `POST /webhooks/chat2desk/:secret`. */
export interface WebhookOptions {
  /**
   * The secret last segment of the registered URL (`C2D_WEBHOOK_SECRET`): 16 to 128 URL-safe
   * characters. Without it, live mode accepts no webhooks (the route answers 404); sandbox mode
   * makes a random one for its own deliveries.
   */
  secret?: string;
  /** Chat2Desk's HMAC signature of each delivery, verified as well when the account signs them (default: off). */
  signature?: WebhookSignatureOptions;
}

/**
 * How Chat2Desk signs a delivery. ⚠ Its header name and algorithm are not published
 * (shared/chat2desk-api.md, "Webhooks"): copy them from the account's webhook settings.
 */
export interface WebhookSignatureOptions {
  /** The request header carrying the signature (`C2D_WEBHOOK_SIGNATURE_HEADER`). */
  header: string;
  /** The signing key (`C2D_WEBHOOK_SIGNATURE_KEY`). */
  key: string;
  /** HMAC hash (default `SHA-256`). */
  algorithm?: 'SHA-1' | 'SHA-256' | 'SHA-512';
  /** How the digest is written in the header (default `hex`; a `sha256=` prefix is allowed). */
  encoding?: 'hex' | 'base64';
}

/**
 * The `store` option: where events, transfers and the client index are kept. `dataDir` (the
 * CLI: `C2D_PROXY_DATA_DIR`, default `./.c2d-proxy-data`) keeps them in a SQLite file that
 * survives restarts, on Node; without it they live in memory. Or pass {@link ConsoleStores} of
 * your own (e.g. on Redis, shared by instances).
 */
export interface StoreOptions {
  /** Folder of the SQLite file (created when missing); one proxy process per folder. Live mode only. */
  dataDir?: string;
  /** How long events are kept for `Last-Event-ID` replay (default 7 days); transfers and clients are kept for good. */
  eventRetentionMs?: number;
}

/** The `events` option: limits of `GET /events`. */
export interface EventStreamOptions {
  /** Open event streams allowed at once (default 1000); one more answers 503 (`C2D_PROXY_MAX_EVENT_CONNECTIONS`). */
  maxConnections?: number;
  /** Interval of the heartbeat comment that keeps idle connections open through proxies (default 20 000 ms). */
  heartbeatMs?: number;
  /**
   * Bytes a stream may hold unsent for a browser that does not read (default 256 KiB); beyond
   * it the connection is cut, and the browser resumes from its `Last-Event-ID`.
   */
  maxBufferedBytes?: number;
  /** Most events replayed after a `Last-Event-ID` (default 1000); a browser further behind gets `resync`. */
  maxReplayEvents?: number;
  /**
   * While events keep coming, those of each `batchMs` go out together, one write a connection
   * (default 50 ms; an event after a quiet spell goes at once). Fewer, larger writes are what
   * let one proxy stream to a thousand consoles; 0 writes each turn's events at its end.
   */
  batchMs?: number;
}

/** The `clientIndex` option: the background pass through `/v1/clients` that name search needs. */
export interface ClientIndexOptions {
  /** Pause between pages of 200 clients (default 1000 ms: one call a second of the token's budget; sandbox 0). */
  pauseMs?: number;
  /** How often a complete index is read again in full (default 24 h); webhooks keep it fresh in between. */
  refreshMs?: number;
}

/** {@link WebhookOptions} resolved: `secret` is undefined only in live mode without one. */
export interface ResolvedWebhookOptions {
  secret: string | undefined;
  signature: Required<WebhookSignatureOptions> | undefined;
}

/** Where the stores come from. */
export type StoreSource = { kind: 'memory' } | { kind: 'embedded'; dataDir: string } | { kind: 'given'; stores: ConsoleStores };

/** The live console's options, checked and filled in. */
export interface ResolvedLiveOptions {
  webhooks: ResolvedWebhookOptions;
  store: StoreSource;
  eventRetentionMs: number;
  events: Required<EventStreamOptions>;
  /** Null: no background index (name searches then answer that nothing could be searched). */
  clientIndex: Required<ClientIndexOptions> | null;
}

/** The options {@link resolveLiveOptions} reads. */
export interface LiveOptionsInput {
  webhooks?: WebhookOptions;
  store?: StoreOptions | ConsoleStores;
  events?: EventStreamOptions;
  clientIndex?: ClientIndexOptions | false;
}

const SECRET = /^[\w.~-]{16,128}$/;
const KIB = 1024;

/** A random URL-safe secret (sandbox mode's own, when none is configured). */
export function randomWebhookSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isConsoleStores(value: StoreOptions | ConsoleStores): value is ConsoleStores {
  return 'eventLog' in value && 'transfers' in value && 'clientIndex' in value;
}

function count(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new Chat2DeskConfigError(name, `${name} must be a positive integer (got ${String(value)})`);
  }
  return value;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value < 0) throw new Chat2DeskConfigError(name, `${name} must be 0 or more milliseconds (got ${String(value)})`);
  return value;
}

function resolveWebhooks(options: WebhookOptions | undefined, mode: 'live' | 'sandbox'): ResolvedWebhookOptions {
  const secret = options?.secret;
  if (secret !== undefined && !SECRET.test(secret)) {
    throw new Chat2DeskConfigError(
      'webhooks',
      'webhooks.secret (C2D_WEBHOOK_SECRET) must be 16 to 128 characters of letters, digits, "-", "_", "." or "~", as it ends the webhook URL; make one with `openssl rand -hex 24`',
    );
  }
  const signature = options?.signature;
  if (signature !== undefined) {
    if (!/^[\w-]{1,100}$/.test(signature.header ?? '')) {
      throw new Chat2DeskConfigError('webhooks', `webhooks.signature.header must be a header name such as X-Signature (got "${String(signature.header)}")`);
    }
    if (typeof signature.key !== 'string' || signature.key.length === 0) {
      throw new Chat2DeskConfigError('webhooks', 'webhooks.signature.key is empty; set C2D_WEBHOOK_SIGNATURE_KEY to the key from the account\'s webhook settings');
    }
    const algorithm = signature.algorithm ?? 'SHA-256';
    if (!['SHA-1', 'SHA-256', 'SHA-512'].includes(algorithm)) {
      throw new Chat2DeskConfigError('webhooks', `webhooks.signature.algorithm must be SHA-1, SHA-256 or SHA-512 (got "${String(algorithm)}")`);
    }
    const encoding = signature.encoding ?? 'hex';
    if (encoding !== 'hex' && encoding !== 'base64') {
      throw new Chat2DeskConfigError('webhooks', `webhooks.signature.encoding must be hex or base64 (got "${String(encoding)}")`);
    }
  }
  return {
    secret: secret ?? (mode === 'sandbox' ? randomWebhookSecret() : undefined),
    signature: signature && {
      header: signature.header.toLowerCase(),
      key: signature.key,
      algorithm: signature.algorithm ?? 'SHA-256',
      encoding: signature.encoding ?? 'hex',
    },
  };
}

function resolveStore(store: StoreOptions | ConsoleStores | undefined, mode: 'live' | 'sandbox'): { source: StoreSource; eventRetentionMs: number } {
  if (store && isConsoleStores(store)) return { source: { kind: 'given', stores: store }, eventRetentionMs: DEFAULT_EVENT_RETENTION_MS };
  const eventRetentionMs = store?.eventRetentionMs ?? DEFAULT_EVENT_RETENTION_MS;
  if (!Number.isSafeInteger(eventRetentionMs) || eventRetentionMs < 60_000) {
    throw new Chat2DeskConfigError('store', `store.eventRetentionMs must be an integer of at least 60000 ms (got ${String(eventRetentionMs)})`);
  }
  const dataDir = store?.dataDir?.trim();
  if (dataDir === undefined || dataDir === '') return { source: { kind: 'memory' }, eventRetentionMs };
  if (mode === 'sandbox') {
    throw new Chat2DeskConfigError(
      'store',
      'store.dataDir is for live mode: the sandbox makes its account afresh on every start, so a kept event log would not match it; leave store.dataDir (C2D_PROXY_DATA_DIR) out in sandbox mode',
    );
  }
  return { source: { kind: 'embedded', dataDir }, eventRetentionMs };
}

/** Checks the live console's options and fills in the defaults; throws a `Chat2DeskConfigError` naming a bad one. */
export function resolveLiveOptions(options: LiveOptionsInput, mode: 'live' | 'sandbox'): ResolvedLiveOptions {
  const { source, eventRetentionMs } = resolveStore(options.store, mode);
  const events = options.events ?? {};
  const index = options.clientIndex;
  return {
    webhooks: resolveWebhooks(options.webhooks, mode),
    store: source,
    eventRetentionMs,
    events: {
      maxConnections: count('events.maxConnections', events.maxConnections, 1000),
      heartbeatMs: count('events.heartbeatMs', events.heartbeatMs, 20_000),
      maxBufferedBytes: count('events.maxBufferedBytes', events.maxBufferedBytes, 256 * KIB),
      maxReplayEvents: count('events.maxReplayEvents', events.maxReplayEvents, 1000),
      batchMs: nonNegative('events.batchMs', events.batchMs, 50),
    },
    clientIndex:
      index === false
        ? null
        : {
            pauseMs: nonNegative('clientIndex.pauseMs', index?.pauseMs, mode === 'sandbox' ? 0 : 1000),
            refreshMs: count('clientIndex.refreshMs', index?.refreshMs, 24 * 60 * 60_000),
          },
  };
}

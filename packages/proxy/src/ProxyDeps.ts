import type { LiveConsole } from './events/createLiveConsole.js';
import type { ResolvedProxyOptions } from './options.js';
import type { IdempotencyGuard } from './store/createIdempotencyGuard.js';
import type { Lookups } from './upstream/createLookups.js';
import type { SandboxUpstream } from './upstream/createSandboxUpstream.js';
import type { UpstreamClient } from './upstream/createUpstreamClient.js';

/**
 * What the proxy's route factories and middleware share, built once per proxy by `createProxy`:
 * `createClientsRoutes(deps)` takes what it needs from here and nothing reaches for globals.
 */
export interface ProxyDeps {
  /** The checked options with defaults filled in (mode, auth, limits, logger...). */
  options: ResolvedProxyOptions;
  /** Calls Chat2Desk (or the sandbox): rate limit, retries, caching, error mapping. */
  upstream: UpstreamClient;
  /** The account's operator groups, quick replies and tags, kept a few minutes. */
  lookups: Lookups;
  /** Runs a send at most once per `idempotencyKey`. */
  idempotency: IdempotencyGuard;
  /** Replaces the Chat2Desk token and the JWT and webhook secrets in any text bound for a log or a response. */
  redact: (text: string) => string;
  /** Webhooks in, events out, the recorded transfers and the client index (Chat2Desk keeps neither). */
  live: LiveConsole;
  /** The in-process fake Chat2Desk: set in sandbox mode only. */
  sandbox: SandboxUpstream | undefined;
}

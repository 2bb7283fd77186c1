import { parseArgs } from 'node:util';
import { createRedactor } from './createRedactor.js';
import { isProxyError } from './ProxyError.js';
import type { C2DHookType, C2DWebhookBody } from './upstream/chat2deskTypes.js';
import { createUpstreamClient, type UpstreamFetch } from './upstream/createUpstreamClient.js';
import { mapWebhookCreated, mapWebhookList, type RegisteredWebhook } from './upstream/mappers.js';
import { C2D_PATHS } from './upstream/paths.js';

/** The events the live console uses: messages, dialogs (closed, reopened, transferred), clients. */
export const CONSOLE_HOOK_TYPES: readonly C2DHookType[] = [
  'inbox',
  'outbox',
  'comment',
  'new_client',
  'client_updated',
  'new_request',
  'close_dialog',
  'dialog_transferred',
];

/** The name `webhooks register` gives its webhook, and `webhooks delete` looks for. */
export const WEBHOOK_NAME = 'c2d-console';

/** Where, in a registered URL, the proxy's webhook route starts (its secret follows). */
const ROUTE = '/webhooks/chat2desk/';

/** Options of {@link runWebhooksCommand}. */
export interface WebhooksCommandOptions {
  /** Chat2Desk API origin (`CHAT2DESK_API_URL`). */
  baseUrl: string;
  /** The account's API token (`CHAT2DESK_API_TOKEN`). */
  token: string;
  /** The secret of the webhook URL (`C2D_WEBHOOK_SECRET`): needed to register. */
  secret: string | undefined;
  fetch: UpstreamFetch;
}

/** What the command printed, and whether it did what was asked (the exit code). */
export interface WebhooksCommandResult {
  ok: boolean;
  output: string;
}

const USAGE = `Usage:
  c2d-proxy webhooks register --url <the proxy's public URL>   e.g. --url https://crm.example.com/api/c2d
  c2d-proxy webhooks list
  c2d-proxy webhooks delete [--id <webhook id>]                 without --id: the webhooks pointing at a c2d-console proxy
`;

/** A registered URL with the secret after the proxy's route hidden: it never goes to a terminal or a log. */
export function hideWebhookSecret(url: string): string {
  const at = url.indexOf(ROUTE);
  return at < 0 ? url : `${url.slice(0, at + ROUTE.length)}<secret>`;
}

function describe(webhook: RegisteredWebhook): string {
  const lines = [
    `#${webhook.id} ${webhook.name ?? '(no name)'} ${webhook.enabled ? 'enabled' : 'DISABLED'}`,
    `    url     ${hideWebhookSecret(webhook.url)}`,
    `    events  ${webhook.events.join(', ') || '(none)'}`,
  ];
  if (webhook.errors.length === 0) lines.push('    errors  none');
  else {
    lines.push(`    errors  ${webhook.errors.length} delivery error${webhook.errors.length === 1 ? '' : 's'} reported by Chat2Desk:`);
    for (const error of webhook.errors.slice(0, 5)) lines.push(`            ${error.at ?? '(no time)'}  ${error.text}`);
  }
  return lines.join('\n');
}

/** The public URL the webhook goes to, or why `url` cannot be one. */
function webhookUrl(url: string | undefined, secret: string): { url: string } | { problem: string } {
  if (!url) return { problem: 'Give the proxy\'s public URL: --url https://crm.example.com/api/c2d (where the proxy answers /health)' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: `--url ${url} is not a URL; write it as https://crm.example.com/api/c2d` };
  }
  const local = /^(localhost|127\.0\.0\.1|\[::1\])$/.test(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    return { problem: `--url must be https:// (Chat2Desk posts to it over the internet, with the secret in the path); got ${parsed.protocol}//` };
  }
  if (parsed.search || parsed.hash) return { problem: '--url must have no query or fragment: the proxy\'s base URL, e.g. https://crm.example.com/api/c2d' };
  return { url: `${url.replace(/\/+$/, '')}${ROUTE}${secret}` };
}

/**
 * `c2d-proxy webhooks register|list|delete`: registers the proxy's webhook route
 * (`<url>/webhooks/chat2desk/<C2D_WEBHOOK_SECRET>`) in the Chat2Desk account for the events the
 * console uses (`POST /v1/webhooks`), lists the account's webhooks with the delivery errors
 * Chat2Desk reports, or deletes them. The secret is never printed.
 */
export async function runWebhooksCommand(args: string[], options: WebhooksCommandOptions): Promise<WebhooksCommandResult> {
  const [command, ...rest] = args;
  let values: { url?: string; id?: string };
  try {
    ({ values } = parseArgs({ args: rest, options: { url: { type: 'string' }, id: { type: 'string' } }, strict: true }));
  } catch (error) {
    return { ok: false, output: `${(error as Error).message}\n${USAGE}` };
  }
  const upstream = createUpstreamClient({
    baseUrl: options.baseUrl,
    token: options.token,
    fetch: options.fetch,
    timeoutMs: 10_000,
    maxBodyBytes: 1024 * 1024,
    retry: { retries: 1, baseDelayMs: 500, maxDelayMs: 2000 },
    limiter: null,
    cache: null,
    cacheTtlMs: 0,
    redact: createRedactor([options.token, options.secret]),
  });
  const stats = { upstreamCalls: 0 };
  const list = async () => (await upstream.get(C2D_PATHS.webhooks, mapWebhookList, stats)).data;

  try {
    switch (command) {
      case 'register': {
        if (!options.secret) return { ok: false, output: 'Set C2D_WEBHOOK_SECRET (16+ URL-safe characters, e.g. `openssl rand -hex 24`) to the secret the proxy runs with, then register again.\n' };
        const target = webhookUrl(values.url, options.secret);
        if ('problem' in target) return { ok: false, output: `${target.problem}\n` };
        const body: C2DWebhookBody = { name: WEBHOOK_NAME, url: target.url, events: [...CONSOLE_HOOK_TYPES], status: 'enable' };
        const id = await upstream.post(C2D_PATHS.webhooks, body, mapWebhookCreated, stats);
        return {
          ok: true,
          output: `Registered webhook ${id === null ? '' : `#${id} `}"${WEBHOOK_NAME}" → ${hideWebhookSecret(target.url)}\n  events: ${CONSOLE_HOOK_TYPES.join(', ')}\nCheck its deliveries with: c2d-proxy webhooks list\n`,
        };
      }
      case 'list': {
        const webhooks = await list();
        if (webhooks.length === 0) return { ok: true, output: 'No webhooks registered. Register the proxy\'s with: c2d-proxy webhooks register --url <its public URL>\n' };
        return { ok: true, output: `${webhooks.map(describe).join('\n')}\n` };
      }
      case 'delete': {
        let ids: number[];
        if (values.id !== undefined) {
          if (!/^[1-9]\d{0,15}$/.test(values.id)) return { ok: false, output: `--id must be a webhook id from c2d-proxy webhooks list (got "${values.id}")\n` };
          ids = [Number(values.id)];
        } else {
          ids = (await list()).filter((w) => w.name === WEBHOOK_NAME || w.url.includes(ROUTE)).map((w) => w.id);
          if (ids.length === 0) return { ok: true, output: 'No c2d-console webhook to delete (c2d-proxy webhooks list shows them all).\n' };
        }
        for (const id of ids) {
          // oxlint-disable-next-line no-await-in-loop -- one at a time, each reported
          await upstream.delete(C2D_PATHS.webhook(id), () => undefined, stats, { notFound: `Chat2Desk has no webhook #${id}` });
        }
        return { ok: true, output: `Deleted webhook${ids.length === 1 ? '' : 's'} ${ids.map((id) => `#${id}`).join(', ')}\n` };
      }
      default:
        return { ok: false, output: command ? `Unknown command "webhooks ${command}".\n${USAGE}` : USAGE };
    }
  } catch (error) {
    if (!isProxyError(error)) throw error;
    return { ok: false, output: `Chat2Desk at ${options.baseUrl}: ${hideWebhookSecret(error.message)}\n` };
  }
}
